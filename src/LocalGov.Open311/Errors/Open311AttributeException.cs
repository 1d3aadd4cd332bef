namespace LocalGov.Open311;

/// <summary>
/// A submission's attributes do not fit the service definition (checked before sending, when asked): a required attribute
/// is missing, a list value is not one of the definition's keys, several values were given to a single-value attribute,
/// or an attribute is not in the definition. Nothing was sent.
/// </summary>
public sealed class Open311AttributeException : Open311Exception
{
    /// <summary>Creates an exception naming the attribute.</summary>
    /// <param name="serviceCode">The service the submission was for.</param>
    /// <param name="attributeCode">The attribute at fault.</param>
    /// <param name="problem">What is wrong with it.</param>
    public Open311AttributeException(string serviceCode, string attributeCode, string problem)
        : base("SubmitRequestAsync", null, $"Open311 service '{serviceCode}', attribute '{attributeCode}': {problem}")
    {
        ServiceCode = serviceCode;
        AttributeCode = attributeCode;
        Problem = problem;
    }

    /// <summary>Creates an exception.</summary>
    public Open311AttributeException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public Open311AttributeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public Open311AttributeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The service code.</summary>
    public string? ServiceCode { get; }

    /// <summary>The attribute code at fault.</summary>
    public string? AttributeCode { get; }

    /// <summary>What is wrong with it.</summary>
    public string? Problem { get; }
}
