using System.Text.Json;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Serialization;

namespace LocalGov.ServiceStandard.Tests.Franchising;

public sealed class PackRebaseTests : IDisposable
{
    private static readonly PeerGroupPack London = FranchisingFixtures.LondonPack;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localgov-pack-rebase-" + Guid.NewGuid().ToString("N"));

    /// <summary>Midlands took London's pack with every kind of edit.</summary>
    private static PeerGroupPack Midlands { get; } =
        PackFranchise.Derive(London, "midlands-teacamps", "2016-10", FranchisingFixtures.PackEdits, title: "Midlands TeaCamps", peerGroup: "Midlands peer group", note: "Taken from London, revised");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>London's next version, changing only what Midlands' edits do not touch.</summary>
    private static PeerGroupPack LondonRevised() => London with
    {
        Version = "2017-01",
        Description = "Revised after the first round",
        Attribution = new Attribution { Statement = "Shared under OGL v3.0 by the London peer group (2017).", Licence = "Open Government Licence v3.0" },
        Sessions =
        [
            London.Sessions[0] with { Materials = [.. London.Sessions[0].Materials, new PackMaterial { Id = "slides", Title = "Slides", Markdown = "# Slides" }] },
            London.Sessions[1] with { Title = "Multidisciplinary teams" },
            new PackSession { Id = "iterate", Title = "Iterating", PointIds = ["iterate"] },
        ],
    };

    private static PeerGroupPack WithSession(PeerGroupPack pack, string id, Func<PackSession, PackSession> change) =>
        pack with { Sessions = [.. pack.Sessions.Select(s => s.Id == id ? change(s) : s)] };

    private static PeerGroupPack WithMaterial(PeerGroupPack pack, string sessionId, string materialId, Func<PackMaterial, PackMaterial> change) =>
        WithSession(pack, sessionId, s => s with { Materials = [.. s.Materials.Select(m => m.Id == materialId ? change(m) : m)] });

    private static PackRebaseConflict SingleConflict(IReadOnlyList<PackEdit> edits, PeerGroupPack newParent)
    {
        var derived = PackFranchise.Derive(London, "midlands-teacamps", "2016-10", edits);
        var result = PackFranchise.Rebase(derived, London, newParent);
        Assert.False(result.IsClean);
        Assert.Null(result.Rebased);
        return Assert.Single(result.Conflicts);
    }

    [Fact]
    public void Edits_on_what_upstream_left_alone_replay_cleanly_onto_its_new_version()
    {
        var newLondon = LondonRevised();

        var result = PackFranchise.Rebase(Midlands, London, newLondon);

        Assert.True(result.IsClean);
        Assert.Empty(result.Conflicts);
        var rebased = result.Rebased!;
        Assert.Equal(["users", "team", "open", "iterate"], rebased.Sessions.Select(s => s.Id));
        Assert.Equal(["prompts", "slides"], rebased.Sessions[0].Materials.Select(m => m.Id));
        Assert.Equal("# Prompts\n\n- Who are your residents?\n", rebased.Sessions[0].Materials[0].Markdown);
        Assert.Equal([new AgendaItem { Minutes = 60, Title = "Workshop" }], rebased.Sessions[0].Agenda);
        Assert.Equal("Multidisciplinary teams", rebased.Sessions[1].Title);
        Assert.Equal(["exemplar"], rebased.Sessions[1].Materials.Select(m => m.Id));
        Assert.Equal(("midlands-teacamps", "2016-10", "Midlands TeaCamps", "Midlands peer group"), (rebased.Id, rebased.Version, rebased.Title, rebased.PeerGroup));
        Assert.Equal(newLondon.Reference, rebased.DerivedFrom!.Parent);
        Assert.Equal(Midlands.DerivedFrom!.Edits, rebased.DerivedFrom.Edits);
        Assert.Equal("Taken from London, revised", rebased.DerivedFrom.Note);
        Assert.Same(newLondon.Attribution, rebased.Attribution);
        Assert.Equal("Revised after the first round", rebased.Description);
    }

    [Fact]
    public void The_rebased_pack_is_what_deriving_from_the_new_parent_gives()
    {
        var newLondon = LondonRevised();

        var rebased = PackFranchise.Rebase(Midlands, London, newLondon).Rebased!;
        var derivedAgain = PackFranchise.Derive(newLondon, Midlands.Id, Midlands.Version, Midlands.DerivedFrom!.Edits, Midlands.Title, Midlands.PeerGroup, Midlands.DerivedFrom.Note);

        Assert.Equal(ServiceStandardJson.Serialize(derivedAgain), ServiceStandardJson.Serialize(rebased));
    }

