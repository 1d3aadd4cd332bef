using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;
using SpeedingReport.Journey;
using SpeedingReport.Location;
using SpeedingReport.Reports;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed partial class CheckModel(RoutingConfiguration routing, ReportSubmissionFactory submissions, IReportSubmitter submitter, IOptions<SpeedingReportOptions> options, ILogger<CheckModel> logger) : ReportPageModel(routing)
{
    public ResolvedLocation? Location => State.Location;

    public string? LocationMethod => State.LocationMethod;

    public ReportState Answers => State;

    public IReadOnlyList<(RoutingQuestion Question, RoutingOption Option)> RoutingAnswers { get; private set; } = [];

    /// <summary>Who the report will go to, shown before the resident sends it.</summary>
    public ReportSubmission? Submission { get; private set; }

    /// <summary>Set when the report could not be stored: the page says so and shows no reference.</summary>
    public bool StorageFailed { get; private set; }

    /// <summary>Where the recipient's details come from (Modern.Gov or the directory, and why), as the old result page said.</summary>
    public string SourceText => Submission?.Recipient is not { } recipient ? "" : recipient.Source switch
    {
        ContactSource.ModernGov => "The list of parish councils in the council's Modern.Gov committee system.",
        _ => $"The contact directory kept by {options.Value.CouncilName}.{(recipient.SourceNote is null ? "" : " " + recipient.SourceNote)}",
    };

    protected override string ThisStep => "/check";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A second press after the report was stored (back button, double click) goes to the same confirmation.
        if (Guard() is { } redirect)
        {
            return redirect;
        }

        await LoadAsync(cancellationToken);
        SubmissionReceipt receipt;
        try
        {
            receipt = await submitter.SubmitAsync(Submission!, cancellationToken);
        }
        catch (ReportStorageException ex)
        {
            LogStorageFailed(logger, ex, State.SubmissionId);
            StorageFailed = true;
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }

        State.SubmittedReference = receipt.Reference;
        State.Submitted = true;
        ReportSession.Save(HttpContext.Session, State);
        return Redirect("/confirmation");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        RoutingAnswers = ReportSubmissionFactory.AskedAnswers(State, Routing);
        Submission = await submissions.CreateAsync(State, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Submission {SubmissionId} could not be stored; the resident was told and shown no reference")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, Guid submissionId);
}
