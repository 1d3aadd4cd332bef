using System.Net;
using System.Text;

namespace LocalGov.ModernGov;

/// <summary>
/// The root of every error this package raises: a council's Modern.Gov web service failed, answered something
/// that is not Modern.Gov XML, or the request could not be made. Carries where it happened.
/// </summary>
public class ModernGovException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public ModernGovException()
        : base("A Modern.Gov web-service call failed.")
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/>.</summary>
    /// <param name="message">What went wrong.</param>
    public ModernGovException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ModernGovException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal ModernGovException(string what, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt, Exception? innerException)
        : base(Describe(what, context, statusCode, bodyExcerpt), innerException)
    {
        Council = context.Council;
        Operation = context.Operation;
        RequestUri = context.RequestUri;
        StatusCode = statusCode;
        BodyExcerpt = bodyExcerpt;
    }

    /// <summary>The name of the council whose service was called, when known.</summary>
    public string? Council { get; }

    /// <summary>The web-service operation, such as <c>GetMeeting</c>, when known.</summary>
    public string? Operation { get; }

    /// <summary>The URL requested (Modern.Gov needs no credentials, so it holds no secrets).</summary>
    public Uri? RequestUri { get; }

    /// <summary>The HTTP status of the response, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The start of the response body (at most a few hundred characters), when there was one.</summary>
    public string? BodyExcerpt { get; }

    private static string Describe(string what, ModernGovRequestContext context, HttpStatusCode? statusCode, string? bodyExcerpt)
    {
        var text = new StringBuilder(what.TrimEnd('.'));
        text.Append(". Council '").Append(context.Council).Append("', operation ").Append(context.Operation);
        if (context.RequestUri is not null)
        {
            text.Append(", ").Append(context.RequestUri);
        }

        if (statusCode is { } status)
        {
            text.Append(", HTTP ").Append((int)status).Append(' ').Append(status);
        }

        text.Append('.');
        if (!string.IsNullOrEmpty(bodyExcerpt))
        {
            text.Append(" Body starts: \"").Append(bodyExcerpt).Append('"');
        }

        return text.ToString();
    }
}
