namespace LocalGov.Boundaries;

// Lets tests and tools name this assembly before it has public types of its own.
internal static class AssemblyMarker;
