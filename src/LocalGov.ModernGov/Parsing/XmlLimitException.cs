using System.Xml;

namespace LocalGov.ModernGov;

/// <summary>
/// A body that is well-formed so far but exceeds one of the parser's caps (attributes per element, fields per record);
/// the response reader turns it into <see cref="ModernGovLimitExceededException"/>, naming the cap.
/// </summary>
internal sealed class XmlLimitException : XmlException
{
    public XmlLimitException(string limit, long maximum, string message, int lineNumber = 0, int linePosition = 0)
        : base(message, null, lineNumber, linePosition)
    {
        Limit = limit;
        Maximum = maximum;
    }

    public string Limit { get; }

    public long Maximum { get; }
}
