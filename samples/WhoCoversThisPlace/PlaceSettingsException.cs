namespace WhoCoversThisPlace;

/// <summary>The settings cannot be used.</summary>
public sealed class PlaceSettingsException(string message) : Exception(message);
