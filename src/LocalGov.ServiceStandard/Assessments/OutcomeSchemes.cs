namespace LocalGov.ServiceStandard.Assessments;

/// <summary>The outcome schemes used in UK service assessments over the years.</summary>
public static class OutcomeSchemes
{
    /// <summary>Id of <see cref="PassNotPass"/>.</summary>
    public const string PassNotPassId = "pass-not-pass";

    /// <summary>Id of <see cref="MetNotMet"/>.</summary>
    public const string MetNotMetId = "met-not-met";

    /// <summary>Id of <see cref="RedAmberGreen"/>.</summary>
    public const string RedAmberGreenId = "red-amber-green";

    /// <summary>Id of <see cref="GlaScore"/>.</summary>
    public const string GlaScoreId = "gla-score-0-5";

    /// <summary>
    /// GDS 2014-16: each criterion passed (yes), not passed (no) or not applicable; the service passes when no
    /// criterion fails.
    /// </summary>
    public static IOutcomeScheme PassNotPass { get; } = new WorstOfOutcomeScheme(
        PassNotPassId,
        "Pass / not pass",
        [
            new OutcomeValue { Value = "pass", Label = "Pass", Meaning = "meets" },
            new OutcomeValue { Value = "not-pass", Label = "Not pass", Meaning = "does-not-meet", IsFailing = true },
            new OutcomeValue { Value = "not-applicable", Label = "Not applicable", Meaning = "not-applicable", IsNotApplicable = true },
        ],
        [
            new OutcomeValue { Value = "pass", Label = "Pass", Meaning = "meets" },
            new OutcomeValue { Value = "not-pass", Label = "Not pass", Meaning = "does-not-meet", IsFailing = true },
        ],
        ["meets"]);

    /// <summary>GOV.UK c. 2016-2024: each point met or not met; the service meets the standard when no point is not met.</summary>
    public static IOutcomeScheme MetNotMet { get; } = new WorstOfOutcomeScheme(
        MetNotMetId,
        "Met / not met",
        [
            new OutcomeValue { Value = "met", Label = "Met", Meaning = "meets" },
            new OutcomeValue { Value = "not-met", Label = "Not met", Meaning = "does-not-meet", IsFailing = true },
            new OutcomeValue { Value = "not-applicable", Label = "Not applicable", Meaning = "not-applicable", IsNotApplicable = true },
        ],
        [
            new OutcomeValue { Value = "met", Label = "Met", Meaning = "meets" },
            new OutcomeValue { Value = "not-met", Label = "Not met", Meaning = "does-not-meet", IsFailing = true },
        ],
        ["meets"]);

    /// <summary>
    /// GOV.UK after CDDO's process update: green (progress, no actions; replaces "met"), amber (progress, actions to
    /// fix within about 3 months), red (pause; reassess only the red points). The overall rating is the worst point.
    /// </summary>
    public static IOutcomeScheme RedAmberGreen { get; } = new WorstOfOutcomeScheme(
        RedAmberGreenId,
        "Red / amber / green",
        [
            new OutcomeValue { Value = "green", Label = "Green", Meaning = "meets" },
            new OutcomeValue { Value = "amber", Label = "Amber", Meaning = "amber" },
            new OutcomeValue { Value = "red", Label = "Red", Meaning = "red", IsFailing = true },
        ],
        [
            new OutcomeValue { Value = "green", Label = "Green", Meaning = "meets" },
            new OutcomeValue { Value = "amber", Label = "Amber", Meaning = "amber" },
            new OutcomeValue { Value = "red", Label = "Red", Meaning = "red", IsFailing = true },
        ],
        ["meets", "amber"]);

    /// <summary>The GLA's LGDSS reviews (2018): 0 to 5 per point, total out of 75 for 15 points, pass mark 15.</summary>
    public static IOutcomeScheme GlaScore { get; } = new ScoreOutcomeScheme(GlaScoreId, "GLA score 0-5 per point (pass mark 15)", 0, 5, 15);

    /// <summary>All built-in schemes.</summary>
    public static IReadOnlyList<IOutcomeScheme> All { get; } = [PassNotPass, MetNotMet, RedAmberGreen, GlaScore];
}
