using LocalGov.Testing;
using Microsoft.AspNetCore.Http;

namespace LocalGov.Open311.Tests;

/// <summary>Bodies written after the GeoReport v2 spec's examples (made valid JSON: the spec's own write 001 unquoted).</summary>
internal static class SpecFixtures
{
    public const string ServicesJson = """
        [
          {"service_code":"001","service_name":"Cans left out 24x7","description":"Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.","metadata":true,"type":"realtime","keywords":"lorem, ipsum, dolor","group":"sanitation"},
          {"service_code":2,"metadata":false,"type":"batch","keywords":"","group":"street","service_name":"Construction plate shifted","description":"Metal construction plate covering the street or sidewalk has been moved."},
          {"service_code":"003","metadata":"true","type":"blackbox","group":"street","service_name":"Curb or curb ramp defect","description":null}
        ]
        """;

    public const string ServicesXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <services>
            <service>
                <service_code>001</service_code>
                <service_name>Cans left out 24x7</service_name>
                <description>Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.</description>
                <metadata>true</metadata>
                <type>realtime</type>
                <keywords>lorem, ipsum, dolor</keywords>
                <group>sanitation</group>
            </service>
            <service>
                <service_code>2</service_code>
                <metadata>false</metadata>
                <type>batch</type>
                <keywords></keywords>
                <group>street</group>
                <service_name>Construction plate shifted</service_name>
                <description>Metal construction plate covering the street or sidewalk has been moved.</description>
            </service>
            <service>
                <service_code>003</service_code>
                <metadata>true</metadata>
                <type>blackbox</type>
                <group>street</group>
                <service_name>Curb or curb ramp defect</service_name>
                <description/>
            </service>
        </services>
        """;

    public const string DefinitionJson = """
        {
          "service_code":"DMV66",
          "attributes":[
            {"variable":true,"code":"WHISHETN","datatype":"singlevaluelist","required":true,"datatype_description":null,"order":2,"description":"What is the ticket/tag/DL number?",
             "values":[{"key":123,"name":"Ford"},{"key":124,"name":"Chrysler"}]},
            {"variable":false,"code":"NOTE","datatype":"text","required":false,"datatype_description":"Read this","order":1,"description":"Please read"},
            {"variable":true,"code":"COLOURS","datatype":"multivaluelist","required":false,"order":3,"description":"Colours","values":[{"key":"r","name":"Red"},{"key":"g","name":"Green"}]}
          ]
        }
        """;

    public const string DefinitionXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_definition>
            <service_code>DMV66</service_code>
            <attributes>
                <attribute>
                    <variable>true</variable>
                    <code>WHISHETN</code>
                    <datatype>singlevaluelist</datatype>
                    <required>true</required>
                    <datatype_description></datatype_description>
                    <order>2</order>
                    <description>What is the ticket/tag/DL number?</description>
                    <values>
                        <value><key>123</key><name>Ford</name></value>
                        <value><key>124</key><name>Chrysler</name></value>
                    </values>
                </attribute>
                <attribute>
                    <variable>false</variable>
                    <code>NOTE</code>
                    <datatype>text</datatype>
                    <required>false</required>
                    <datatype_description>Read this</datatype_description>
                    <order>1</order>
                    <description>Please read</description>
                </attribute>
                <attribute>
                    <variable>true</variable>
                    <code>COLOURS</code>
                    <datatype>multivaluelist</datatype>
                    <required>false</required>
                    <order>3</order>
                    <description>Colours</description>
                    <values><value><key>r</key><name>Red</name></value><value><key>g</key><name>Green</name></value></values>
                </attribute>
            </attributes>
        </service_definition>
        """;

    public const string SubmittedJson = """
        [{"service_request_id":293944,"service_notice":"The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code","account_id":null}]
        """;

    public const string SubmittedXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>293944</service_request_id>
                <service_notice>
                    The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code
                </service_notice>
                <account_id/>
            </request>
        </service_requests>
        """;

    public const string TokenJson = """[{"service_request_id":638344,"token":12345}]""";

    public const string TokenXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests><request><service_request_id>638344</service_request_id><token>12345</token></request></service_requests>
        """;

