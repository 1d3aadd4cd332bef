namespace LocalGov.Open311;

/// <summary>No complete response: a timeout, a refused or dropped connection, a cut-off body, or an open circuit breaker.</summary>
/// <remarks>
/// For <see cref="Open311Client.SubmitRequestAsync(Open311Submission, CancellationToken)"/> a timeout does not say whether the server made the request:
/// it may have. Check with <see cref="Open311Client.GetRequestsAsync"/> before sending again if duplicates matter.
/// </remarks>
public sealed class Open311TransportException : Open311Exception
{
    /// <summary>Creates an exception with its context.</summary>
    /// <param name="operation">The client operation.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="isTimeout">True when no response came in time.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311TransportException(string operation, Uri? requestUri, bool isTimeout, string message, Exception? innerException)
        : base(operation, requestUri, message, innerException)
    {
        IsTimeout = isTimeout;
    }

    /// <summary>Creates an exception.</summary>
    public Open311TransportException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311TransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311TransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>True when no response came before the timeout.</summary>
    public bool IsTimeout { get; }
}
