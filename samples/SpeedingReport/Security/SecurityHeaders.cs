using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using SpeedingReport.Map;

namespace SpeedingReport.Security;

/// <summary>
/// The headers every response carries, the cookies' Secure flag, HSTS, and a 405 for methods the journey does not
/// use. Kept here so that SpeedingReportApp calls one method for each half.
/// </summary>
public static class SecurityHeaders
{
    private static readonly string[] AllowedMethods = ["GET", "HEAD", "POST"];

    /// <summary>Cookies Secure whenever the request is HTTPS; HSTS settings; a page with no handler for the method answers 405.</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services)
    {
        // SameAsRequest rather than Always: the demo runs on plain http://localhost, a live service behind HTTPS gets Secure.
        services.PostConfigure<SessionOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false;
        });
        services.PostConfigure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new MethodNotAllowedFilter()));
        return services;
    }

    /// <summary>Adds the headers to every response (pages, static files, errors), HSTS outside Development, and refuses other methods.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var map = app.Services.GetRequiredService<IOptions<MapOptions>>().Value;
        var policy = ContentSecurityPolicy(map.TileSource());
        app.Use(async (context, next) =>
        {
            // OnStarting, because the exception handler clears the headers of a response it takes over.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });

            // TRACE, PUT, DELETE and the rest mean nothing here; before this they reached a page without a handler.
            if (!AllowedMethods.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase))
            {
                context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                context.Response.Headers.Allow = "GET, HEAD, POST";
                return;
            }

            await next(context);
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        return app;
    }

    /// <summary>No inline script or style, nothing from elsewhere but the map tiles, no framing.</summary>
    internal static string ContentSecurityPolicy(string? tileSource) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        + $"img-src 'self' data:{(tileSource is null ? "" : " " + tileSource)}; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A POST (or other method) to a page that has no handler for it would render the page without its model: 405 instead.</summary>
    private sealed class MethodNotAllowedFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method) && !HttpMethods.IsHead(context.HttpContext.Request.Method))
            {
                context.HttpContext.Response.Headers.Allow = "GET, HEAD";
                context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
