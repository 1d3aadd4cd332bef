namespace LocalGov.Postcodes;

/// <summary>No usable response arrived: connection failure, timeout or a response cut off mid-body. The cause is the inner exception.</summary>
public sealed class PostcodesTransportException : PostcodesException
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="service">The remote service.</param>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL, without secrets.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The transport failure.</param>
    public PostcodesTransportException(string service, string operation, Uri? requestUri, string message, Exception? innerException)
        : base(service, operation, requestUri, message, innerException)
    {
    }

    /// <summary>Creates an exception.</summary>
    public PostcodesTransportException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public PostcodesTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PostcodesTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
