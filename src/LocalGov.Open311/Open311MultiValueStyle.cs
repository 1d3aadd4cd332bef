namespace LocalGov.Open311;

/// <summary>How a multi-value attribute (a <c>multivaluelist</c>) is written in the form body of <c>POST requests</c>.</summary>
public enum Open311MultiValueStyle
{
    /// <summary><c>attribute[CODE]=a&amp;attribute[CODE]=b</c>: the key repeated, as FixMyStreet sends and mySociety's open311-adapter reads (the default).</summary>
    RepeatedKey,

    /// <summary><c>attribute[CODE][]=a&amp;attribute[CODE][]=b</c>: the spec's example form, for servers (PHP and Rails ones) that need the brackets to see a list.</summary>
    Brackets,
}
