namespace LocalGov.Open311;

/// <summary>
/// The base of every failure raised by <see cref="Open311Client"/>. Carries the operation and the request URL (which
/// never holds the API key: it travels in the form body).
/// </summary>
public class Open311Exception : Exception
{
    /// <summary>Creates an exception.</summary>
    public Open311Exception()
        : this("An Open311 call failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311Exception(string message)
        : base(message)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311Exception(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
    }

    /// <summary>Creates an exception with its context.</summary>
    /// <param name="operation">The client operation, e.g. <c>SubmitRequestAsync</c>.</param>
    /// <param name="requestUri">The request URL.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public Open311Exception(string operation, Uri? requestUri, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        RequestUri = requestUri;
    }

    /// <summary>The client operation that failed, e.g. <c>SubmitRequestAsync</c>.</summary>
    public string Operation { get; }

    /// <summary>The request URL (without the API key, which is never in a URL).</summary>
    public Uri? RequestUri { get; }
}
