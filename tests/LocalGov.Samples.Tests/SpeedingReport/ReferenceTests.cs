using SpeedingReport.Reports;

namespace LocalGov.Samples.Tests.SpeedingReport;

public sealed class ReferenceTests
{
    [Fact]
    public void References_are_well_formed_use_no_confusable_characters_and_do_not_repeat()
    {
        var generator = new ReportReferenceGenerator();

        var references = Enumerable.Range(0, 10_000).Select(_ => generator.NewReference()).ToList();

        Assert.All(references, r => Assert.True(ReportReferenceGenerator.IsWellFormed(r), r));
        Assert.All(references, r => Assert.DoesNotMatch("[01ILOU]", r[3..]));
        Assert.Equal(references.Count, references.Distinct().Count());

        // Every character of the alphabet turns up: drawn across the whole alphabet, not a fixed pattern.
        Assert.Equal(ReportReferenceGenerator.Alphabet.Length, references.SelectMany(r => r[3..].Replace("-", "", StringComparison.Ordinal)).Distinct().Count());
    }
}
