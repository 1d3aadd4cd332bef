using System.Text.Json;
using System.Text.RegularExpressions;
using SpeedingReport.Configuration;

namespace SpeedingReport.Routing;

/// <summary>The council's routing file, loaded and checked: every rule names real questions and answers, and every combination of answers is decided.</summary>
public sealed partial class RoutingConfiguration
{
    private readonly Dictionary<string, RoutingQuestion> _byId;
    private readonly List<CompiledRule> _rules;

    private RoutingConfiguration(RoutingDocument document, List<CompiledRule> rules)
    {
        Questions = document.Questions;
        _byId = document.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        _rules = rules;
    }

    public IReadOnlyList<RoutingQuestion> Questions { get; }

    public RoutingQuestion? FindQuestion(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The position of a rule (as returned by <see cref="Decide"/>) in the routing file, 0-based; -1 if it is not one of this file's.</summary>
    public int RuleIndexOf(RoutingRule rule)
    {
        for (var i = 0; i < _rules.Count; i++)
        {
            if (ReferenceEquals(_rules[i].Rule, rule))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The rules in file order (staff see which one decided a report).</summary>
    public IReadOnlyList<RoutingRule> Rules => [.. _rules.Select(r => r.Rule)];

    /// <summary>Loads and checks a routing file.</summary>
    /// <exception cref="SpeedingReportConfigurationException">The file is missing, is not valid JSON, or its rules are inconsistent.</exception>
    public static RoutingConfiguration Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpeedingReportConfigurationException(path, "the routing file does not exist (setting SpeedingReport:RoutingFile).");
        }

        using var stream = File.OpenRead(path);
        return Parse(stream, path);
    }

    /// <summary>Parses and checks a routing document.</summary>
    /// <exception cref="SpeedingReportConfigurationException">The document is not valid JSON or its rules are inconsistent.</exception>
    public static RoutingConfiguration Parse(Stream json, string sourceName)
    {
        RoutingDocument? document;
        try
        {
            document = JsonSerializer.Deserialize(json, RoutingJsonContext.Default.RoutingDocument);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"{sourceName} (line {line + 1})" : sourceName;
            throw new SpeedingReportConfigurationException(where, $"not a valid routing file: {ex.Message}", ex);
        }

        if (document is null)
        {
            throw new SpeedingReportConfigurationException(sourceName, "the routing file is empty (JSON null).");
        }

        // JSON null (or, for some shapes, an absent member) leaves a collection null: treat it as empty.
        document = document with
        {
            Questions = [.. (document.Questions ?? []).Select(q => q with { Options = q.Options ?? [] })],
            Rules = [.. (document.Rules ?? []).Select(r => r with { When = r.When ?? new Dictionary<string, JsonElement>() })],
        };
        return new RoutingConfiguration(document, Check(document, sourceName));
    }

    /// <summary>The rule that decides for these answers and this location; answers to questions that are skipped (see <see cref="Progress"/>) are not needed and are ignored.</summary>
    /// <exception cref="ArgumentException">An answer to a question that is asked is missing.</exception>
    public RoutingRule Decide(IReadOnlyDictionary<string, string> answers, bool inParish)
    {
        var progress = Progress(answers, inParish);
        return progress.Next is { } missing
            ? throw new ArgumentException($"The answer to '{missing.Id}' is missing.", nameof(answers))
            : progress.Rule!;
    }

    private static List<CompiledRule> Check(RoutingDocument document, string source)
    {
        if (document.Questions.Count == 0)
        {
            throw new SpeedingReportConfigurationException(source, "'questions' is empty: ask at least one question.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Questions.Count; i++)
        {
            var q = document.Questions[i];
            var where = $"{source}: questions[{i}]";
            if (!QuestionId().IsMatch(q.Id))
            {
                throw new SpeedingReportConfigurationException(where, $"id '{q.Id}' must be lower-case letters, digits and hyphens, starting with a letter.");
            }

            if (!ids.Add(q.Id))
            {
                throw new SpeedingReportConfigurationException(where, $"id '{q.Id}' is used by two questions.");
            }

            if (string.IsNullOrWhiteSpace(q.Text) || string.IsNullOrWhiteSpace(q.ErrorMessage))
            {
                throw new SpeedingReportConfigurationException(where, $"question '{q.Id}' needs 'text' and 'errorMessage'.");
            }

            if (q.Options.Count < 2)
            {
                throw new SpeedingReportConfigurationException(where, $"question '{q.Id}' needs at least two options.");
            }

            var values = new HashSet<string>(StringComparer.Ordinal);
            foreach (var option in q.Options)
            {
                if (string.IsNullOrWhiteSpace(option.Value) || string.IsNullOrWhiteSpace(option.Text) || !values.Add(option.Value))
                {
                    throw new SpeedingReportConfigurationException(where, $"question '{q.Id}': every option needs a 'text' and a 'value' no other option of the question has.");
                }
            }
        }

        var byId = document.Questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        var rules = new List<CompiledRule>();
        for (var i = 0; i < document.Rules.Count; i++)
        {
            var rule = document.Rules[i];
            var where = $"{source}: rules[{i}]";
            if (!Enum.IsDefined(rule.DealtWithBy))
            {
                throw new SpeedingReportConfigurationException(where, "'dealtWithBy' must be \"parish\" or \"district\".");
            }

            if (rule.DealtWithBy == ResponsibleBody.Parish && rule.InParish != true)
            {
                throw new SpeedingReportConfigurationException(where, "a rule sending reports to the parish must say \"inParish\": true (a location outside any parish has no parish council).");
            }

            if (string.IsNullOrWhiteSpace(rule.Explanation))
            {
                throw new SpeedingReportConfigurationException(where, "'explanation' is required: the result page shows it.");
            }

            var accepted = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var (questionId, element) in rule.When)
            {
                if (!byId.TryGetValue(questionId, out var question))
                {
                    throw new SpeedingReportConfigurationException(where, $"'when' names '{questionId}', which is not a question (questions: {string.Join(", ", byId.Keys)}).");
                }

                var values = ReadValues(element, where, questionId);
                foreach (var value in values)
                {
                    if (!question.Options.Any(o => o.Value == value))
                    {
                        throw new SpeedingReportConfigurationException(where, $"'when.{questionId}' accepts '{value}', which is not an option of that question (options: {string.Join(", ", question.Options.Select(o => o.Value))}).");
                    }
                }

                accepted[questionId] = values;
            }

            rules.Add(new CompiledRule(rule, accepted));
        }

        // Every answer combination must be decided, in and outside a parish: a catch-all is the simple way to be sure.
        foreach (var inParish in new[] { true, false })
        {
            if (!rules.Any(r => r.Conditions.Count == 0 && (r.Rule.InParish is null || r.Rule.InParish == inParish)))
            {
                throw new SpeedingReportConfigurationException(source, $"no rule without 'when' conditions catches the remaining answers for a location {(inParish ? "in" : "outside")} a parish; add one at the end (usually \"dealtWithBy\": \"district\").");
            }
        }

        return rules;
    }

    private static HashSet<string> ReadValues(JsonElement element, string where, string questionId)
    {
        var values = new HashSet<string>(StringComparer.Ordinal);
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        throw new SpeedingReportConfigurationException(where, $"'when.{questionId}' must be an option value or a list of them.");
                    }

                    values.Add(item.GetString()!);
                }

                break;
            default:
                throw new SpeedingReportConfigurationException(where, $"'when.{questionId}' must be an option value or a list of them.");
        }

        if (values.Count == 0)
        {
            throw new SpeedingReportConfigurationException(where, $"'when.{questionId}' lists no values, so the rule could never apply.");
        }

        return values;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex QuestionId();

    private sealed record CompiledRule(RoutingRule Rule, Dictionary<string, HashSet<string>> Conditions)
    {
        public bool Applies(Dictionary<string, string> answers, bool inParish) =>
            (Rule.InParish is null || Rule.InParish == inParish)
            && Conditions.All(c => answers.TryGetValue(c.Key, out var answer) && c.Value.Contains(answer));
    }
}
