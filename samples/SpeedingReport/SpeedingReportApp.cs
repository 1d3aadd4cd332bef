using LocalGov.Postcodes.PostcodesIo;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;
using SpeedingReport.Delivery.Open311;
using SpeedingReport.Delivery.Notify;
using SpeedingReport.Delivery;
using SpeedingReport.Demo;
using SpeedingReport.Hosting;
using SpeedingReport.Location;
using SpeedingReport.Operations;
using SpeedingReport.Map;
using SpeedingReport.Routing;
using SpeedingReport.Retention;
using SpeedingReport.Security;
using SpeedingReport.Staff;
using SpeedingReport.Staff.Attention;
using SpeedingReport.Storage;

namespace SpeedingReport;

/// <summary>Builds the app: used by Program and by tests that need it on a real port.</summary>
public static class SpeedingReportApp
{
    /// <param name="args">The command line.</param>
    /// <param name="configure">Runs before the app's services are added (settings, logging).</param>
    /// <param name="overrideServices">Runs after them, so a registration here replaces the app's (a test's delivery channel).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<IServiceCollection>? overrideServices = null)
    {
        // The application name finds the Razor Pages when the app is hosted by another entry assembly (the browser tests).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(SpeedingReportApp).Assembly.GetName().Name });
        builder.UseDefaultAddressUnlessConfigured();
        configure?.Invoke(builder);
        AddServices(builder.Services, builder.Configuration, builder.Environment);
        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();
        Configure(app);
        return app;
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var section = configuration.GetSection(SpeedingReportOptions.SectionName);
        services.AddOptions<SpeedingReportOptions>().Bind(section)
            .PostConfigure(o =>
            {
                // Files are named relative to the content root, so the same settings work from any working folder.
                o.RoutingFile = FullPath(environment, o.RoutingFile);
                o.ParishBoundaries = FullPath(environment, o.ParishBoundaries);
                o.DistrictBoundaries = FullPath(environment, o.DistrictBoundaries);
                o.ContactDirectory = FullPath(environment, o.ContactDirectory);
                o.DemoPostcodes = string.IsNullOrWhiteSpace(o.DemoPostcodes) ? null : FullPath(environment, o.DemoPostcodes);
                o.DemoModernGovParishCouncils = string.IsNullOrWhiteSpace(o.DemoModernGovParishCouncils) ? null : FullPath(environment, o.DemoModernGovParishCouncils);
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.CouncilName), "SpeedingReport:CouncilName is required (shown in the header).")
            .ValidateOnStart();

        services.AddSingleton(sp => RoutingConfiguration.Load(Options(sp).RoutingFile));
        services.AddSingleton(sp => AreaResolver.Load(Options(sp).ParishBoundaries, Options(sp).DistrictBoundaries));
        services.AddSingleton(sp => ContactDirectory.Load(Options(sp).ContactDirectory));
        services.AddSingleton<LocationService>();
        services.AddSingleton(sp => new ContactFinder(
            sp.GetRequiredService<ContactDirectory>(),
            sp.GetRequiredService<IOptions<SpeedingReportOptions>>(),
            sp.GetRequiredService<ILogger<ContactFinder>>(),
            sp.GetService<LocalGov.ModernGov.IModernGovClientFactory>() is null ? null : sp.GetRequiredService<LocalGov.ModernGov.IModernGovCache>()));
        services.AddSpeedingReportOperations(configuration);
        services.AddOpen311Delivery(configuration);

        var postcodes = services.AddPostcodesIoClient(configuration.GetSection("PostcodesIo"));
        var demoPostcodes = section["DemoPostcodes"];
        if (!string.IsNullOrWhiteSpace(demoPostcodes))
        {
            postcodes.ConfigurePrimaryHttpMessageHandler(sp => new DemoPostcodesIoHandler(Options(sp).DemoPostcodes!));
        }

        var modernGov = configuration.GetSection("ModernGov");
        var demoModernGov = section["DemoModernGovParishCouncils"];
        if (!string.IsNullOrWhiteSpace(demoModernGov))
        {
            services.AddModernGov(ContactFinder.ModernGovCouncilName, o =>
                {
                    modernGov.Bind(o);
                    o.BaseUrl ??= new Uri("https://moderngov.demo.invalid/");
                })
                .ConfigurePrimaryHttpMessageHandler(sp => new DemoModernGovHandler(Options(sp).DemoModernGovParishCouncils!));
        }
        else if (!string.IsNullOrWhiteSpace(modernGov["BaseUrl"]))
        {
            services.AddModernGov(ContactFinder.ModernGovCouncilName, modernGov);
        }

        services.AddDistributedMemoryCache();
        services.AddSession(o =>
        {
            o.Cookie.Name = ".SpeedingReport.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.IsEssential = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.IdleTimeout = TimeSpan.FromMinutes(30);
        });
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.AddSecurityHeaders();
        services.AddLocationMap(configuration);
        services.AddNotifyDeliveryUnlessDemo(configuration);

        // Report storage, delivery and the staff area (issue 11, report store): each in its own extension.
        services.AddReportStorage(configuration, environment);
        services.AddScaleOut(configuration);
        services.AddReportDelivery(configuration);
        services.AddStaffArea(configuration);

        // Deliveries that need attention (page and summary email) and retention of personal data (issue 13).
        services.AddDeliveryAttention(configuration);
        services.AddReportRetention(configuration);
    }

    public static void Configure(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Fail at start, with the file and the problem, rather than on a resident's first report.
        _ = app.Services.GetRequiredService<IOptions<SpeedingReportOptions>>().Value;
        _ = app.Services.GetRequiredService<RoutingConfiguration>();
        var areas = app.Services.GetRequiredService<AreaResolver>();
        var contacts = app.Services.GetRequiredService<ContactFinder>();
        foreach (var (code, name) in areas.Districts)
        {
            contacts.FindDistrict(code, name);
        }

        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
        }

        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseStaticFiles();
        app.UseRouting();
        app.UseSession();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapSpeedingReportHealth();
        app.MapLocationMap();
    }

    private static SpeedingReportOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<SpeedingReportOptions>>().Value;

    private static string FullPath(IHostEnvironment environment, string path) =>
        string.IsNullOrWhiteSpace(path) ? path : Path.GetFullPath(path, environment.ContentRootPath);
}
