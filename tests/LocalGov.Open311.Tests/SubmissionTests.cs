namespace LocalGov.Open311.Tests;

public sealed class SubmissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Open311ServiceDefinition Definition = new()
    {
        ServiceCode = "SPEED",
        Attributes =
        [
            new Open311AttributeDefinition { Code = "road_type", Datatype = Open311AttributeDatatype.SingleValueList, Required = true, Description = "What kind of road?", Values = [new("residential", "Residential"), new("main", "Main road")] },
            new Open311AttributeDefinition { Code = "days", Datatype = Open311AttributeDatatype.MultiValueList, Values = [new("mon", "Monday"), new("tue", "Tuesday")] },
            new Open311AttributeDefinition { Code = "speed", Datatype = Open311AttributeDatatype.Number },
            new Open311AttributeDefinition { Code = "seen_at", Datatype = Open311AttributeDatatype.DateTime },
            new Open311AttributeDefinition { Code = "road_name", Datatype = Open311AttributeDatatype.String },
            new Open311AttributeDefinition { Code = "info", Variable = false, Required = true, Datatype = Open311AttributeDatatype.Text },
        ],
    };

    [Fact]
    public async Task Every_field_is_form_encoded_with_attributes_repeated_for_multiple_values()
    {
        var (server, form) = await SpecFixtures.CapturingAsync(SpecFixtures.SubmittedJson, Ct);
        await using (server)
        {
            var client = SpecFixtures.Client(server, Open311Format.Json, o => o.JurisdictionId = "example.gov.uk");
            await client.SubmitRequestAsync(
                new Open311Submission
                {
                    ServiceCode = "SPEED",
                    Latitude = 51.7520,
                    Longitude = -1.2577,
                    AddressString = "High Street, Demo Vale",
                    AddressId = "100120000001",
                    Email = "sam@example.org",
                    DeviceId = "dev-1",
                    AccountId = "acc-9",
                    FirstName = "Sam",
                    LastName = "Sample",
                    Phone = "01632 960000",
                    Description = "Cars at 50 in a 30 & worse at night",
                    MediaUrl = new Uri("https://example.org/photo.jpg"),
                    Attributes = new Dictionary<string, IReadOnlyList<string>> { ["road_type"] = ["main"], ["days"] = ["mon", "tue"] },
                },
                Ct);

            Assert.Equal(
                [
                    new("api_key", "secret-key"), new("jurisdiction_id", "example.gov.uk"), new("service_code", "SPEED"), new("lat", "51.752"), new("long", "-1.2577"),
                    new("address_string", "High Street, Demo Vale"), new("address_id", "100120000001"), new("email", "sam@example.org"), new("device_id", "dev-1"),
                    new("account_id", "acc-9"), new("first_name", "Sam"), new("last_name", "Sample"), new("phone", "01632 960000"),
                    new("description", "Cars at 50 in a 30 & worse at night"), new("media_url", "https://example.org/photo.jpg"),
                    new("attribute[road_type]", "main"), new("attribute[days]", "mon"), new("attribute[days]", "tue"),
                    new KeyValuePair<string, string>("__content_type", "application/x-www-form-urlencoded"),
                ],
                form);
            Assert.DoesNotContain("secret-key", server.Requests.Single(), StringComparison.Ordinal);
            Assert.Equal("/open311/v2/requests.json", server.Requests.Single());
        }
    }

    [Fact]
    public async Task Only_what_is_set_is_sent_and_the_bracket_style_is_available()
    {
        var (server, form) = await SpecFixtures.CapturingAsync(SpecFixtures.SubmittedJson, Ct);
        await using (server)
        {
            var client = SpecFixtures.Client(server, Open311Format.Json, o => { o.ApiKey = null; o.MultiValueStyle = Open311MultiValueStyle.Brackets; });
            await client.SubmitRequestAsync(new Open311Submission { ServiceCode = "SPEED", AddressId = "42", Attributes = new Dictionary<string, IReadOnlyList<string>> { ["days"] = ["mon", "tue"], ["road_type"] = ["main"] } }, Ct);
            Assert.Equal(["service_code", "address_id", "attribute[days][]", "attribute[days][]", "attribute[road_type]", "__content_type"], form.Select(f => f.Key));
        }
    }

    [Theory]
    [InlineData(null, null, null, null, "needs a location")]
    [InlineData(51.0, null, null, null, "go together")]
    [InlineData(91.0, 0.0, null, null, "not a WGS84")]
    [InlineData(double.NaN, 0.0, null, null, "not a WGS84")]
    [InlineData(51.0, double.NaN, "High Street", null, "not a WGS84")]
    [InlineData(double.PositiveInfinity, 0.0, null, null, "not a WGS84")]
    [InlineData(51.0, 181.0, null, null, "not a WGS84")]
    public async Task A_submission_without_a_proper_location_is_refused_before_sending(double? lat, double? lon, string? address, string? addressId, string expected)
    {
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/open311/v2/") });
        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitRequestAsync(new Open311Submission { ServiceCode = "1", Latitude = lat, Longitude = lon, AddressString = address, AddressId = addressId }, Ct));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fitting_submission_passes_the_check()
    {
        Open311Client.ValidateAttributes(
            new Open311Submission
            {
                ServiceCode = "SPEED",
                AddressId = "1",
                Attributes = new Dictionary<string, IReadOnlyList<string>>
                {
                    ["road_type"] = ["main"],
                    ["days"] = ["mon", "tue"],
                    ["speed"] = ["45.5"],
                    ["seen_at"] = ["2026-12-01T08:30:00Z"],
                    ["road_name"] = ["High Street"],
                },
            },
            Definition);
    }

    [Theory]
    [InlineData(null, "road_type", "is required (\"What kind of road?\") but has no value")]
    [InlineData("road_type=lane", "road_type", "'lane' is not one of its values: residential (Residential), main (Main road)")]
    [InlineData("road_type=main|days=mon,fri", "days", "'fri' is not one of its values")]
    [InlineData("road_type=main,residential", "road_type", "takes one value")]
    [InlineData("road_type=main|speed=fast", "speed", "not a number")]
    [InlineData("road_type=main|seen_at=yesterday", "seen_at", "not an ISO 8601")]
    [InlineData("road_type=main|colour=red", "colour", "is not an attribute of this service")]
    public void A_bad_attribute_is_named(string? given, string attribute, string problem)
    {
        var attributes = (given ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('='))
            .ToDictionary(p => p[0], p => (IReadOnlyList<string>)p[1].Split(','));
        var error = Assert.Throws<Open311AttributeException>(() => Open311Client.ValidateAttributes(new Open311Submission { ServiceCode = "SPEED", AddressId = "1", Attributes = attributes }, Definition));
        Assert.Equal(attribute, error.AttributeCode);
        Assert.Equal("SPEED", error.ServiceCode);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"attribute '{attribute}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checked_submission_that_fails_sends_nothing()
    {
        var (server, form) = await SpecFixtures.CapturingAsync(SpecFixtures.SubmittedJson, Ct);
        await using (server)
        {
            var client = SpecFixtures.Client(server, Open311Format.Json);
            await Assert.ThrowsAsync<Open311AttributeException>(() => client.SubmitRequestAsync(new Open311Submission { ServiceCode = "SPEED", AddressId = "1" }, Definition, Ct));
            Assert.Empty(server.Requests);
            var ok = await client.SubmitRequestAsync(new Open311Submission { ServiceCode = "SPEED", AddressId = "1", Attributes = new Dictionary<string, IReadOnlyList<string>> { ["road_type"] = ["main"] } }, Definition, Ct);
            Assert.Equal("293944", ok.ServiceRequestId);
        }
    }

    [Fact]
    public void A_definition_for_another_service_is_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => Open311Client.ValidateAttributes(new Open311Submission { ServiceCode = "OTHER", AddressId = "1" }, Definition));
    }
}
