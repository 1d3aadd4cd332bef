using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Tests.Assessments;

namespace LocalGov.ServiceStandard.Tests.Franchising;

internal static class FranchisingFixtures
{
    public static IReadOnlyList<StandardEdit> AllEdits { get; } =
    [
        new RewordPoint { PointId = "team", Title = "Have a sustainable team", Reason = "Small councils share staff" },
        new AddPoint { PointId = "member", Title = "Test with a council member", Text = "Test the service end to end with the responsible council member.", AfterPointId = "open" },
        new RemovePoint { PointId = "open" },
        new MovePoint { PointId = "member", AfterPointId = null },
    ];

    public static PeerGroupPack LondonPack { get; } = new()
    {
        Id = "london-teacamps",
        Version = "2016-07",
        Title = "TeaCamp sessions on the Standard",
        PeerGroup = "London peer group",
        Standard = Fixtures.ThreePointStandard.Reference,
        Attribution = new LocalGov.ServiceStandard.Catalogue.Attribution { Statement = "Shared under OGL v3.0 by the London peer group.", Licence = "Open Government Licence v3.0" },
        Sessions =
        [
            new PackSession
            {
                Id = "users",
                Title = "Understanding users",
                PointIds = ["users"],
                Agenda = [new AgendaItem { Minutes = 10, Title = "Welcome" }, new AgendaItem { Minutes = 40, Title = "Talk: research on a shoestring" }],
                Materials = [new PackMaterial { Id = "prompts", Title = "Prompts", Markdown = "# Prompts\n\n- Who are your users?\n" }],
            },
            new PackSession { Id = "team", Title = "Teams", PointIds = ["team"], Materials = [new PackMaterial { Id = "notes", Title = "Facilitator notes", Markdown = "Keep it short." }] },
        ],
    };

    public static IReadOnlyList<PackEdit> PackEdits { get; } =
    [
        new EditMaterial { SessionId = "users", MaterialId = "prompts", Markdown = "# Prompts\n\n- Who are your residents?\n" },
        new AddMaterial { SessionId = "team", Material = new PackMaterial { Id = "exemplar", Title = "Exemplar evidence", Markdown = "A team chart." } },
        new RemoveMaterial { SessionId = "team", MaterialId = "notes" },
        new AddSession { SessionId = "open", Title = "Open code", PointIds = ["open"], AfterSessionId = "team" },
        new ReplaceAgenda { SessionId = "users", Agenda = [new AgendaItem { Minutes = 60, Title = "Workshop" }] },
    ];
}
