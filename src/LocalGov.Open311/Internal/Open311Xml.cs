using System.Xml;
using System.Xml.Linq;

namespace LocalGov.Open311.Internal;

/// <summary>
/// Reads GeoReport v2 XML into the wire records. The reader refuses DTDs and resolves nothing, so a hostile body
/// cannot expand entities or make the client fetch files or URLs.
/// </summary>
internal static class Open311Xml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static XElement Load(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader).Root ?? throw new XmlException("The document has no root element.");
    }

    public static List<ServiceWire> Services(XElement root)
    {
        Expect(root, "services");
        return [.. Items(root, "service").Select(e => new ServiceWire
        {
            ServiceCode = Text(e, "service_code"),
            ServiceName = Text(e, "service_name"),
            Description = Text(e, "description"),
            Metadata = Text(e, "metadata"),
            Type = Text(e, "type"),
            Keywords = Text(e, "keywords"),
            Group = Text(e, "group"),
        })];
    }

    public static DefinitionWire Definition(XElement root)
    {
        Expect(root, "service_definition");
        return new DefinitionWire
        {
            ServiceCode = Text(root, "service_code"),
            Attributes = [.. Items(Child(root, "attributes"), "attribute").Select(a => new AttributeWire
            {
                Variable = Text(a, "variable"),
                Code = Text(a, "code"),
                Datatype = Text(a, "datatype"),
                Required = Text(a, "required"),
                DatatypeDescription = Text(a, "datatype_description"),
                Order = Text(a, "order"),
                Description = Text(a, "description"),
                Values = [.. Items(Child(a, "values"), "value").Select(v => new ValueWire { Key = Text(v, "key"), Name = Text(v, "name") })],
            })],
        };
    }

    public static List<RequestWire> Requests(XElement root)
    {
        // A lone <request> root is not the spec's shape, but some servers answer GET requests/{id} that way.
        if (root.Name.LocalName == "request")
        {
            return [Request(root)];
        }

        Expect(root, "service_requests");
        return [.. Items(root, "request").Select(Request)];
    }

    public static List<ErrorWire>? Errors(XElement root)
    {
        if (root.Name.LocalName == "error")
        {
            return [new ErrorWire { Code = Text(root, "code"), Description = Text(root, "description") ?? WireText.Clean(root.Value) }];
        }

        return root.Name.LocalName == "errors"
            ? [.. Items(root, "error").Select(e => new ErrorWire { Code = Text(e, "code"), Description = Text(e, "description") ?? WireText.Clean(e.Value) })]
            : null;
    }

    private static RequestWire Request(XElement e) => new()
    {
        ServiceRequestId = Text(e, "service_request_id"),
        Token = Text(e, "token"),
        ServiceNotice = Text(e, "service_notice"),
        AccountId = Text(e, "account_id"),
        Status = Text(e, "status"),
        StatusNotes = Text(e, "status_notes"),
        ServiceName = Text(e, "service_name"),
        ServiceCode = Text(e, "service_code"),
        Description = Text(e, "description"),
        AgencyResponsible = Text(e, "agency_responsible"),
        RequestedDateTime = Text(e, "requested_datetime"),
        UpdatedDateTime = Text(e, "updated_datetime"),
        ExpectedDateTime = Text(e, "expected_datetime"),
        Address = Text(e, "address"),
        AddressId = Text(e, "address_id"),
        Zipcode = Text(e, "zipcode"),
        Lat = Text(e, "lat"),
        Long = Text(e, "long"),
        MediaUrl = Text(e, "media_url"),
    };

    private static void Expect(XElement root, string name)
    {
        if (root.Name.LocalName != name)
        {
            throw new XmlException($"Expected a <{name}> document, not <{root.Name.LocalName}>.");
        }
    }

    private static IEnumerable<XElement> Items(XElement? parent, string name) =>
        parent?.Elements().Where(e => e.Name.LocalName == name) ?? [];

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static string? Text(XElement parent, string name) => Child(parent, name)?.Value;
}
