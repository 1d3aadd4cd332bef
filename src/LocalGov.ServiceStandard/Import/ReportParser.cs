using System.Text;
using System.Text.RegularExpressions;
using LocalGov.ServiceStandard.Assessments;

namespace LocalGov.ServiceStandard.Import;

/// <summary>Parses one GDS report body; see <see cref="GdsReportImporter"/> for the structure it relies on.</summary>
internal sealed partial class ReportParser
{
    private readonly int _index;
    private readonly string _title;
    private readonly Uri? _url;
    private readonly string? _summary;
    private readonly string[] _lines;
    private readonly List<string> _warnings = [];

    public ReportParser(int index, string title, string body, Uri? url, string? summary)
    {
        _index = index;
        _title = Clean(title).Trim();
        _url = url;
        _summary = string.IsNullOrWhiteSpace(summary) ? null : Clean(summary).Trim();
        _lines = Clean(body).Split('\n');
    }

    private enum Field
    {
        None,
        Department,
        AssessmentDate,
        OriginalDate,
        ReassessmentDate,
        SubmissionDate,
        Stage,
        MovingTo,
        Result,
        OriginalResult,
        ReassessmentResult,
        LeadAssessor,
        ServiceManager,
        DigitalLeader,
    }

    public GdsImportedReport Parse()
    {
        var fields = ReadFields(out var firstFieldLine);
        var table = ReadCriteriaTable();
        if (fields.Count == 0 && table.Count == 0)
        {
            throw new InvalidDocumentException($"report {_index}", null, "no GDS report metadata (department, dates, stage, result) and no criteria table were found");
        }

        var department = Get(fields, Field.Department) is { } d ? MarkdownLink().Replace(d, "$1").Trim() : null;

        // Dates: the final assessment is the reassessment when there was one.
        var originalDate = GdsReportImporter.ParseDate(Get(fields, Field.OriginalDate));
        var assessmentDate = GdsReportImporter.ParseDate(Get(fields, Field.AssessmentDate));
        var reassessmentDate = GdsReportImporter.ParseDate(Get(fields, Field.ReassessmentDate));
        var submissionDate = GdsReportImporter.ParseDate(Get(fields, Field.SubmissionDate));
        var date = reassessmentDate ?? assessmentDate ?? originalDate ?? submissionDate ?? DateFromHeadingLine();
        if (date is null)
        {
            _warnings.Add("no assessment date found");
        }

        // Stage.
        var stageText = Get(fields, Field.Stage);
        var stage = GdsReportImporter.NormaliseStage(stageText, movingTo: false);
        if (stageText is null && Get(fields, Field.MovingTo) is { } movingTo)
        {
            stageText = "Moving to: " + movingTo;
            stage = GdsReportImporter.NormaliseStage(movingTo, movingTo: true);
        }

        stage ??= StageFromTitleOrText();
        if (stage is null)
        {
            _warnings.Add(stageText is null ? "no assessment stage found" : $"stage '{stageText}' not recognised");
        }

        // Results.
        var originalResultText = Get(fields, Field.OriginalResult);
        var reassessmentResultText = Get(fields, Field.ReassessmentResult);
        var resultText = reassessmentResultText ?? Get(fields, Field.Result) ?? originalResultText;
        var result = GdsReportImporter.NormaliseResult(resultText);
        GdsResultSource? source = result is null ? null : GdsResultSource.Stated;
        if (result is null)
        {
            if (resultText is not null)
            {
                _warnings.Add($"result '{resultText}' not recognised");
            }

            (result, resultText) = ResultFromVerdict();
            source = result is null ? null : GdsResultSource.OutcomeText;
        }

        if (result is null && table.Count > 0 && table.Values.All(v => v.Outcome != "not-pass"))
        {
            result = "pass";
            resultText = "every criterion passed or not applicable";
            source = GdsResultSource.CriteriaTable;
        }

        if (result is null)
        {
            _warnings.Add("no result found");
        }

        var isReassessment = reassessmentDate is not null || reassessmentResultText is not null;
        var standard = ChooseStandard(table, date);
        var sections = ReadSections(firstFieldLine);
        var points = BuildPoints(table, sections, standard == GdsReportImporterStandards.DigitalByDefault ? 26 : 18);
        var id = Slug(_url?.Segments.LastOrDefault(s => s.Trim('/').Length > 0)?.Trim('/') ?? _title);
        var serviceName = TitleSuffix().Replace(_title, string.Empty).Trim();
        var panel = new List<Participant>();
        var team = new List<Participant>();
        if (Get(fields, Field.LeadAssessor) is { } lead)
        {
            panel.Add(new Participant { Name = lead, Role = AssessmentRole.LeadAssessor });
        }

        if (Get(fields, Field.ServiceManager) is { } manager)
        {
            team.Add(new Participant { Name = manager, Role = AssessmentRole.ServiceOwner, RoleDescription = "Service Manager" });
        }

        if (Get(fields, Field.DigitalLeader) is { } leader)
        {
            team.Add(new Participant { Name = leader, Role = AssessmentRole.DigitalLeader, RoleDescription = "Digital Leader" });
        }

        var assessment = new Assessment
        {
            Id = id,
            ServiceName = serviceName.Length > 0 ? serviceName : _title,
            ServiceDescription = _summary ?? Preamble(firstFieldLine),
            Organisation = department ?? "unknown",
            Phase = stage,
            StageLabel = stageText,
            Date = date,
            Panel = panel,
            ServiceTeam = team,
            Standard = standard,
            Scheme = OutcomeSchemes.PassNotPassId,
            Points = points,
            Summary = sections.Summary,
            ToExplore = sections.Recommendations,
            NextSteps = sections.NextSteps,
            StatedResult = SchemeValue(result),
            ReassessmentOf = isReassessment ? id + "-original" : null,
            Source = _url,
        };
        if (department is null)
        {
            _warnings.Add("no department found");
        }

        Assessment? original = null;
        if (isReassessment)
        {
            var originalResult = GdsReportImporter.NormaliseResult(originalResultText);
            original = assessment with
            {
                Id = id + "-original",
                Date = originalDate ?? (reassessmentDate is null ? null : assessmentDate),
                Points = [],
                Summary = null,
                ToExplore = [],
                NextSteps = [],
                StatedResult = SchemeValue(originalResult),
                ReassessmentOf = null,
            };
        }

        return new GdsImportedReport
        {
            Index = _index,
            Title = _title,
            Url = _url,
            Department = department,
            Stage = stage,
            StageText = stageText,
            Result = result,
            ResultText = resultText,
            ResultSource = source,
            Date = date,
            IsReassessment = isReassessment,
            Assessment = assessment,
            Original = original,
            Warnings = _warnings,
        };
    }

