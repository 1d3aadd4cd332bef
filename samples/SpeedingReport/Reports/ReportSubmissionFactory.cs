using SpeedingReport.Contacts;
using SpeedingReport.Journey;
using SpeedingReport.Routing;

namespace SpeedingReport.Reports;

/// <summary>Turns the resident's answers into the <see cref="ReportSubmission"/> that is stored: who deals with it, by which rule, and how to reach them.</summary>
public sealed class ReportSubmissionFactory(RoutingConfiguration routing, ContactFinder contacts)
{
    /// <summary>The routing questions the resident answered, in file order, with the option chosen.</summary>
    public static IReadOnlyList<(RoutingQuestion Question, RoutingOption Option)> AskedAnswers(ReportState state, RoutingConfiguration routing)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(routing);
        // Only the questions actually asked: skipped ones (RoutingConfiguration.Progress) are not part of the report.
        return state.Location is null ? [] : routing.Progress(state.Answers, state.Location.InParish).Answered;
    }

    /// <exception cref="InvalidOperationException">The journey is not complete (the pages check before submitting).</exception>
    public async Task<ReportSubmission> CreateAsync(ReportState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var location = state.Location ?? throw new InvalidOperationException("The report has no location.");
        var answers = AskedAnswers(state, routing).ToDictionary(a => a.Question.Id, a => a.Option.Value, StringComparer.Ordinal);
        var rule = routing.Decide(answers, location.InParish);

        var district = contacts.FindDistrict(location.DistrictCode, location.DistrictName);
        ContactDetails recipient;
        if (rule.DealtWithBy == ResponsibleBody.Parish)
        {
            var parish = await contacts.FindParishAsync(location.ParishCode!, location.ParishName!, cancellationToken);
            recipient = parish switch
            {
                null => district with { SourceNote = $"No contact details are held for {location.ParishName} parish council, so the district's team passes the report on." },
                { Email: null } => district with { SourceNote = $"{parish.Name} has no email address on record, so the district's team passes the report on." },
                _ => parish,
            };
        }
        else
        {
            recipient = district;
        }

        return new ReportSubmission
        {
            SubmissionId = state.SubmissionId,
            Location = location,
            RoutingAnswers = answers,
            DealtWithBy = rule.DealtWithBy,
            RuleIndex = routing.RuleIndexOf(rule),
            RuleExplanation = rule.Explanation,
            Recipient = recipient,
            Road = Required(state.Road, "road"),
            PlaceDescription = string.IsNullOrWhiteSpace(state.PlaceDescription) ? null : state.PlaceDescription,
            Days = [.. ReportOptions.Days.Select(d => d.Value).Where(state.Days.Contains)],
            Times = [.. ReportOptions.Times.Select(t => t.Value).Where(state.Times.Contains)],
            WhatSeen = Required(state.WhatSeen, "what was seen"),
            ReporterName = Required(state.ReporterName, "name"),
            ReporterEmail = Required(state.ReporterEmail, "email"),
            ReporterPhone = string.IsNullOrWhiteSpace(state.ReporterPhone) ? null : state.ReporterPhone,
        };
    }

    private static string Required(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException($"The report has no {what}.") : value;
}
