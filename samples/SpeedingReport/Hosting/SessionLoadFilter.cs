using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SpeedingReport.Hosting;

/// <summary>
/// Loads the session from Redis asynchronously before a page's handler is chosen. Otherwise the page's first read of
/// the session loads it synchronously, a thread blocked on Redis for every request: under load the thread pool starves,
/// the read times out, and the session reads as empty (the resident is sent back to the first question).
/// </summary>
internal sealed class SessionLoadFilter : IAsyncPageFilter
{
    public async Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.Features.Get<ISessionFeature>()?.Session is { } session)
        {
            await session.LoadAsync(context.HttpContext.RequestAborted);
        }
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return next();
    }
}
