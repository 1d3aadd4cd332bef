using LocalGov.Boundaries;
using LocalGov.Postcodes;
using LocalGov.Postcodes.PostcodesIo;
using ParishLookupApi.Operations;

namespace ParishLookupApi;

/// <summary>
/// A minimal web API answering "which parish, else which district, is this in?" for a point or a postcode: the
/// lookup a council's forms and case-management systems call. Built here so the tests can host it too.
/// </summary>
public static partial class ParishLookupApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(ParishLookupApp).Assembly.GetName().Name });
        configure?.Invoke(builder);

        builder.Services.AddParishResolver(builder.Configuration.GetSection("LocalGov:Parishes"));
        builder.Services.PostConfigure<ParishResolverSourceOptions>(o =>
        {
            // Files are named relative to the content root, so the same settings work from any working folder.
            o.IndexPath = Rooted(builder.Environment, o.IndexPath);
            o.ParishBoundaries = Rooted(builder.Environment, o.ParishBoundaries);
            o.DistrictBoundaries = Rooted(builder.Environment, o.DistrictBoundaries);
        });
        builder.Services.AddPostcodesIoClient(builder.Configuration.GetSection("PostcodesIo"));
        builder.Services.AddProblemDetails();
        builder.Services.AddParishLookupOperations(builder.Configuration);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ParishLookupJsonContext.Default));

        var app = builder.Build();

        // Every answer, errors included: browsers must not sniff a problem detail into something runnable. OnStarting,
        // because the exception handler clears headers set earlier.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Load (or index) the boundaries now: a bad file stops the start, and the first request does not wait.
        app.Services.GetRequiredService<ParishResolver>();

        app.MapGet("/areas", (double lon, double lat, ParishResolver resolver) => Locate(resolver, lon, lat, null))
            .WithSummary("The parish (else the district) covering a WGS84 point.");
        app.MapGet("/areas/postcode/{postcode}", LocatePostcodeAsync)
            .WithSummary("The parish (else the district) covering a postcode's position, from postcodes.io.");
        app.MapParishLookupHealth();
        return app;
    }

    private static async Task<IResult> LocatePostcodeAsync(string postcode, PostcodesIoClient postcodes, ParishResolver resolver, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!Postcode.TryParse(postcode, out var parsed))
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["postcode"] = [$"'{postcode}' is not a UK postcode."] });
        }

        PostcodeResult found;
        try
        {
            found = await postcodes.LookupAsync(parsed, cancellationToken);
        }
        catch (PostcodeNotFoundException)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Postcode not found", detail: $"postcodes.io does not know {parsed}; it may be new or retired.");
        }
        catch (InvalidPostcodeException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["postcode"] = [$"postcodes.io says {parsed} is not a valid postcode."] });
        }
        catch (PostcodesException ex)
        {
            // The lookup service failed (after its retries): say so rather than pretend the postcode is unknown. Its URL
            // and what it answered stay in the log: a caller learns nothing about the service behind this one.
            LogPostcodeServiceFailed(loggers.CreateLogger(typeof(ParishLookupApp)), ex, parsed.ToString());
            return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "The postcode service failed", detail: $"The postcode lookup service could not answer for {parsed}; try again later.");
        }

        if (found.Longitude is not { } lon || found.Latitude is not { } lat)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Postcode has no position", detail: $"{found.Postcode} has no grid reference (for example a PO box), so no area can be found for it.");
        }

        return Locate(resolver, lon, lat, found.Postcode);
    }

    private static IResult Locate(ParishResolver resolver, double lon, double lat, string? postcode)
    {
        ResolvedArea area;
        ResolvedArea district;
        try
        {
            area = resolver.Resolve(lon, lat, BoundaryCrs.Wgs84);
            district = resolver.ResolveDistrict(lon, lat, BoundaryCrs.Wgs84);
        }
        catch (ArgumentException ex)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["lon,lat"] = [ex.Message] });
        }

        if (!area.IsFound)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Outside the area", detail: "No parish or district in the boundary files covers this point.");
        }

        var parish = area.Kind == AreaKind.District ? null : new AreaDetails(area.Code!, area.Name!, area.Kind == AreaKind.Parish ? "parish" : "non-parished-area");
        return Results.Ok(new AreaAnswer(lon, lat, postcode, parish, district.IsFound ? new AreaDetails(district.Code!, district.Name!, "district") : null));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "postcodes.io failed looking up {Postcode}")]
    private static partial void LogPostcodeServiceFailed(ILogger logger, Exception exception, string postcode);

    private static string? Rooted(IHostEnvironment environment, string? path) =>
        string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) ? path : Path.Combine(environment.ContentRootPath, path);
}
