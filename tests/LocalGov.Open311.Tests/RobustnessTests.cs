using LocalGov.Testing.Open311;

namespace LocalGov.Open311.Tests;

/// <summary>Rows of the README's Robustness table not covered elsewhere.</summary>
public sealed class RobustnessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("road_type]&api_key=x")]
    [InlineData("a=b")]
    [InlineData("days[]")]
    [InlineData(" ")]
    public async Task An_attribute_code_that_would_corrupt_the_form_is_refused_before_sending(string code)
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = server.BaseAddress, ApiKey = "test-key" });
        var submission = new Open311Submission
        {
            ServiceCode = "SPEED",
            AddressString = "High Street",
            Attributes = new Dictionary<string, IReadOnlyList<string>> { [code] = ["main"] },
        };

        await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitRequestAsync(submission, Ct));
        Assert.Empty(server.Calls);
    }

    [Fact]
    public async Task A_rejected_key_is_not_repeated_in_the_exception()
    {
        await using var server = await GeoReportServer.StartAsync(GeoReportServer.SampleServices(), Ct);
        var client = new Open311Client(new HttpClient(), new Open311ClientOptions { BaseAddress = server.BaseAddress, ApiKey = "s3cret-key-value" });
        var submission = new Open311Submission
        {
            ServiceCode = "SPEED",
            AddressString = "High Street",
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["road_type"] = ["main"] },
        };

        var error = await Assert.ThrowsAsync<Open311ForbiddenException>(() => client.SubmitRequestAsync(submission, Ct));

        Assert.DoesNotContain("s3cret", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.RequestUri?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal("s3cret-key-value", server.Calls.Single().Form.Single(f => f.Key == "api_key").Value);
    }
}
