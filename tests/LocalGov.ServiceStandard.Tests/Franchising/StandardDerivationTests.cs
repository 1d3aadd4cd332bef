using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;
using LocalGov.ServiceStandard.Tests.Assessments;

namespace LocalGov.ServiceStandard.Tests.Franchising;

public sealed class StandardDerivationTests
{
    private static readonly StandardVersion Parent = Fixtures.ThreePointStandard;

    [Fact]
    public void Derive_applies_reword_add_remove_and_move_and_records_them()
    {
        var derived = StandardDerivation.Derive(Parent, "south-standard", "2016-11", FranchisingFixtures.AllEdits, title: "South standard", publisher: "South peer group");

        Assert.Equal(["member", "users", "team"], derived.Points.Select(p => p.Id));
        Assert.Equal([1, 2, 3], derived.Points.Select(p => p.Number));
        Assert.Equal("Have a sustainable team", derived.FindPoint("team")!.Title);
        Assert.Equal("Have a multidisciplinary team.", derived.FindPoint("team")!.Text);
        Assert.Equal(Parent.Reference, derived.DerivedFrom!.Parent);
        Assert.Equal(4, derived.DerivedFrom.Edits.Count);
        Assert.Equal(StandardStatus.Draft, derived.Status);
        Assert.Same(Parent.Attribution, derived.Attribution);
    }

