using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;

namespace LocalGov.ServiceStandard.Tests.Assessments;

internal static class Fixtures
{
    public static StandardVersion ThreePointStandard { get; } = new()
    {
        StandardId = "test-standard",
        Version = "1",
        Title = "Test standard",
        Status = StandardStatus.Current,
        Attribution = new Attribution { Statement = "Written for tests.", Licence = "MIT" },
        Points =
        [
            new StandardPoint { Id = "users", Number = 1, Title = "Understand users", Text = "Understand users and their needs." },
            new StandardPoint { Id = "team", Number = 2, Title = "Have a team", Text = "Have a multidisciplinary team." },
            new StandardPoint { Id = "open", Number = 3, Title = "Make code open", Text = "Make new source code open." },
        ],
    };

    public static Assessment Assessment(string scheme, params string?[] outcomes) => new()
    {
        Id = "a1",
        ServiceName = "Report a pothole",
        Organisation = "Anytown District Council",
        Phase = ServicePhase.Alpha,
        Date = new DateOnly(2024, 3, 1),
        Standard = ThreePointStandard.Reference,
        Scheme = scheme,
        Points = [.. outcomes.Select((o, i) => new PointAssessment { Number = i + 1, Outcome = o })],
    };
}