    [Fact]
    public void A_derived_pack_without_a_peer_group_keeps_none_when_the_new_parent_has_one()
    {
        var parent = London with { PeerGroup = null };
        var derived = PackFranchise.Derive(parent, "midlands-teacamps", "2016-10", []);

        var rebased = PackFranchise.Rebase(derived, parent, London with { Version = "2017-01" }).Rebased!;

        Assert.Null(rebased.PeerGroup);
    }

    [Fact]
    public void Editing_a_material_upstream_also_changed_is_a_conflict()
    {
        var newLondon = WithMaterial(LondonRevised(), "users", "prompts", m => m with { Markdown = "# Prompts\n\n- Who uses the service?\n" });

        var conflict = SingleConflict([FranchisingFixtures.PackEdits[0]], newLondon);

        Assert.Equal(
            new PackRebaseConflict
            {
                EditIndex = 0,
                Edit = "edit material 'users/prompts'",
                SessionId = "users",
                MaterialId = "prompts",
                Kind = PackRebaseConflictKind.BothChanged,
                Detail = "upstream changed its Markdown too (1 line(s) removed, 1 added); this edit replaces it with its own",
            },
            conflict);
    }

    [Fact]
    public void Retitling_a_material_upstream_also_retitled_is_a_conflict_but_keeping_its_title_is_not()
    {
        var newLondon = WithMaterial(London with { Version = "2017-01" }, "users", "prompts", m => m with { Title = "Questions" });
        var retitle = new EditMaterial { SessionId = "users", MaterialId = "prompts", Markdown = London.Sessions[0].Materials[0].Markdown, Title = "Our prompts" };
        var textOnly = new EditMaterial { SessionId = "users", MaterialId = "prompts", Markdown = "# Prompts\n\n- Who are your residents?\n" };

        var conflict = SingleConflict([retitle], newLondon);
        var clean = PackFranchise.Rebase(PackFranchise.Derive(London, "m", "1", [textOnly]), London, newLondon);

        Assert.Equal((PackRebaseConflictKind.BothChanged, "upstream retitled it \"Prompts\" → \"Questions\"; here: \"Our prompts\""), (conflict.Kind, conflict.Detail));
        Assert.True(clean.IsClean);
        Assert.Equal(new PackMaterial { Id = "prompts", Title = "Questions", Markdown = textOnly.Markdown }, clean.Rebased!.Sessions[0].Materials[0]);
    }

    [Fact]
    public void Replacing_an_agenda_upstream_also_changed_is_a_conflict()
    {
        var newLondon = WithSession(London with { Version = "2017-01" }, "users", s => s with { Agenda = [new AgendaItem { Minutes = 90, Title = "Show and tell" }] });

        var conflict = SingleConflict([FranchisingFixtures.PackEdits[4]], newLondon);

        Assert.Equal(
            (0, "replace the agenda of 'users'", "users", (string?)null, PackRebaseConflictKind.BothChanged, "upstream changed the agenda too, now 90 min Show and tell; here: 60 min Workshop"),
            (conflict.EditIndex, conflict.Edit, conflict.SessionId, conflict.MaterialId, conflict.Kind, conflict.Detail));
    }

    [Theory]
    [InlineData(0, "users", "prompts", "upstream removed the material this edit changes")]
    [InlineData(2, "team", "notes", "upstream removed the material too; drop this edit if that is what you want")]
    public void Changing_or_removing_a_material_upstream_removed_is_a_conflict(int edit, string sessionId, string materialId, string detail)
    {
        var newLondon = WithSession(London with { Version = "2017-01" }, sessionId, s => s with { Materials = [.. s.Materials.Where(m => m.Id != materialId)] });

        var conflict = SingleConflict([FranchisingFixtures.PackEdits[edit]], newLondon);

        Assert.Equal((PackRebaseConflictKind.RemovedUpstream, sessionId, materialId, detail), (conflict.Kind, conflict.SessionId, conflict.MaterialId, conflict.Detail));
    }