    [Theory]
    [InlineData("reword", "nope")]
    [InlineData("remove", "nope")]
    [InlineData("add", "users")]
    [InlineData("move", "nope")]
    public void An_edit_that_cannot_apply_is_a_typed_error_naming_the_edit(string op, string pointId)
    {
        StandardEdit edit = op switch
        {
            "reword" => new RewordPoint { PointId = pointId, Title = "x" },
            "remove" => new RemovePoint { PointId = pointId },
            "add" => new AddPoint { PointId = pointId, Title = "x" },
            _ => new MovePoint { PointId = pointId },
        };

        var error = Assert.Throws<StandardEditException>(() => StandardDerivation.Derive(Parent, "d", "1", [new RewordPoint { PointId = "users", Text = "ok" }, edit]));

        Assert.Equal(1, error.EditIndex);
        Assert.Contains(pointId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_after_a_missing_point_and_empty_reword_are_rejected()
    {
        Assert.Throws<StandardEditException>(() => StandardDerivation.Derive(Parent, "d", "1", [new AddPoint { PointId = "new", Title = "x", AfterPointId = "nope" }]));
        Assert.Throws<StandardEditException>(() => StandardDerivation.Derive(Parent, "d", "1", [new RewordPoint { PointId = "users" }]));
    }

    [Fact]
    public void A_council_checklist_is_derived_with_questions_and_recommendations()
    {
        var origin = StandardCatalog.LoadBuiltIn().Get("digital-best-practice-checklist");

        var ours = StandardDerivation.Derive(origin, "anytown-checklist", "1",
        [
            new RewordPoint { PointId = "question-1", Text = "Do we promote digital services to reduce avoidable contact?" },
            new AddPoint { PointId = "question-8", Title = "Procurement", Text = "Do contracts require suppliers to meet the Service Standard?", Recommendation = "Write the Service Standard into every digital contract.", AfterPointId = "question-7" },
        ]);

        Assert.Equal(StandardKind.Checklist, ours.Kind);
        Assert.Equal("Write the Service Standard into every digital contract.", ours.FindPoint(8)!.Recommendation);
        Assert.Empty(ours.FindPoint("question-1")!.Gaps);
        Assert.NotEmpty(ours.FindPoint("question-2")!.Gaps);
        Assert.Equal(origin.Attribution, ours.Attribution);
    }

    [Fact]
    public void Lineage_runs_back_to_the_origin_through_derived_and_superseded_versions()
    {
        var catalog = StandardCatalog.LoadBuiltIn();
        var lgdss = catalog.Get("lgdss", "2016-04-07");
        var regional = StandardDerivation.Derive(lgdss, "south-lgdss", "2017", [new RewordPoint { PointId = "test-with-senior-manager", Title = "Test with the portfolio holder" }]);
        var local = StandardDerivation.Derive(regional, "anytown-lgdss", "2018", [new RemovePoint { PointId = "point-13" }]);
        var withBoth = catalog.With(regional).With(local);

        var lineage = withBoth.Lineage(local.Reference).Select(r => r.ToString());

        Assert.Equal(["anytown-lgdss@2018", "south-lgdss@2017", "lgdss@2016-04-07", "lgdss@2016-02-29-draft"], lineage);
    }

    [Fact]
    public void Diff_reports_added_removed_reworded_and_moved_points_with_a_word_diff()
    {
        var derived = StandardDerivation.Derive(Parent, "d", "1",
        [
            new RewordPoint { PointId = "users", Text = "Understand residents and their needs." },
            new MovePoint { PointId = "open", AfterPointId = null },
            new RemovePoint { PointId = "team" },
            new AddPoint { PointId = "member", Title = "Test with a member", AfterPointId = "users" },
        ]);

        var diff = StandardDiff.Compare(Parent, derived);

        var byId = diff.Changes.ToDictionary(c => c.PointId);
        Assert.Equal(PointChangeKind.Reworded, byId["users"].Kind);
        Assert.Equal("Understand [-users-]{+residents+} and their needs.", byId["users"].WordDiff);
        Assert.Equal((PointChangeKind.Moved, 3, 1), (byId["open"].Kind, byId["open"].OldNumber!.Value, byId["open"].NewNumber!.Value));
        Assert.Equal(PointChangeKind.Removed, byId["team"].Kind);
        Assert.Equal(PointChangeKind.Added, byId["member"].Kind);
        var markdown = diff.ToMarkdown();
        Assert.Contains("1 added, 1 removed, 1 reworded, 1 moved, 0 unchanged.", markdown, StringComparison.Ordinal);
        Assert.Contains("## Removed: 2. Have a team", markdown, StringComparison.Ordinal);
        Assert.Contains("## Moved: Make code open (point 3 → 1)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_the_two_service_standard_wordings_shows_points_2_and_5()
    {
        var catalog = StandardCatalog.LoadBuiltIn();

        var diff = StandardDiff.Compare(catalog.Get("govuk-service-standard", "2019-05"), catalog.Get("govuk-service-standard", "2019-05-revised"));

        Assert.Equal([2, 5], diff.Changes.Where(c => c.Kind == PointChangeKind.Reworded).Select(c => c.NewNumber!.Value));
        Assert.Contains("{+a+}", diff.Changes.Single(c => c.NewNumber == 2).WordDiff, StringComparison.Ordinal);
        Assert.False(StandardDiff.Compare(Parent, Parent).HasChanges);
    }

    [Fact]
    public void Rebase_onto_a_parent_that_changed_other_points_is_clean()
    {
        var derived = StandardDerivation.Derive(Parent, "d", "1", [new RewordPoint { PointId = "users", Title = "Know your residents" }]);
        var newParent = Parent with { Version = "2", Points = [.. Parent.Points.Select(p => p.Id == "open" ? p with { Text = "Make all new source code open." } : p)] };

        var result = StandardDerivation.Rebase(derived, Parent, newParent);

        Assert.True(result.IsClean);
        Assert.Equal(newParent.Reference, result.Rebased!.DerivedFrom!.Parent);
        Assert.Equal("Know your residents", result.Rebased.FindPoint("users")!.Title);
        Assert.Equal("Make all new source code open.", result.Rebased.FindPoint("open")!.Text);
    }

    [Fact]
    public void Rebase_reports_every_conflict_and_resolves_none()
    {
        var derived = StandardDerivation.Derive(Parent, "d", "1",
        [
            new RewordPoint { PointId = "users", Text = "Know residents." },
            new RemovePoint { PointId = "team" },
            new AddPoint { PointId = "member", Title = "Test with a member", AfterPointId = "open" },
        ]);
        var newParent = Parent with
        {
            Version = "2",
            Points =
            [
                Parent.Points[0] with { Text = "Understand users deeply." },
                Parent.Points[1] with { Title = "Have a sustainable team" },
                new StandardPoint { Id = "member", Number = 3, Title = "Upstream member point" },
            ],
        };

        var result = StandardDerivation.Rebase(derived, Parent, newParent);

        Assert.False(result.IsClean);
        Assert.Null(result.Rebased);
        Assert.Equal(
            [(0, RebaseConflictKind.BothReworded), (1, RebaseConflictKind.RemovedHereChangedUpstream), (2, RebaseConflictKind.AddedUpstream), (2, RebaseConflictKind.AnchorRemovedUpstream)],
            result.Conflicts.Select(c => (c.EditIndex, c.Kind)));
        Assert.Contains("Understand users deeply.", result.Conflicts[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebase_from_a_parent_it_was_not_derived_from_is_refused()
    {
        var derived = StandardDerivation.Derive(Parent, "d", "1", []);

        Assert.Throws<StandardEditException>(() => StandardDerivation.Rebase(derived, Parent with { Version = "0" }, Parent with { Version = "2" }));
    }
}
