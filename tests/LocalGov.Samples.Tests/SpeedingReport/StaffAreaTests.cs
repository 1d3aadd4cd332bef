using System.Net;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The staff area refuses anonymous requests: pages redirect to sign-in, which answers 401.</summary>
public sealed class StaffAreaTests(SpeedingReportFactory factory) : IClassFixture<SpeedingReportFactory>
{
    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/")]
    public async Task Anonymous_requests_are_sent_to_sign_in(string path)
    {
        using var journey = factory.CreateJourney();

        var response = await journey.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        Assert.StartsWith("http://localhost/staff/sign-in?ReturnUrl=", response.Location, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Staff", response.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_answers_401_and_a_post_to_staff_is_refused()
    {
        using var journey = factory.CreateJourney();

        Assert.Equal(HttpStatusCode.Unauthorized, (await journey.GetAsync("/staff/sign-in")).Status);
        var post = await journey.PostWithTokenFromAsync("/where", "/staff");
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.Contains("/staff/sign-in", post.Location, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_forged_staff_cookie_is_not_accepted()
    {
        using var http = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", ".SpeedingReport.Staff=CfDJ8forged");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }
}
