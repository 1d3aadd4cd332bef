using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace LocalGov.Samples.Tests.SpeedingReport;

/// <summary>The demo with its staff area: the demo account signs in, and the first confirmation to <see cref="FailOnceEmailChannel.Address"/> fails.</summary>
public class StaffFactory : SpeedingReportFactory
{
    public const string UserName = "demo.staff";

    /// <summary>As in the sample's appsettings.json (the demo settings).</summary>
    public const string Password = "demo-staff-password";

    public StaffFactory()
    {
    }

    protected StaffFactory(IReadOnlyDictionary<string, string?> settings)
        : base(settings)
    {
    }

    public Task<JourneyClient> SignedInAsync() => StaffJourneys.SignedInAsync(this);

    public Task<string> SubmitReportAsync(string email = "pat@example.com", string road = "High Street") => StaffJourneys.SubmitReportAsync(this, email, road);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(FailOnceEmailChannel.Register);
    }
}

/// <summary>What the staff tests do on any store: sign in with the demo account, and send a report.</summary>
internal static class StaffJourneys
{
    /// <summary>A browser without JavaScript, signed in with the demo account.</summary>
    public static async Task<JourneyClient> SignedInAsync(SpeedingReportFactory factory)
    {
        var staff = factory.CreateJourney();
        var signedIn = await staff.SubmitAsync("/staff/sign-in", ("UserName", StaffFactory.UserName), ("Password", StaffFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.Status);
        Assert.Equal("/staff", signedIn.Location);
        return staff;
    }

    /// <summary>A report sent through the journey, its deliveries made; the resident's address decides whether its confirmation fails first.</summary>
    public static async Task<string> SubmitReportAsync(SpeedingReportFactory factory, string email, string road)
    {
        using var journey = factory.CreateJourney();
        await journey.AnswerAllAsync("DM1 1AA", "30-or-less", "single", "yes");
        await journey.FinishAsync(road: road, email: email);
        var reference = JourneyClient.ReferenceOn(await journey.SendAsync());
        await DeliveredReports.WaitAsync(factory, reference);
        return reference;
    }
}
