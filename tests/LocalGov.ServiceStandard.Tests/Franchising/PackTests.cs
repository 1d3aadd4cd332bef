using LocalGov.ServiceStandard.Franchising;

namespace LocalGov.ServiceStandard.Tests.Franchising;

public sealed class PackTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "localgov-pack-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Derive_applies_material_agenda_and_session_edits_and_keeps_the_licence()
    {
        var midlands = PackFranchise.Derive(FranchisingFixtures.LondonPack, "midlands-teacamps", "2016-10", FranchisingFixtures.PackEdits, peerGroup: "Midlands peer group", note: "Taken from London, revised");

        Assert.Equal(["users", "team", "open"], midlands.Sessions.Select(s => s.Id));
        Assert.Contains("residents", midlands.Sessions[0].Materials[0].Markdown, StringComparison.Ordinal);
        Assert.Equal(["exemplar"], midlands.Sessions[1].Materials.Select(m => m.Id));
        Assert.Equal(60, Assert.Single(midlands.Sessions[0].Agenda).Minutes);
        Assert.Equal(FranchisingFixtures.LondonPack.Reference, midlands.DerivedFrom!.Parent);
        Assert.Same(FranchisingFixtures.LondonPack.Attribution, midlands.Attribution);
        Assert.Contains("who are your users", FranchisingFixtures.LondonPack.Sessions[0].Materials[0].Markdown, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Diff_of_a_derived_pack_shows_each_change_readably()
    {
        var midlands = PackFranchise.Derive(FranchisingFixtures.LondonPack, "midlands-teacamps", "2016-10", FranchisingFixtures.PackEdits);

        var diff = PackDiff.ToMarkdown(FranchisingFixtures.LondonPack, midlands);

        Assert.Contains("# london-teacamps@2016-07 → midlands-teacamps@2016-10", diff, StringComparison.Ordinal);
        Assert.Contains("## Added session: Open code (`open`)", diff, StringComparison.Ordinal);
        Assert.Contains("- changed material `prompts`: Prompts\n\n```diff\n  # Prompts\n  \n- - Who are your users?\n+ - Who are your residents?\n", diff, StringComparison.Ordinal);
        Assert.Contains("- removed material `notes`: Facilitator notes", diff, StringComparison.Ordinal);
        Assert.Contains("- added material `exemplar`: Exemplar evidence", diff, StringComparison.Ordinal);
        Assert.Contains("- agenda: 10 min Welcome; 40 min Talk: research on a shoestring → 60 min Workshop", diff, StringComparison.Ordinal);
        Assert.Contains("No differences.", PackDiff.ToMarkdown(midlands, midlands), StringComparison.Ordinal);
    }

    [Fact]
    public void Lineage_goes_back_through_every_region_to_the_origin()
    {
        var midlands = PackFranchise.Derive(FranchisingFixtures.LondonPack, "midlands", "1", []);
        var south = PackFranchise.Derive(midlands, "south", "1", []);

        Assert.Equal(["south@1", "midlands@1", "london-teacamps@2016-07"], PackFranchise.Lineage(south, [midlands, FranchisingFixtures.LondonPack]).Select(r => r.ToString()));
    }

    [Fact]
    public void Pack_edits_that_cannot_apply_are_typed_errors()
    {
        Assert.Throws<StandardEditException>(() => PackFranchise.Derive(FranchisingFixtures.LondonPack, "x", "1", [new EditMaterial { SessionId = "users", MaterialId = "nope", Markdown = "x" }]));
        Assert.Throws<StandardEditException>(() => PackFranchise.Derive(FranchisingFixtures.LondonPack, "x", "1", [new RemoveSession { SessionId = "nope" }]));
        Assert.Throws<StandardEditException>(() => PackFranchise.Derive(FranchisingFixtures.LondonPack, "x", "1", [new AddSession { SessionId = "users", Title = "dup" }]));
    }

    [Fact]
    public async Task Export_and_import_as_a_folder_round_trips_and_hand_edits_are_read()
    {
        var ct = TestContext.Current.CancellationToken;
        await PackFolder.ExportAsync(FranchisingFixtures.LondonPack, _folder, ct);

        Assert.True(File.Exists(Path.Combine(_folder, "pack.json")));
        Assert.Equal("Keep it short.", await File.ReadAllTextAsync(Path.Combine(_folder, "sessions", "team", "notes.md"), ct));
        Assert.DoesNotContain("Keep it short.", await File.ReadAllTextAsync(Path.Combine(_folder, "pack.json"), ct), StringComparison.Ordinal);

        await File.WriteAllTextAsync(Path.Combine(_folder, "sessions", "team", "notes.md"), "Revised by hand.", ct);
        var imported = await PackFolder.ImportAsync(_folder, ct);

        Assert.Equal("Revised by hand.", imported.Sessions[1].Materials[0].Markdown);
        Assert.Equal(FranchisingFixtures.LondonPack.Sessions[0].Materials[0].Markdown, imported.Sessions[0].Materials[0].Markdown);
        Assert.Equal(FranchisingFixtures.LondonPack.Title, imported.Title);
    }

    [Fact]
    public async Task Importing_a_folder_without_a_pack_or_with_a_missing_material_is_a_typed_error()
    {
        var ct = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(_folder);
        var noManifest = await Assert.ThrowsAsync<InvalidDocumentException>(() => PackFolder.ImportAsync(_folder, ct));
        Assert.Contains("pack.json", noManifest.Message, StringComparison.Ordinal);

        await PackFolder.ExportAsync(FranchisingFixtures.LondonPack, _folder, ct);
        File.Delete(Path.Combine(_folder, "sessions", "users", "prompts.md"));
        var missing = await Assert.ThrowsAsync<InvalidDocumentException>(() => PackFolder.ImportAsync(_folder, ct));
        Assert.Equal("sessions/users/prompts.md", missing.Location);
    }

    [Fact]
    public async Task Ids_that_would_escape_the_folder_are_refused()
    {
        var evil = FranchisingFixtures.LondonPack with { Sessions = [new PackSession { Id = "../outside", Title = "x" }] };

        await Assert.ThrowsAsync<InvalidDocumentException>(() => PackFolder.ExportAsync(evil, _folder, TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(_folder));
    }
}
