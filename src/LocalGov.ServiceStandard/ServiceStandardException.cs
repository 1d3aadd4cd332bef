namespace LocalGov.ServiceStandard;

/// <summary>The base type of every exception this package throws on purpose.</summary>
public class ServiceStandardException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ServiceStandardException()
        : base("A service standard operation failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ServiceStandardException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ServiceStandardException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
