using System.Text;
using System.Text.Json;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Silo.Files;

/// <summary>
/// cycle.json (docs/formats.md): the cycle, its frameworks and its rank groups. Checks everything that
/// can be known from the file alone, including every rule of <see cref="Framework.Create"/> and
/// <see cref="ClassificationBands.Create"/>; resolving unit codes is the caller's (<see cref="Cycle.Resolve"/>).
/// The optional "questionnaires" are read by <see cref="QuestionnaireJson"/> and checked against the
/// cycle's groups and frameworks (<see cref="Questionnaire.Check"/>).
/// Properties the reader does not know are ignored.
/// </summary>
public static class CycleJson
{
    public static ReadResult<Cycle> Read(Stream stream, string fileName)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader, fileName);
    }

    public static ReadResult<Cycle> Read(TextReader reader, string fileName) =>
        ReadRoot(ReadAll(reader), fileName, root => ReadCycle(root));

    /// <summary>All of a reader, without the UTF-8 byte order mark an editor may have put in front.</summary>
    private static string ReadAll(TextReader reader)
    {
        var text = reader.ReadToEnd();
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>
    /// Parses JSON text whose root must be an object and hands it to <paramref name="read"/>, which reports
    /// through the reader; the value is kept only when nothing was reported.
    /// </summary>
    internal static ReadResult<T> ReadRoot<T>(string text, string fileName, Func<JsonObjectReader, T?> read) where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return ReadResult<T>.Failure([Malformed(fileName, text, e)]);
        }
        using (document)
        {
            var problems = new List<FileProblem>();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return ReadResult<T>.Failure([new FileProblem(fileName, null, null, null, "nội dung phải là một đối tượng JSON { … }.")]);
            var root = new JsonObjectReader(document.RootElement, "", (message, item) => problems.Add(new FileProblem(fileName, null, null, item, message)));
            var value = read(root);
            return value is null ? ReadResult<T>.Failure(problems) : ReadResult<T>.From(value, problems);
        }
    }

    private static FileProblem Malformed(string fileName, string text, JsonException e)
    {
        if (string.IsNullOrWhiteSpace(text)) return new FileProblem(fileName, null, null, null, "tệp trống: không có nội dung JSON.");
        // JsonException says "… LineNumber: 3 | BytePositionInLine: 4."; the numbers go in the problem, 0-based made 1-based.
        var detail = e.Message;
        var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) detail = detail[..cut];
        var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
        var position = e.BytePositionInLine is { } p ? $" ở byte thứ {p + 1} của dòng" : "";
        return new FileProblem(fileName, line, null, null, $"JSON sai cú pháp{position}: {detail}");
    }

    private static Cycle? ReadCycle(JsonObjectReader root)
    {
        void Problem(string message) => root.Problem(message);

        var id = root.String("id", required: true);
        var year = root.Int("year", required: true);
        if (year is < 1990 or > 2100) root.Problem($"năm (year) {year} không hợp lệ (1990–2100).");
        var kind = root.String("kind", required: false) ?? "PAR";
        if (string.IsNullOrWhiteSpace(kind)) root.Problem("thuộc tính \"kind\" trống.");
        var title = root.String("title", required: true);
        var referenceDate = root.Date("referenceDate");
        var deadline = root.Date("selfAssessmentDeadline");
        var previous = root.Strings("previousCycles");

        var frameworkObjects = root.Objects("frameworks", required: true) ?? [];
        if (root.Has("frameworks") && frameworkObjects.Count == 0) root.Problem("kỳ đánh giá không có bộ tiêu chí nào (frameworks).");
        var frameworks = new List<Framework>();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in frameworkObjects)
        {
            var framework = ReadFramework(f, Problem);
            if (!declared.Add(framework.Code)) f.Problem($"mã bộ tiêu chí {framework.Code} bị trùng.");
            if (framework.Built is not null) frameworks.Add(framework.Built);
        }

        var groupObjects = root.Objects("groups", required: true) ?? [];
        if (root.Has("groups") && groupObjects.Count == 0) root.Problem("kỳ đánh giá không có nhóm xếp hạng nào (groups).");
        var groups = new List<RankGroup>();
        var groupCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in groupObjects)
        {
            var group = ReadGroup(g, declared, frameworks);
            if (group is null) continue;
            if (!groupCodes.Add(group.Code)) g.Problem($"mã nhóm xếp hạng {group.Code} bị trùng.");
            groups.Add(group);
        }

        var questionnaireObjects = root.Objects("questionnaires", required: false) ?? [];
        var read = questionnaireObjects.Select(q => (Json: q, Questionnaire: QuestionnaireJson.ReadObject(q))).ToList();

        if (id is null || year is null || title is null) return null;
        var cycle = new Cycle
        {
            Id = id, Year = year.Value, Kind = kind, Title = title, ExplicitReferenceDate = referenceDate, SelfAssessmentDeadline = deadline,
            PreviousCycles = previous, Frameworks = frameworks, Groups = groups,
            Questionnaires = read.Where(r => r.Questionnaire is not null).Select(r => r.Questionnaire!).ToList(),
        };
        CheckQuestionnaires(cycle, read);
        return cycle;
    }

    /// <summary>The domain's rules for each questionnaire that read, against the cycle read so far, at its path.</summary>
    private static void CheckQuestionnaires(Cycle cycle, List<(JsonObjectReader Json, Questionnaire? Questionnaire)> read)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (json, questionnaire) in read)
        {
            if (questionnaire is null) continue;
            if (!codes.Add(questionnaire.Code)) json.Problem($"mã phiếu điều tra {questionnaire.Code} bị trùng.");
            foreach (var error in questionnaire.Check(cycle)) json.Problem(error);
        }
    }

    private sealed record FrameworkRead(string Code, Framework? Built);

    /// <summary>
    /// Builds the tree as best it can (a missing max or an unknown source gets a stand-in) so that
    /// <see cref="Framework.Create"/> still reports every rule it checks, such as duplicate codes.
    /// Missing codes and empty lists are left to Framework.Create, whose messages name the parent.
    /// </summary>
    private static FrameworkRead ReadFramework(JsonObjectReader json, Action<string> problem)
    {
        var code = json.Code();
        var title = json.String("title", required: true) ?? "";
        var fields = new List<Field>();
        foreach (var f in json.Objects("fields", required: false) ?? [])
        {
            var criteria = new List<Criterion>();
            foreach (var c in f.Objects("criteria", required: false) ?? []) criteria.Add(ReadCriterion(c));
            fields.Add(new Field(f.Code(), f.String("title", required: true) ?? "", criteria));
        }
        try
        {
            return new FrameworkRead(code, Framework.Create(code, title, fields));
        }
        catch (DomainValidationException e)
        {
            foreach (var error in e.Errors) problem($"{error.TrimEnd('.')} ({json.Path}).");
            return new FrameworkRead(code, null);
        }
    }

    private static Criterion ReadCriterion(JsonObjectReader json)
    {
        var code = json.Code();
        var title = json.String("title", required: true, item: NullIfEmpty(code)) ?? "";
        bool scoredItself = json.Has("max") || json.Has("source");
        if (json.Has("items"))
        {
            if (scoredItself)
                json.Problem($"tiêu chí {code} có cả \"items\" và \"max\"/\"source\": một tiêu chí hoặc có các tiêu chí thành phần, hoặc tự mang điểm tối đa và nguồn điểm.");
            var items = new List<Item>();
            foreach (var i in json.Objects("items", required: false) ?? [])
            {
                var itemCode = i.Code();
                var itemTitle = i.String("title", required: true, item: NullIfEmpty(itemCode)) ?? "";
                items.Add(ReadScored(i, itemCode, itemTitle));
            }
            return new Criterion(code, title, items);
        }
        // A criterion with no items is itself an item; without max and source, Framework.Create reports it.
        return scoredItself ? new Criterion(code, title, [ReadScored(json, code, title)]) : new Criterion(code, title, []);
    }

    private static Item ReadScored(JsonObjectReader json, string code, string title)
    {
        var item = NullIfEmpty(code);
        var max = json.Decimal("max", required: true, item) ?? 1m; // stand-in: the problem is already reported
        var sourceText = json.String("source", required: true, item);
        var source = ItemSource.Appraisal;
        if (sourceText is not null && !TryParseSource(sourceText, out source))
            json.Problem($"nguồn điểm (source) \"{sourceText}\" không hợp lệ (phải là Appraisal, Survey, Bonus hoặc Penalty).", item);
        return new Item(code, title, max, source, json.Bool("evidenceRequired", false, item), json.String("guide", required: false, item));
    }

    /// <summary>Only the four names; Enum.TryParse would also take "0" or "7".</summary>
    private static bool TryParseSource(string text, out ItemSource source)
    {
        foreach (var s in Enum.GetValues<ItemSource>())
        {
            if (string.Equals(s.ToString(), text.Trim(), StringComparison.OrdinalIgnoreCase)) { source = s; return true; }
        }
        source = default;
        return false;
    }

    private static string? NullIfEmpty(string code) => string.IsNullOrWhiteSpace(code) ? null : code;

    private static RankGroup? ReadGroup(JsonObjectReader json, HashSet<string> declared, List<Framework> frameworks)
    {
        var code = json.String("code", required: true);
        var name = json.String("name", required: true);
        var assessor = json.String("assessor", required: true);
        var frameworkCode = json.String("framework", required: true);
        if (frameworkCode is not null && !declared.Contains(frameworkCode))
            json.Problem($"nhóm {code}: không có bộ tiêu chí {frameworkCode} trong \"frameworks\".");

        var members = ReadMembers(json, code);
        var bands = ReadBands(json, code);
        var tieBreakers = json.Strings("tieBreakers").Select(TieBreaker.Parse).ToList();
        var displayDecimals = json.Int("displayDecimals", required: false) ?? 2;
        var notRanked = json.Strings("notRanked").ToHashSet(StringComparer.Ordinal);
        var allowOver100 = json.Bool("allowOver100", false);
        if (code is null || name is null || assessor is null || frameworkCode is null) return null;

        // Members and bands that failed have reported already; stand-ins let the group's own rules still be checked.
        var group = new RankGroup
        {
            Code = code, Name = name, AssessorCode = assessor, FrameworkCode = frameworkCode, Members = members ?? new UnitList([]),
            Bands = bands ?? ClassificationBands.Default, TieBreakers = tieBreakers, DisplayDecimals = displayDecimals,
            NotRanked = notRanked, AllowOver100 = allowOver100,
        };
        // A declared framework that failed its own checks has reported already; only a built one can judge the group.
        if (frameworks.FirstOrDefault(f => f.Code == frameworkCode) is { } framework)
        {
            foreach (var error in group.Check(framework)) json.Problem(error);
        }
        return group;
    }

    /// <summary><c>units</c> (a list of codes) or <c>selector</c> (parent, level, optional types), not both.</summary>
    private static GroupMembers? ReadMembers(JsonObjectReader json, string? code)
    {
        bool hasUnits = json.Has("units"), hasSelector = json.Has("selector");
        if (hasUnits && hasSelector)
        {
            json.Problem($"nhóm {code} có cả \"units\" và \"selector\": chỉ dùng một trong hai.");
            return null;
        }
        if (hasUnits)
        {
            var units = json.Strings("units");
            if (units.Count == 0) { json.Problem($"nhóm {code}: danh sách \"units\" trống."); return null; }
            return new UnitList(units);
        }
        if (!hasSelector)
        {
            json.Problem($"nhóm {code} thiếu \"units\" (danh sách mã đơn vị) hoặc \"selector\" ({{ \"parent\": …, \"level\": … }}).");
            return null;
        }
        var selector = json.Object("selector");
        if (selector is null) return null;
        var parent = selector.String("parent", required: true);
        var level = selector.Int("level", required: true);
        if (level < 0) selector.Problem($"cấp (level) {level} không hợp lệ (phải ≥ 0).");
        var types = selector.Has("types") ? selector.Strings("types") : null;
        return parent is null || level is not >= 0 ? null : new UnitSelector(parent, level.Value, types);
    }

    /// <summary>Absent bands mean the default ones; given bands go through the domain's checks.</summary>
    private static ClassificationBands? ReadBands(JsonObjectReader json, string? code)
    {
        if (!json.Has("bands")) return ClassificationBands.Default;
        var entries = json.Objects("bands", required: true);
        if (entries is null) return null;
        var bands = new List<ClassificationBand>();
        bool complete = true;
        foreach (var b in entries)
        {
            var label = b.String("label", required: true);
            var min = b.Decimal("min", required: true);
            if (label is null || min is null) complete = false;
            else bands.Add(new ClassificationBand(label, min.Value));
        }
        if (!complete) return null;
        try
        {
            return ClassificationBands.Create(bands);
        }
        catch (DomainValidationException e)
        {
            foreach (var error in e.Errors) json.Problem($"nhóm {code}: {error}");
            return null;
        }
    }
}