    [Theory]
    [InlineData("edit-material", "upstream removed session 'users', which this edit changes")]
    [InlineData("replace-agenda", "upstream removed session 'users', which this edit changes")]
    [InlineData("add-material", "upstream removed session 'users', which this edit changes")]
    [InlineData("remove-session", "upstream removed the session too; drop this edit if that is what you want")]
    public void Any_edit_to_a_session_upstream_removed_is_a_conflict(string op, string detail)
    {
        PackEdit edit = op switch
        {
            "edit-material" => FranchisingFixtures.PackEdits[0],
            "replace-agenda" => FranchisingFixtures.PackEdits[4],
            "add-material" => new AddMaterial { SessionId = "users", Material = new PackMaterial { Id = "exemplar", Title = "Exemplar", Markdown = "x" } },
            _ => new RemoveSession { SessionId = "users" },
        };
        var newLondon = London with { Version = "2017-01", Sessions = [London.Sessions[1]] };

        var conflict = SingleConflict([edit], newLondon);

        Assert.Equal((PackRebaseConflictKind.RemovedUpstream, "users", detail), (conflict.Kind, conflict.SessionId, conflict.Detail));
    }

    [Fact]
    public void Removing_a_session_upstream_changed_is_a_conflict_naming_what_changed()
    {
        var newLondon = WithSession(London with { Version = "2017-01" }, "team", s => s with { Title = "Multidisciplinary teams", Agenda = [new AgendaItem { Minutes = 5, Title = "Intro" }] });

        var conflict = SingleConflict([new RemoveSession { SessionId = "team" }], newLondon);

        Assert.Equal((PackRebaseConflictKind.RemovedHereChangedUpstream, "remove session 'team'", "upstream changed the session this edit removes (its title, agenda)"), (conflict.Kind, conflict.Edit, conflict.Detail));
    }

    [Fact]
    public void Removing_a_material_upstream_changed_is_a_conflict_naming_what_changed()
    {
        var newLondon = WithMaterial(London with { Version = "2017-01" }, "team", "notes", m => m with { Title = "Notes", Markdown = "Keep it short.\nAsk for questions." });

        var conflict = SingleConflict([FranchisingFixtures.PackEdits[2]], newLondon);

        Assert.Equal(
            (PackRebaseConflictKind.RemovedHereChangedUpstream, "notes", "upstream changed the material this edit removes (title \"Facilitator notes\" → \"Notes\"; Markdown: 0 line(s) removed, 1 added)"),
            (conflict.Kind, conflict.MaterialId, conflict.Detail));
    }

    [Fact]
    public void Adding_a_session_or_material_whose_id_upstream_now_has_is_a_conflict()
    {
        var newLondon = WithSession(London with { Version = "2017-01" }, "team", s => s with { Materials = [.. s.Materials, new PackMaterial { Id = "exemplar", Title = "Team chart", Markdown = "x" }] });
        newLondon = newLondon with { Sessions = [.. newLondon.Sessions, new PackSession { Id = "open", Title = "Open source" }] };

        var result = PackFranchise.Rebase(PackFranchise.Derive(London, "m", "1", [FranchisingFixtures.PackEdits[1], FranchisingFixtures.PackEdits[3]]), London, newLondon);

        Assert.Null(result.Rebased);
        Assert.Equal(
            [
                (0, "team", "exemplar", PackRebaseConflictKind.AddedUpstream, "upstream added a material with the same id (\"Team chart\")"),
                (1, "open", null, PackRebaseConflictKind.AddedUpstream, "upstream added a session with the same id (\"Open source\")"),
            ],
            result.Conflicts.Select(c => (c.EditIndex, c.SessionId, c.MaterialId, c.Kind, c.Detail)));
    }

    [Fact]
    public void Adding_a_session_after_one_upstream_removed_is_a_conflict_and_edits_building_on_it_no_longer_apply()
    {
        var newLondon = London with { Version = "2017-01", Sessions = [London.Sessions[0]] };
        var derived = PackFranchise.Derive(London, "m", "1",
        [
            FranchisingFixtures.PackEdits[3],
            new AddMaterial { SessionId = "open", Material = new PackMaterial { Id = "licences", Title = "Licences", Markdown = "MIT or OGL?" } },
        ]);

        var result = PackFranchise.Rebase(derived, London, newLondon);

        Assert.Null(result.Rebased);
        Assert.Equal(
            [
                (0, "add session 'open'", PackRebaseConflictKind.AnchorRemovedUpstream, "upstream removed 'team', the session this edit places after"),
                (1, "add material 'open/licences'", PackRebaseConflictKind.NoLongerApplies, "it cannot be applied to london-teacamps@2017-01: there is no session 'open'"),
            ],
            result.Conflicts.Select(c => (c.EditIndex, c.Edit, c.Kind, c.Detail)));
    }

