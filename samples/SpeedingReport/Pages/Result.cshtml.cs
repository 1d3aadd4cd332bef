using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SpeedingReport.Configuration;
using SpeedingReport.Contacts;
using SpeedingReport.Location;
using SpeedingReport.Routing;

namespace SpeedingReport.Pages;

public sealed class ResultModel(RoutingConfiguration routing, ContactFinder contacts, IOptions<SpeedingReportOptions> options) : JourneyPageModel
{
    public RoutingRule? Rule { get; private set; }

    public ResolvedLocation? Location => State.Location;

    public ContactDetails? Contact { get; private set; }

    public bool MissingParishContact { get; private set; }

    public string Heading { get; private set; } = "";

    public string SourceText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!State.Submitted || NextStep(State, routing) != "/check")
        {
            return Redirect(NextStep(State, routing));
        }

        var location = State.Location!;
        Rule = routing.Decide(State.Answers, location.InParish);
        if (Rule.DealtWithBy == ResponsibleBody.Parish)
        {
            Heading = $"{location.ParishName} parish council deals with this";
            Contact = await contacts.FindParishAsync(location.ParishCode!, location.ParishName!, cancellationToken);
            MissingParishContact = Contact is null;
        }
        else
        {
            Heading = $"{options.Value.CouncilName} deals with this";
        }

        Contact ??= contacts.FindDistrict(location.DistrictCode, location.DistrictName);
        SourceText = Contact.Source switch
        {
            ContactSource.ModernGov => $"The list of parish councils in the council's Modern.Gov committee system.{(Contact.SourceNote is null ? "" : " " + Contact.SourceNote)}",
            _ => $"The contact directory kept by {options.Value.CouncilName}.{(Contact.SourceNote is null ? "" : " " + Contact.SourceNote)}",
        };
        return Page();
    }
}