    private static string? SchemeValue(string? result) => result switch
    {
        "pass" or "met" or "pass-with-conditions" => "pass",
        "not-pass" or "not-met" => "not-pass",
        _ => null,
    };

    private static string? Get(Dictionary<Field, string> fields, Field field) => fields.GetValueOrDefault(field);

    private static string Clean(string text)
    {
        // Some scraped bodies end with the blog's page furniture (sidebar, footer, scripts): the report stops there.
        var chrome = PageChrome().Match(text);
        if (chrome.Success)
        {
            text = text[..chrome.Index];
        }

        text = HtmlBreak().Replace(text, "\n");
        text = HtmlTag().Replace(text, string.Empty);
        var cleaned = text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase)
            .Replace('\u00a0', ' ')
            .Replace("&amp;", "&", StringComparison.OrdinalIgnoreCase);
        return BackslashEscape().Replace(cleaned, "$1");
    }

    private static string Slug(string text)
    {
        var slug = NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');
        return slug.Length > 0 ? slug : "report";
    }

    private static Field Classify(string label)
    {
        bool Has(string word) => label.Contains(word, StringComparison.OrdinalIgnoreCase);
        if (label.Length > 60)
        {
            return Field.None;
        }

        if (Has("date"))
        {
            return Has("reassess") || Has("ressess") || Has("re-assess") || Has("additional evidence") ? Field.ReassessmentDate
                : Has("original") ? Field.OriginalDate
                : Has("submission") ? Field.SubmissionDate
                : Field.AssessmentDate;
        }

        if (Has("result"))
        {
            return Has("reassess") || Has("re-assess") || Has("additional evidence") || Has("following") ? Field.ReassessmentResult
                : Has("original") ? Field.OriginalResult
                : Field.Result;
        }

        if (Has("stage"))
        {
            return Field.Stage;
        }

        if (Has("moving to"))
        {
            return Field.MovingTo;
        }

        if (Has("department") || Has("agency"))
        {
            return Field.Department;
        }

        return Has("lead assessor") ? Field.LeadAssessor
            : Has("service manager") || Has("service owner") ? Field.ServiceManager
            : Has("digital leader") ? Field.DigitalLeader
            : Field.None;
    }

    private Dictionary<Field, string> ReadFields(out int firstFieldLine)
    {
        var fields = new Dictionary<Field, string>();
        firstFieldLine = -1;
        for (var i = 0; i < _lines.Length; i++)
        {
            if (_lines[i].TrimStart().StartsWith('|'))
            {
                // Metadata laid out as a table: "| **Department / Agency:** | DWP |".
                var cells = _lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim().Trim('*', '_', ' ').TrimEnd(':').Trim()).ToArray();
                for (var k = 0; k + 1 < cells.Length; k++)
                {
                    var tableField = Classify(cells[k]);
                    if (tableField != Field.None && cells[k + 1].Length is > 0 and <= 150 && !fields.ContainsKey(tableField)
                        && Classify(cells[k + 1]) == Field.None && !TableHeaderWord().IsMatch(cells[k + 1]))
                    {
                        fields[tableField] = cells[k + 1];
                        firstFieldLine = firstFieldLine < 0 ? i : firstFieldLine;
                        k++;
                    }
                }

                continue;
            }

            var match = BoldLabel().Match(_lines[i]);
            if (!match.Success)
            {
                match = PlainLabel().Match(_lines[i]);
                if (!match.Success)
                {
                    continue;
                }
            }

            var label = match.Groups["label"].Value.Trim();
            var value = match.Groups["rest"].Value.Trim();
            var colon = label.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && colon < label.Length - 1)
            {
                // "**Result: Pass**": label and value inside one bold run.
                value = label[(colon + 1)..].Trim() + (value.Length > 0 ? " " + value : string.Empty);
                label = label[..colon];
            }

            var field = Classify(label);
            if (field == Field.None || fields.ContainsKey(field))
            {
                continue;
            }

            if (value.Length == 0)
            {
                value = NextValueLine(i);
            }

            value = value.Trim().Trim('*', '_').Trim();
            if (value.Length is 0 or > 150)
            {
                continue;
            }

            fields[field] = value;
            if (firstFieldLine < 0)
            {
                firstFieldLine = i;
            }
        }

        return fields;
    }

    private string NextValueLine(int labelLine)
    {
        for (var j = labelLine + 1; j < _lines.Length && j <= labelLine + 3; j++)
        {
            var line = _lines[j].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            return BoldLabel().IsMatch(line) || line.StartsWith('#') || line.StartsWith('|') || line.StartsWith("* * *", StringComparison.Ordinal) ? string.Empty : line;
        }

        return string.Empty;
    }

    private DateOnly? DateFromHeadingLine()
    {
        foreach (var line in _lines)
        {
            var trimmed = line.Trim().Trim('*', '_', '#', ' ');
            if (trimmed.Length is > 5 and < 30 && GdsReportImporter.ParseDate(trimmed) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private ServicePhase? StageFromTitleOrText()
    {
        var fromTitle = TitleStage().Match(_title);
        if (fromTitle.Success)
        {
            return GdsReportImporter.NormaliseStage(fromTitle.Groups["stage"].Value, movingTo: false);
        }

        // Only the opening of the report (what the service sought and the panel's outcome) says which assessment it
        // was; later sections talk about future phases ("before coming in for a beta assessment").
        var intro = new StringBuilder();
        foreach (var line in _lines)
        {
            var heading = HeadingLine().Match(line.Trim());
            if (heading.Success && LaterSection().IsMatch(heading.Groups["text"].Value))
            {
                break;
            }

            intro.Append(line).Append(' ');
            if (intro.Length > 4000)
            {
                break;
            }
        }

        var text = intro.ToString();
        if (EndOfPhase().Match(text) is { Success: true } endOf)
        {
            return GdsReportImporter.NormaliseStage(endOf.Groups["phase"].Value, movingTo: false);
        }

        if (LiveSought().IsMatch(text))
        {
            return ServicePhase.Live;
        }

        if (MovesTo().Match(text) is { Success: true } moving)
        {
            return GdsReportImporter.NormaliseStage(moving.Groups["to"].Value, movingTo: true);
        }

        if (BetaSought().IsMatch(text))
        {
            return ServicePhase.Beta;
        }

        return AlphaWording().IsMatch(text) ? ServicePhase.Alpha : null;
    }

    private (string? Result, string? Text) ResultFromVerdict()
    {
        // The panel's verdict: a sentence about the standard, approval or proceeding that says yes or no. Reports that
        // cover a reassessment also quote the original verdict, so sentences in reassessment sections win, sentences
        // about the original assessment lose, and a concluding sentence beats a passing remark.
        (int Rank, int Order, string Result, string Sentence)? best = null;
        string? section = null;
        string? heading = null;
        var order = 0;
        var paragraph = new StringBuilder();
        foreach (var raw in _lines.TakeWhile(l => !l.TrimStart().StartsWith('|')).Append(string.Empty))
        {
            var line = raw.Trim();
            var headingMatch = HeadingLine().Match(line);
            if (line.Length > 0 && !headingMatch.Success)
            {
                paragraph.Append(' ').Append(line);
                continue;
            }

            foreach (var sentence in SentenceEnd().Split(paragraph.ToString()))
            {
                order++;
                if (!VerdictContext().IsMatch(sentence))
                {
                    continue;
                }

                var result = NegativeVerdict().IsMatch(sentence) ? "not-pass" : PositiveVerdict().IsMatch(sentence) ? "pass" : null;
                if (result is null)
                {
                    continue;
                }

                var context = (section ?? string.Empty) + " / " + (heading ?? string.Empty);
                var original = context.Contains("original", StringComparison.OrdinalIgnoreCase);
                var rank = sentence.Contains("original", StringComparison.OrdinalIgnoreCase) ? 9
                    : original ? 8
                    : context.Contains("reassess", StringComparison.OrdinalIgnoreCase) || context.Contains("additional evidence", StringComparison.OrdinalIgnoreCase) ? 0
                    : ConcludingSentence().IsMatch(sentence) ? 1
                    : heading is not null && VerdictHeading().IsMatch(heading) ? 2
                    : sentence.Contains("recommend", StringComparison.OrdinalIgnoreCase) ? 4
                    : 3;
                if (best is null || rank < best.Value.Rank)
                {
                    best = (rank, order, result, sentence.Trim());
                }
            }

            paragraph.Clear();
            if (headingMatch.Success)
            {
                // A Markdown heading starts a section (e.g. "Original Assessment Report"); bold lines are sub-headings within it.
                if (line.StartsWith('#'))
                {
                    section = headingMatch.Groups["text"].Value;
                    heading = null;
                }
                else if (GdsReportImporter.ParseDate(line) is null)
                {
                    heading = headingMatch.Groups["text"].Value;
                }
            }
        }

        // A verdict found only in text about the original assessment says nothing about the final result.
        return best is null || best.Value.Rank >= 8 ? (null, null) : (best.Value.Result, best.Value.Sentence);
    }

    private Dictionary<int, (string Outcome, string Cell)> ReadCriteriaTable()
    {
        // The last block of table rows holding number/outcome pairs is the criteria table.
        var best = new Dictionary<int, (string, string)>();
        var current = new Dictionary<int, (string, string)>();
        foreach (var raw in _lines.Append(string.Empty))
        {
            var line = raw.Trim();
            if (!line.StartsWith('|'))
            {
                if (current.Count > 0)
                {
                    best = current;
                    current = [];
                }

                continue;
            }

            var cells = line.Trim('|').Split('|').Select(c => c.Trim().Trim('*').Trim()).ToArray();
            for (var k = 0; k + 1 < cells.Length; k++)
            {
                if (GdsReportImporter.CellNumber(cells[k]) is { } number && number is >= 1 and <= 40
                    && GdsReportImporter.CellOutcome(cells[k + 1]) is { } outcome)
                {
                    current[number] = (outcome, cells[k + 1]);
                    k++;
                }
            }
        }

        return best;
    }

    private StandardReference ChooseStandard(Dictionary<int, (string Outcome, string Cell)> table, DateOnly? date)
    {
        if (table.Count > 0)
        {
            return table.Keys.Max() > 18 ? GdsReportImporterStandards.DigitalByDefault : GdsReportImporterStandards.DigitalServiceStandard;
        }

        var text = string.Join(' ', _lines);
        if (TwentySix().IsMatch(text))
        {
            return GdsReportImporterStandards.DigitalByDefault;
        }

        if (Eighteen().IsMatch(text))
        {
            return GdsReportImporterStandards.DigitalServiceStandard;
        }

        if (date is null)
        {
            _warnings.Add("standard version guessed (no criteria table, no date): Digital by Default 2014");
            return GdsReportImporterStandards.DigitalByDefault;
        }

        return date < GdsReportImporterStandards.DigitalServiceStandardStart ? GdsReportImporterStandards.DigitalByDefault : GdsReportImporterStandards.DigitalServiceStandard;
    }

    private static List<PointAssessment> BuildPoints(Dictionary<int, (string Outcome, string Cell)> table, Sections sections, int pointCount)
    {
        var numbers = table.Keys.Concat(sections.PointNotes.Keys).Where(n => n <= pointCount).Distinct().Order();
        var points = new List<PointAssessment>();
        foreach (var number in numbers)
        {
            var notes = sections.PointNotes.TryGetValue(number, out var list) ? string.Join("\n\n", list) : null;
            var decision = table.TryGetValue(number, out var cell) ? $"Criterion {number}: {cell.Cell}" : null;
            points.Add(new PointAssessment
            {
                Number = number,
                Outcome = table.TryGetValue(number, out var c) ? c.Outcome : null,
                Decision = decision,
                Notes = notes,
            });
        }

        return points;
    }

    private string? Preamble(int firstFieldLine)
    {
        if (firstFieldLine <= 0)
        {
            return null;
        }

        var text = string.Join('\n', _lines.Take(firstFieldLine)).Replace("* * *", string.Empty, StringComparison.Ordinal).Trim();
        return text.Length > 0 ? text : null;
    }

    private Sections ReadSections(int firstFieldLine)
    {
        var sections = new Sections();
        string? heading = null;
        List<int> headingPoints = [];
        var paragraph = new StringBuilder();
        var inNotApplicable = false;

        void EndParagraph()
        {
            var text = paragraph.ToString().Trim();
            paragraph.Clear();
            if (text.Length == 0 || heading is null)
            {
                return;
            }

            foreach (var point in headingPoints)
            {
                sections.AddPointNote(point, text);
            }

            if (heading.Contains("outcome", StringComparison.OrdinalIgnoreCase) || heading.Contains("summary", StringComparison.OrdinalIgnoreCase))
            {
                sections.Summary ??= text;
            }
            else if (heading.Contains("next step", StringComparison.OrdinalIgnoreCase))
            {
                sections.NextSteps.Add(text);
            }
            else if (heading.Contains("recommend", StringComparison.OrdinalIgnoreCase) && !text.EndsWith(':'))
            {
                // A paragraph that ends with a colon introduces the list that follows; the others are recommendations.
                sections.Recommendations.Add(text);
            }
        }

        for (var i = Math.Max(firstFieldLine, 0); i < _lines.Length; i++)
        {
            var line = _lines[i].Trim();
            var headingMatch = HeadingLine().Match(line);
            if (headingMatch.Success && Classify(headingMatch.Groups["text"].Value) == Field.None)
            {
                EndParagraph();
                heading = headingMatch.Groups["text"].Value.Trim().Trim('*', '_', ':', ' ');
                headingPoints = [.. PointNumbers(heading)];
                inNotApplicable = heading.Contains("not applicable", StringComparison.OrdinalIgnoreCase);
                continue;
            }

            if (line.Length == 0 || line.StartsWith("* * *", StringComparison.Ordinal))
            {
                EndParagraph();
                continue;
            }

            if (inNotApplicable && NotApplicableNote().Match(line.Trim('|', ' ')) is { Success: true } note)
            {
                sections.AddPointNote(int.Parse(note.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture), "Not applicable: " + note.Groups["text"].Value.Trim());
                continue;
            }

            if (line.StartsWith('|'))
            {
                EndParagraph();
                continue;
            }

            var bullet = Bullet().Match(line);
            if (bullet.Success && heading is not null)
            {
                EndParagraph();
                var item = bullet.Groups["text"].Value.Trim();
                if (heading.Contains("recommend", StringComparison.OrdinalIgnoreCase))
                {
                    sections.Recommendations.Add(item);
                }
                else if (heading.Contains("next step", StringComparison.OrdinalIgnoreCase))
                {
                    sections.NextSteps.Add(item);
                }

                foreach (var point in headingPoints)
                {
                    sections.AddPointNote(point, "- " + item);
                }

                continue;
            }

            paragraph.Append(paragraph.Length > 0 ? " " : string.Empty).Append(line);
        }

        EndParagraph();
        return sections;
    }

    private static IEnumerable<int> PointNumbers(string heading)
    {
        var match = PointReference().Match(heading);
        if (!match.Success)
        {
            return [];
        }

        return NumberList().Matches(match.Value)
            .Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(n => n is >= 1 and <= 26)
            .Distinct();
    }

    [GeneratedRegex(@"^\s*(?:\*\*|__)\s*(?<label>[^*_\n]{2,80}?)\s*:?\s*(?:\*\*|__)\s*:?\s*(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex BoldLabel();

    [GeneratedRegex(@"^\s*(?<label>(?:department|agency|date of [a-z ]+|assessment (?:stage|date)|stage|result[a-z ]*|moving to|lead assessor|service manager|digital leader)[a-z /]*?)\s*:\s*(?<rest>\S.{0,120})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlainLabel();

    [GeneratedRegex(@"<(?:aside|footer|nav|script|header)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageChrome();

    [GeneratedRegex(@"<(?:br|/p|/li|/h\d|/div)\s*/?>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HtmlBreak();

    [GeneratedRegex(@"</?[a-zA-Z][^<>]{0,300}>", RegexOptions.CultureInvariant)]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"^(?:criteria|criterion|passed|result|outcome|point|points|number|no\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TableHeaderWord();

    [GeneratedRegex(@"\\([*_\[\]()#.\-!+`])", RegexOptions.CultureInvariant)]
    private static partial Regex BackslashEscape();

    [GeneratedRegex(@"\[([^\]]*)\]\([^)]*\)", RegexOptions.CultureInvariant)]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonSlug();

    [GeneratedRegex(@"\s*[-–—:]\s*(?:internal\s+)?(?:service\s+)?(?:alpha\s+|beta\s+|live\s+)?(?:assessment|self[- ]certification|reassessment|review)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"\b(?<stage>discovery|alpha|private beta|public beta|beta|live)\b\s+(?:re-?)?(?:assessment|review)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TitleStage();

    [GeneratedRegex(@"\bmov(?:es|ing|e)\s+(?:from\s+\w+(?:\s+beta)?\s+)?(?:in)?to\s+(?:a\s+|the\s+)?(?<to>private beta|public beta|beta|live)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MovesTo();

    [GeneratedRegex(@"\b(?:at|to) the end of (?:the |its )?(?<phase>alpha|private beta|public beta|beta)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndOfPhase();

    [GeneratedRegex(@"\b(concluded?|conclusion|confirms?|overall result|decision|decided|content that|satisfied that|considered that|consider that)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConcludingSentence();

    [GeneratedRegex(@"\b(outcome|summary|result|decision|conclusion|verdict)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerdictHeading();

    [GeneratedRegex(@"\b(reasons|recommendations?|next steps|user needs|the team|design|analysis|criteria)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LaterSection();

    [GeneratedRegex(@"\b(?:seeking permission to be branded (?:as )?(?:a )?live|remove (?:its|any|the) beta branding|branded (?:as )?(?:a )?live|criteria for a live)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LiveSought();

    [GeneratedRegex(@"\b(?:seeking permission to launch\b.{0,120}\bbeta|launch (?:as )?an? (?:public )?beta|criteria for a beta|for a beta service|progress to a public beta)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BetaSought();

    [GeneratedRegex(@"\b(?:at this early stage of development|for an alpha|alpha (?:service )?standard|alpha phase|alpha assessment)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlphaWording();

    [GeneratedRegex(@"(?<=[.!?])\s+", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(standards?|criteria|approv\w*|proceed|launch|go live|assessment|panel|assessors?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerdictContext();

    [GeneratedRegex(@"\b(not (?:yet )?(?:on track|shown|met|meet|meeting|passed|pass|be given approval|ready|approved)|did not (?:meet|pass)|has not (?:met|passed|shown)|does not (?:yet )?meet|would not pass|should not (?:be given|proceed|launch|go))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeVerdict();

    [GeneratedRegex(@"\b(on track to meet|evidence of meeting|sufficient (?:progress|evidence)\b.{0,60}\b(?:meet|launch|proceed|go live|move)|(?:meets|met|has met|have met) the (?:[\w-]+ ){0,6}?(?:service )?(?:standards?|requirements|criteria)|approved? (?:the )?(?:\w+ ){0,4}?(?:for )?launch|approved the service|should (?:proceed|go live|launch|move)|can proceed|recommend\w* (?:to )?.{0,60}\bmoves? to|is ready to (?:launch|go live|move))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PositiveVerdict();

    [GeneratedRegex(@"^(?:#{1,6}\s+(?<text>.+)|\*\*(?<text>[^*]+?)\*\*\s*:?|__(?<text>[^_]+?)__\s*:?|_(?<text>[^_]+?)_\s*:?|\*(?<text>[^*]+?)\*\s*:?)$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"\b(?:(?:service standard )?points?|criteri(?:a|on))\s*\d{1,2}(?:\s*(?:,|and|&|-|–)\s*(?:points?\s*)?\d{1,2})*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PointReference();

    [GeneratedRegex(@"\d{1,2}", RegexOptions.CultureInvariant)]
    private static partial Regex NumberList();

    [GeneratedRegex(@"^(?<n>\d{1,2})\s*[-–.:)]\s*(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex NotApplicableNote();

    [GeneratedRegex(@"^(?:[-•*+]|\d{1,2}\.)\s+(?<text>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\b(?:26 (?:points|criteria)|digital by default)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TwentySix();

    [GeneratedRegex(@"\b(?:18 points|digital service standard)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Eighteen();

    private sealed class Sections
    {
        public string? Summary { get; set; }

        public List<string> Recommendations { get; } = [];

        public List<string> NextSteps { get; } = [];

        public Dictionary<int, List<string>> PointNotes { get; } = [];

        public void AddPointNote(int point, string text)
        {
            if (!PointNotes.TryGetValue(point, out var list))
            {
                PointNotes[point] = list = [];
            }

            list.Add(text);
        }
    }
}