    public const string RequestsJson = """
        [
          {"service_request_id":638344,"status":"closed","status_notes":"Duplicate request.","service_name":"Sidewalk and Curb Issues","service_code":"006","description":null,"agency_responsible":null,"service_notice":null,
           "requested_datetime":"2010-04-14T06:37:38-08:00","updated_datetime":"2010-04-14T06:37:38-08:00","expected_datetime":"2010-04-15T06:37:38-08:00",
           "address":"8TH AVE and JUDAH ST","address_id":545483,"zipcode":94122,"lat":37.762221815,"long":-122.4651145,"media_url":"http://city.gov.s3.amazonaws.com/requests/media/638344.jpg "},
          {"service_request_id":638349,"status":"open","status_notes":null,"service_name":"Sidewalk and Curb Issues","service_code":"006","description":null,"agency_responsible":null,"service_notice":null,
           "requested_datetime":"2010-04-19T06:37:38-08:00","updated_datetime":"2010-04-19T06:37:38-08:00","expected_datetime":"2010-04-19T06:37:38-08:00",
           "address":"8TH AVE and JUDAH ST","address_id":545483,"zipcode":94122,"lat":"37.762221815","long":"-122.4651145","media_url":"http://city.gov.s3.amazonaws.com/requests/media/638349.jpg"}
        ]
        """;

    public const string RequestsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <service_requests>
            <request>
                <service_request_id>638344</service_request_id>
                <status>closed</status>
                <status_notes>Duplicate request.</status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description></description>
                <agency_responsible></agency_responsible>
                <service_notice></service_notice>
                <requested_datetime>2010-04-14T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-14T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-15T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638344.jpg </media_url>
            </request>
            <request>
                <service_request_id>638349</service_request_id>
                <status>open</status>
                <status_notes></status_notes>
                <service_name>Sidewalk and Curb Issues</service_name>
                <service_code>006</service_code>
                <description></description>
                <requested_datetime>2010-04-19T06:37:38-08:00</requested_datetime>
                <updated_datetime>2010-04-19T06:37:38-08:00</updated_datetime>
                <expected_datetime>2010-04-19T06:37:38-08:00</expected_datetime>
                <address>8TH AVE and JUDAH ST</address>
                <address_id>545483</address_id>
                <zipcode>94122</zipcode>
                <lat>37.762221815</lat>
                <long>-122.4651145</long>
                <media_url>http://city.gov.s3.amazonaws.com/requests/media/638349.jpg</media_url>
            </request>
        </service_requests>
        """;

    public const string ErrorsJson = """[{"code":400,"description":"service_code was not provided"},{"code":400,"description":"Attribute WHISHETN is required"}]""";

    public const string ErrorsXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <errors>
            <error><code>400</code><description>service_code was not provided</description></error>
            <error><code>400</code><description>Attribute WHISHETN is required</description></error>
        </errors>
        """;

    public static string ContentType(Open311Format format) => format == Open311Format.Xml ? "text/xml; charset=utf-8" : "application/json; charset=utf-8";

    public static Open311Client Client(LoopbackServer server, Open311Format format, Action<Open311ClientOptions>? configure = null)
    {
        var options = new Open311ClientOptions { BaseAddress = new Uri(server.BaseAddress, "open311/v2"), Format = format, ApiKey = "secret-key" };
        configure?.Invoke(options);
        return new Open311Client(new HttpClient(), options);
    }

    public static Task<LoopbackServer> ServeAsync(int status, string body, Open311Format format, CancellationToken ct) =>
        LoopbackServer.StartAsync(status, body, ContentType(format), ct);

    public static async Task<(LoopbackServer Server, List<KeyValuePair<string, string>> Form)> CapturingAsync(string body, CancellationToken ct)
    {
        var form = new List<KeyValuePair<string, string>>();
        var server = await LoopbackServer.StartAsync(
            async context =>
            {
                var read = await context.Request.ReadFormAsync(context.RequestAborted);
                foreach (var (key, values) in read)
                {
                    form.AddRange(values.Select(v => new KeyValuePair<string, string>(key, v ?? "")));
                }

                context.Items["ct"] = context.Request.ContentType;
                form.Add(new("__content_type", context.Request.ContentType ?? ""));
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(body, context.RequestAborted);
            },
            ct);
        return (server, form);
    }
}
