using Microsoft.AspNetCore.Mvc;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class ConfirmationModel(RoutingConfiguration routing, ReportQueries queries) : JourneyPageModel
{
    public StoredReportSummary? Report { get; private set; }

    public RoutingRule? Rule { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (State.SubmittedReference is not { } reference)
        {
            return Redirect(NextStep(State, routing));
        }

        // Read back from the store, so the page shows only what is stored.
        Report = await queries.FindByReferenceAsync(reference, cancellationToken);
        if (Report is null)
        {
            return Redirect("/check");
        }

        var answers = ReportSubmissionFactory.AskedAnswers(State, routing).ToDictionary(a => a.Question.Id, a => a.Option.Value, StringComparer.Ordinal);
        Rule = State.Location is { } location ? routing.Decide(answers, location.InParish) : null;
        return Page();
    }
}
