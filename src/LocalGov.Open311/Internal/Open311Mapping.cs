namespace LocalGov.Open311.Internal;

/// <summary>Wire records to the public, immutable models.</summary>
internal static class Open311Mapping
{
    public static Open311Service Service(ServiceWire w) => new()
    {
        ServiceCode = WireText.Clean(w.ServiceCode) ?? throw new InvalidOperationException("A service has no service_code."),
        ServiceName = WireText.Clean(w.ServiceName) ?? WireText.Clean(w.ServiceCode)!,
        Description = WireText.Clean(w.Description),
        Metadata = WireText.Flag(w.Metadata, false),
        Type = WireText.Clean(w.Type)?.ToUpperInvariant() switch
        {
            "REALTIME" => Open311ServiceType.Realtime,
            "BATCH" => Open311ServiceType.Batch,
            "BLACKBOX" => Open311ServiceType.Blackbox,
            _ => Open311ServiceType.Unknown,
        },
        Keywords = WireText.Clean(w.Keywords)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
        Group = WireText.Clean(w.Group),
    };

    public static Open311ServiceDefinition Definition(DefinitionWire w, string askedFor) => new()
    {
        ServiceCode = WireText.Clean(w.ServiceCode) ?? askedFor,
        Attributes = [.. (w.Attributes ?? [])
            .Select((a, index) => (Attribute: Attribute(a), Index: index))
            .OrderBy(x => x.Attribute.Order ?? int.MaxValue)
            .ThenBy(x => x.Index)
            .Select(x => x.Attribute)],
    };

    private static Open311AttributeDefinition Attribute(AttributeWire a)
    {
        var datatype = WireText.Clean(a.Datatype);
        return new Open311AttributeDefinition
        {
            Code = WireText.Clean(a.Code) ?? throw new InvalidOperationException("An attribute has no code."),
            Variable = WireText.Flag(a.Variable, true),
            Datatype = datatype?.ToUpperInvariant() switch
            {
                "STRING" => Open311AttributeDatatype.String,
                "NUMBER" => Open311AttributeDatatype.Number,
                "DATETIME" => Open311AttributeDatatype.DateTime,
                "TEXT" => Open311AttributeDatatype.Text,
                "SINGLEVALUELIST" => Open311AttributeDatatype.SingleValueList,
                "MULTIVALUELIST" => Open311AttributeDatatype.MultiValueList,
                _ => Open311AttributeDatatype.Unknown,
            },
            DatatypeName = datatype,
            Required = WireText.Flag(a.Required, false),
            DatatypeDescription = WireText.Clean(a.DatatypeDescription),
            Order = WireText.Integer(a.Order),
            Description = WireText.Clean(a.Description),
            Values = [.. (a.Values ?? []).Where(v => WireText.Clean(v.Key) is not null).Select(v => new Open311AttributeValue(v.Key!.Trim(), WireText.Clean(v.Name) ?? v.Key!.Trim()))],
        };
    }

    public static Open311SubmitResult Submitted(RequestWire w) => new()
    {
        ServiceRequestId = WireText.Clean(w.ServiceRequestId),
        Token = WireText.Clean(w.Token),
        ServiceNotice = WireText.Clean(w.ServiceNotice),
        AccountId = WireText.Clean(w.AccountId),
    };

    public static Open311ServiceRequest Request(RequestWire w) => new()
    {
        ServiceRequestId = WireText.Clean(w.ServiceRequestId) ?? throw new InvalidOperationException("A request has no service_request_id."),
        Status = WireText.Clean(w.Status)?.ToLowerInvariant(),
        StatusNotes = WireText.Clean(w.StatusNotes),
        ServiceName = WireText.Clean(w.ServiceName),
        ServiceCode = WireText.Clean(w.ServiceCode),
        Description = WireText.Clean(w.Description),
        AgencyResponsible = WireText.Clean(w.AgencyResponsible),
        ServiceNotice = WireText.Clean(w.ServiceNotice),
        RequestedDateTime = WireText.Date(w.RequestedDateTime),
        UpdatedDateTime = WireText.Date(w.UpdatedDateTime),
        ExpectedDateTime = WireText.Date(w.ExpectedDateTime),
        Address = WireText.Clean(w.Address),
        AddressId = WireText.Clean(w.AddressId),
        Zipcode = WireText.Clean(w.Zipcode),
        Latitude = WireText.Number(w.Lat),
        Longitude = WireText.Number(w.Long),
        MediaUrl = WireText.Url(w.MediaUrl),
    };
}
