namespace SpeedingReport.Routing;

public sealed partial class RoutingConfiguration
{
    // Past this many answer combinations to try, a question is asked rather than proved skippable (no real routing file comes near it).
    private const long MaxCombinations = 100_000;

    /// <summary>
    /// Works through the questions in order. A question is asked only when its answer can still change who deals with
    /// the report, given the location and the answers to the questions asked before it; otherwise it is skipped.
    /// Answers to later or skipped questions (left from before a Change) are not used, so the route is the same
    /// whatever order the pages were visited in.
    /// </summary>
    public RoutingProgress Progress(IReadOnlyDictionary<string, string> answers, bool inParish)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        var answered = new List<(RoutingQuestion, RoutingOption)>();
        var skipped = new List<RoutingQuestion>();
        foreach (var question in Questions)
        {
            if (!CanChangeOutcome(question, known, inParish))
            {
                skipped.Add(question);
                continue;
            }

            // An answer that is no longer an option (the routing file changed mid-report) counts as unanswered.
            var option = answers.TryGetValue(question.Id, out var value) ? question.Options.FirstOrDefault(o => o.Value == value) : null;
            if (option is null)
            {
                return new RoutingProgress { Answered = answered, Skipped = skipped, Next = question };
            }

            known[question.Id] = option.Value;
            answered.Add((question, option));
        }

        var index = DecidingRule(known, inParish);
        return new RoutingProgress { Answered = answered, Skipped = skipped, Rule = _rules[index].Rule, RuleIndex = index };
    }

    /// <summary>The rules that may still apply, in order, up to and including the first one that certainly applies.</summary>
    private List<CompiledRule> LiveRules(Dictionary<string, string> known, bool inParish)
    {
        var live = new List<CompiledRule>();
        foreach (var rule in _rules)
        {
            if (rule.Rule.InParish is { } p && p != inParish)
            {
                continue;
            }

            if (rule.Conditions.Any(c => known.TryGetValue(c.Key, out var answer) && !c.Value.Contains(answer)))
            {
                continue;
            }

            live.Add(rule);
            if (rule.Conditions.Keys.All(known.ContainsKey))
            {
                break;
            }
        }

        // Check() proved a catch-all for both kinds of location, so the last live rule certainly applies.
        return live;
    }

    /// <summary>
    /// True when some answers to the other open questions exist for which two answers to this question send the report
    /// to different bodies. Only questions named by a live rule can matter, so only they are tried.
    /// </summary>
    private bool CanChangeOutcome(RoutingQuestion question, Dictionary<string, string> known, bool inParish)
    {
        var live = LiveRules(known, inParish);
        if (live.Select(r => r.Rule.DealtWithBy).Distinct().Count() < 2 || !live.Any(r => r.Conditions.ContainsKey(question.Id)))
        {
            return false;
        }

        var others = live.SelectMany(r => r.Conditions.Keys)
            .Where(id => id != question.Id && !known.ContainsKey(id))
            .Distinct(StringComparer.Ordinal)
            .Select(id => _byId[id])
            .ToList();
        long combinations = question.Options.Count;
        foreach (var other in others)
        {
            combinations *= other.Options.Count;
            if (combinations > MaxCombinations)
            {
                return true;
            }
        }

        var trial = new Dictionary<string, string>(known, StringComparer.Ordinal);
        var positions = new int[others.Count];
        while (true)
        {
            for (var i = 0; i < others.Count; i++)
            {
                trial[others[i].Id] = others[i].Options[positions[i]].Value;
            }

            ResponsibleBody? first = null;
            foreach (var option in question.Options)
            {
                trial[question.Id] = option.Value;
                var body = live.First(r => r.Applies(trial, inParish)).Rule.DealtWithBy;
                if (first is null)
                {
                    first = body;
                }
                else if (body != first)
                {
                    return true;
                }
            }

            // Next combination of the other questions' answers (an odometer over their options).
            var k = 0;
            while (k < others.Count && ++positions[k] == others[k].Options.Count)
            {
                positions[k++] = 0;
            }

            if (k == others.Count)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// The deciding rule once every question is asked or skipped. The skipped questions cannot change the body, but a
    /// rule naming one may still be first in the file: then the first rule that applies whatever they are answered is
    /// taken, when it names the same body (it always does for files where each rule's own conditions decide).
    /// </summary>
    private int DecidingRule(Dictionary<string, string> known, bool inParish)
    {
        var live = LiveRules(known, inParish);
        var certain = live[^1];
        if (live.Count > 1)
        {
            var trial = new Dictionary<string, string>(known, StringComparer.Ordinal);
            foreach (var question in Questions.Where(q => !known.ContainsKey(q.Id)))
            {
                trial[question.Id] = question.Options[0].Value;
            }

            var decided = live.First(r => r.Applies(trial, inParish));
            if (decided.Rule.DealtWithBy != certain.Rule.DealtWithBy)
            {
                certain = decided;
            }
        }

        return _rules.FindIndex(r => ReferenceEquals(r, certain));
    }
}