    [Fact]
    public void Every_conflict_is_listed_and_none_is_resolved()
    {
        var newLondon = London with
        {
            Version = "2017-01",
            Sessions =
            [
                London.Sessions[0] with
                {
                    Agenda = [new AgendaItem { Minutes = 30, Title = "Demo" }],
                    Materials = [London.Sessions[0].Materials[0] with { Markdown = "# Prompts\n\n- Who are your users, really?\n" }],
                },
            ],
        };

        var result = PackFranchise.Rebase(Midlands, London, newLondon);

        Assert.False(result.IsClean);
        Assert.Null(result.Rebased);
        Assert.Equal(
            [
                (0, PackRebaseConflictKind.BothChanged),
                (1, PackRebaseConflictKind.RemovedUpstream),
                (2, PackRebaseConflictKind.RemovedUpstream),
                (3, PackRebaseConflictKind.AnchorRemovedUpstream),
                (4, PackRebaseConflictKind.BothChanged),
            ],
            result.Conflicts.Select(c => (c.EditIndex, c.Kind)));
        Assert.Equal(FranchisingFixtures.PackEdits.Select(e => e.Describe()), result.Conflicts.Select(c => c.Edit));
    }

    [Fact]
    public void Rebasing_from_a_pack_it_was_not_derived_from_is_refused()
    {
        var notDerived = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(London, London, London with { Version = "2017-01" }));
        var otherVersion = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(Midlands, London with { Version = "2016-06" }, London with { Version = "2017-01" }));

        Assert.Equal("london-teacamps@2016-07 was not derived from london-teacamps@2016-07 (its parent: none), so it cannot be rebased from it.", notDerived.Message);
        Assert.Equal("midlands-teacamps@2016-10 was not derived from london-teacamps@2016-06 (its parent: london-teacamps@2016-07), so it cannot be rebased from it.", otherVersion.Message);
    }

    [Fact]
    public void The_new_parent_must_be_another_version_of_the_same_pack()
    {
        var otherPack = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(Midlands, London, London with { Id = "south-teacamps", Version = "2017-01" }));
        var sameVersion = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(Midlands, London, London));
        var london2 = PackFranchise.Derive(London, London.Id, "2016-08", []);
        var itself = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(london2, London, london2));

        Assert.Equal("south-teacamps@2017-01 is not another version of london-teacamps, so midlands-teacamps@2016-10 cannot be rebased onto it: a pack is rebased onto a newer version of the pack it was taken from.", otherPack.Message);
        Assert.StartsWith("london-teacamps@2016-07 is not another version of london-teacamps", sameVersion.Message, StringComparison.Ordinal);
        Assert.Equal("london-teacamps@2016-08 cannot be rebased onto itself.", itself.Message);
    }

    [Fact]
    public void A_derived_pack_with_changes_its_edits_do_not_record_is_refused_rather_than_losing_them()
    {
        var handEdited = WithMaterial(Midlands, "team", "exemplar", m => m with { Markdown = "A team chart, revised by hand." }) with { Description = "Ours" };

        var error = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(handEdited, London, LondonRevised()));

        Assert.Equal("midlands-teacamps@2016-10 has changes its edits do not record (session 'team': materials; the description), and a rebase would lose them. Record them as edits and derive it again from london-teacamps@2016-07, then rebase.", error.Message);
    }

    [Fact]
    public void A_derived_pack_whose_edits_do_not_apply_to_the_old_parent_is_refused()
    {
        var broken = Midlands with { DerivedFrom = Midlands.DerivedFrom! with { Edits = [new RemoveSession { SessionId = "nope" }] } };

        var error = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(broken, London, LondonRevised()));

        Assert.Equal(0, error.EditIndex);
        Assert.Equal("london-teacamps@2016-07", error.Target);
    }

    [Fact]
    public void Lineage_after_a_rebase_runs_through_the_new_parent()
    {
        var newLondon = PackFranchise.Derive(London, London.Id, "2017-01", [new AddSession { SessionId = "iterate", Title = "Iterating", AfterSessionId = "team" }]);

        var rebased = PackFranchise.Rebase(Midlands, London, newLondon).Rebased!;
        var south = PackFranchise.Derive(rebased, "south-teacamps", "2017-03", []);

        Assert.Equal(["midlands-teacamps@2016-10", "london-teacamps@2017-01", "london-teacamps@2016-07"], PackFranchise.Lineage(rebased, [London, newLondon]).Select(r => r.ToString()));
        Assert.Equal(["south-teacamps@2017-03", "midlands-teacamps@2016-10", "london-teacamps@2017-01", "london-teacamps@2016-07"], PackFranchise.Lineage(south, [London, newLondon, rebased]).Select(r => r.ToString()));
        Assert.Equal(["midlands-teacamps@2016-10", "london-teacamps@2016-07"], PackFranchise.Lineage(Midlands, [London, newLondon]).Select(r => r.ToString()));
    }

    [Fact]
    public void Results_round_trip_as_json()
    {
        var clean = PackFranchise.Rebase(Midlands, London, LondonRevised());
        var conflicted = PackFranchise.Rebase(Midlands, London, London with { Version = "2017-01", Sessions = [London.Sessions[0]] });

        foreach (var result in new[] { clean, conflicted })
        {
            var json = JsonSerializer.Serialize(result, ServiceStandardJsonContext.Default.PackRebaseResult);
            var back = JsonSerializer.Deserialize(json, ServiceStandardJsonContext.Default.PackRebaseResult)!;

            Assert.Equal(json, JsonSerializer.Serialize(back, ServiceStandardJsonContext.Default.PackRebaseResult));
            Assert.Equal(result.IsClean, back.IsClean);
        }

        var conflictJson = JsonSerializer.Serialize(conflicted, ServiceStandardJsonContext.Default.PackRebaseResult);
        Assert.Contains("\"kind\": \"anchor-removed-upstream\"", conflictJson, StringComparison.Ordinal);
        Assert.Contains("\"materialId\": \"exemplar\"", conflictJson, StringComparison.Ordinal);
        Assert.DoesNotContain("\"rebased\"", conflictJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Packs_read_from_folders_rebase_and_the_result_exports_and_imports_unchanged()
    {
        var ct = TestContext.Current.CancellationToken;
        await PackFolder.ExportAsync(London, Path.Combine(_folder, "london"), ct);
        await PackFolder.ExportAsync(Midlands, Path.Combine(_folder, "midlands"), ct);
        await PackFolder.ExportAsync(LondonRevised(), Path.Combine(_folder, "london-2017"), ct);

        var result = PackFranchise.Rebase(
            await PackFolder.ImportAsync(Path.Combine(_folder, "midlands"), ct),
            await PackFolder.ImportAsync(Path.Combine(_folder, "london"), ct),
            await PackFolder.ImportAsync(Path.Combine(_folder, "london-2017"), ct));
        await PackFolder.ExportAsync(result.Rebased!, Path.Combine(_folder, "rebased"), ct);
        var imported = await PackFolder.ImportAsync(Path.Combine(_folder, "rebased"), ct);

        Assert.Equal(ServiceStandardJson.Serialize(PackFranchise.Rebase(Midlands, London, LondonRevised()).Rebased!), ServiceStandardJson.Serialize(imported));
        Assert.Equal("# Slides", await File.ReadAllTextAsync(Path.Combine(_folder, "rebased", "sessions", "users", "slides.md"), ct));
    }

    [Fact]
    public async Task A_hand_edit_in_an_exported_derived_pack_stops_the_rebase()
    {
        var ct = TestContext.Current.CancellationToken;
        var midlandsFolder = Path.Combine(_folder, "midlands");
        await PackFolder.ExportAsync(Midlands, midlandsFolder, ct);
        await File.WriteAllTextAsync(Path.Combine(midlandsFolder, "sessions", "users", "prompts.md"), "Edited by hand.", ct);

        var handEdited = await PackFolder.ImportAsync(midlandsFolder, ct);

        var error = Assert.Throws<StandardEditException>(() => PackFranchise.Rebase(handEdited, London, LondonRevised()));

        Assert.Contains("session 'users': materials", error.Message, StringComparison.Ordinal);
    }
}
