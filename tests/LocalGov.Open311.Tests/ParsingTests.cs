namespace LocalGov.Open311.Tests;

public sealed class ParsingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.ServicesJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.ServicesXml)]
    public async Task Service_list_reads_every_field_in_both_formats(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(200, body, format, Ct);
        var services = await SpecFixtures.Client(server, format).GetServicesAsync(Ct);

        Assert.Equal(["001", "2", "003"], services.Select(s => s.ServiceCode));
        var cans = services[0];
        Assert.Equal("Cans left out 24x7", cans.ServiceName);
        Assert.StartsWith("Garbage or recycling cans", cans.Description, StringComparison.Ordinal);
        Assert.True(cans.Metadata);
        Assert.Equal(Open311ServiceType.Realtime, cans.Type);
        Assert.Equal(["lorem", "ipsum", "dolor"], cans.Keywords);
        Assert.Equal("sanitation", cans.Group);
        Assert.Equal(Open311ServiceType.Batch, services[1].Type);
        Assert.False(services[1].Metadata);
        Assert.Empty(services[1].Keywords);
        Assert.Equal(Open311ServiceType.Blackbox, services[2].Type);
        Assert.True(services[2].Metadata);
        Assert.Null(services[2].Description);
        Assert.Equal("/open311/v2/services." + (format == Open311Format.Xml ? "xml" : "json"), server.Requests.Single());
    }

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.DefinitionJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.DefinitionXml)]
    public async Task Service_definition_reads_attributes_in_order_with_values(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(200, body, format, Ct);
        var definition = await SpecFixtures.Client(server, format).GetServiceDefinitionAsync("DMV66", Ct);

        Assert.Equal("DMV66", definition.ServiceCode);
        Assert.Equal(["NOTE", "WHISHETN", "COLOURS"], definition.Attributes.Select(a => a.Code));
        var note = definition.Attributes[0];
        Assert.False(note.Variable);
        Assert.Equal(Open311AttributeDatatype.Text, note.Datatype);
        Assert.Equal("Read this", note.DatatypeDescription);
        var make = definition.FindAttribute("WHISHETN")!;
        Assert.True(make.Variable);
        Assert.True(make.Required);
        Assert.Equal(Open311AttributeDatatype.SingleValueList, make.Datatype);
        Assert.Equal("singlevaluelist", make.DatatypeName);
        Assert.Null(make.DatatypeDescription);
        Assert.Equal(2, make.Order);
        Assert.Equal("What is the ticket/tag/DL number?", make.Description);
        Assert.Equal([new Open311AttributeValue("123", "Ford"), new Open311AttributeValue("124", "Chrysler")], make.Values);
        Assert.Equal(Open311AttributeDatatype.MultiValueList, definition.Attributes[2].Datatype);
        Assert.EndsWith("/services/DMV66." + (format == Open311Format.Xml ? "xml" : "json"), server.Requests.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.SubmittedJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.SubmittedXml)]
    public async Task Submit_answer_gives_the_id_and_notice(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(200, body, format, Ct);
        var result = await SpecFixtures.Client(server, format).SubmitRequestAsync(new Open311Submission { ServiceCode = "001", AddressString = "1234 5th street" }, Ct);

        Assert.Equal("293944", result.ServiceRequestId);
        Assert.Null(result.Token);
        Assert.Null(result.AccountId);
        Assert.StartsWith("The City will inspect", result.ServiceNotice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.TokenJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.TokenXml)]
    public async Task Token_answer_gives_the_id(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(200, body, format, Ct);
        var result = await SpecFixtures.Client(server, format).GetRequestIdFromTokenAsync("12345", Ct);

        Assert.Equal(new Open311TokenResult { Token = "12345", ServiceRequestId = "638344" }, result);
        Assert.EndsWith("/tokens/12345." + (format == Open311Format.Xml ? "xml" : "json"), server.Requests.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.RequestsJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.RequestsXml)]
    public async Task Requests_read_every_field_in_both_formats(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(200, body, format, Ct);
        var requests = await SpecFixtures.Client(server, format).GetRequestsAsync(cancellationToken: Ct);

        Assert.Equal(2, requests.Count);
        var first = requests[0];
        Assert.Equal("638344", first.ServiceRequestId);
        Assert.Equal("closed", first.Status);
        Assert.True(first.IsClosed);
        Assert.Equal("Duplicate request.", first.StatusNotes);
        Assert.Equal("Sidewalk and Curb Issues", first.ServiceName);
        Assert.Equal("006", first.ServiceCode);
        Assert.Null(first.Description);
        Assert.Null(first.AgencyResponsible);
        Assert.Equal(new DateTimeOffset(2010, 4, 14, 6, 37, 38, TimeSpan.FromHours(-8)), first.RequestedDateTime);
        Assert.Equal(new DateTimeOffset(2010, 4, 15, 6, 37, 38, TimeSpan.FromHours(-8)), first.ExpectedDateTime);
        Assert.Equal("8TH AVE and JUDAH ST", first.Address);
        Assert.Equal("545483", first.AddressId);
        Assert.Equal("94122", first.Zipcode);
        Assert.Equal(37.762221815, first.Latitude);
        Assert.Equal(-122.4651145, first.Longitude);
        Assert.Equal(new Uri("http://city.gov.s3.amazonaws.com/requests/media/638344.jpg"), first.MediaUrl);
        Assert.False(requests[1].IsClosed);
        Assert.Equal(37.762221815, requests[1].Latitude);
    }

    [Theory]
    [InlineData(Open311Format.Json, SpecFixtures.RequestsJson)]
    [InlineData(Open311Format.Xml, SpecFixtures.RequestsXml)]
    public async Task One_request_picks_the_matching_id(Open311Format format, string body)
    {
        await using var server = await SpecFixtures.ServeAsync(200, body, format, Ct);
        var request = await SpecFixtures.Client(server, format).GetRequestAsync("638349", Ct);
        Assert.Equal("open", request.Status);
        Assert.EndsWith("/requests/638349." + (format == Open311Format.Xml ? "xml" : "json"), server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_filters_are_sent_as_the_spec_names_them()
    {
        await using var server = await SpecFixtures.ServeAsync(200, "[]", Open311Format.Json, Ct);
        var client = SpecFixtures.Client(server, Open311Format.Json, o => o.JurisdictionId = "city.gov");
        var none = await client.GetRequestsAsync(
            new Open311RequestQuery
            {
                ServiceCodes = ["001", "002"],
                StartDate = new DateTimeOffset(2010, 5, 24, 1, 0, 0, TimeSpan.FromHours(1)),
                EndDate = new DateTimeOffset(2010, 6, 24, 0, 0, 0, TimeSpan.Zero),
                Status = Open311RequestStatus.Open,
            },
            Ct);

        Assert.Empty(none);
        var sent = Uri.UnescapeDataString(server.Requests.Single());
        Assert.StartsWith("/open311/v2/requests.json?", sent, StringComparison.Ordinal);
        Assert.Contains("jurisdiction_id=city.gov", sent, StringComparison.Ordinal);
        Assert.Contains("service_code=001,002", sent, StringComparison.Ordinal);
        Assert.Contains("start_date=2010-05-24T00:00:00Z", sent, StringComparison.Ordinal);
        Assert.Contains("end_date=2010-06-24T00:00:00Z", sent, StringComparison.Ordinal);
        Assert.Contains("status=open", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("service_request_id", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_answer_for_one_request_is_not_found()
    {
        await using var server = await SpecFixtures.ServeAsync(200, "[]", Open311Format.Json, Ct);
        await Assert.ThrowsAsync<Open311NotFoundException>(() => SpecFixtures.Client(server, Open311Format.Json).GetRequestAsync("1", Ct));
    }

    [Fact]
    public async Task A_wrapped_json_list_and_a_token_not_yet_resolved_are_read()
    {
        await using var wrapped = await SpecFixtures.ServeAsync(200, """{"service_requests":[{"token":"abc"}]}""", Open311Format.Json, Ct);
        var pending = await SpecFixtures.Client(wrapped, Open311Format.Json).GetRequestIdFromTokenAsync("abc", Ct);
        Assert.Null(pending.ServiceRequestId);
    }

    [Fact]
    public async Task A_server_answering_xml_to_a_json_request_is_still_read()
    {
        await using var server = await SpecFixtures.ServeAsync(200, SpecFixtures.TokenXml, Open311Format.Xml, Ct);
        var result = await SpecFixtures.Client(server, Open311Format.Json).GetRequestIdFromTokenAsync("12345", Ct);
        Assert.Equal("638344", result.ServiceRequestId);
    }
}
