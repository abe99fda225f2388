using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Files;

/// <summary>A score entry and the line of the file it came from, so that later errors can still point at it.</summary>
public sealed record ScoreRow(int Line, ScoreEntry Entry);

/// <summary>scores.csv (docs/formats.md), long format: <c>unit_code,item_code,kind,value,note</c>.</summary>
public static class ScoresCsv
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["unit_code", "item_code", "kind", "value"];
    public static readonly IReadOnlyList<string> OptionalColumns = ["note"];

    /// <summary>
    /// Reads and checks every row: the unit belongs to a group of the cycle (<paramref name="frameworkOfUnit"/>
    /// gives its group's framework, or null), the item is in that framework, the kind fits the item's
    /// source, and the value passes rule 1 (<see cref="ScoreRules.Check(Framework, string, string, ScoreKind, string?, string?, out ScoreEntry?)"/>);
    /// not_applicable needs a reason in <c>note</c> and ignores <c>value</c>.
    /// A later row for the same unit, item and kind replaces the earlier one, as docs/formats.md says: the
    /// result keeps only the last, at its own line, and rows stay in file order. Every row is still
    /// checked, a replaced one too, since a bad row means the user's file is wrong either way.
    /// </summary>
    public static ReadResult<IReadOnlyList<ScoreRow>> Read(TextReader reader, string fileName, Func<string, Framework?> frameworkOfUnit) =>
        Read(reader, fileName, frameworkOfUnit, out _);

    /// <param name="dataRows">The file's data rows, the header and blank lines not counted, replaced rows counted: what an import batch records.</param>
    public static ReadResult<IReadOnlyList<ScoreRow>> Read(TextReader reader, string fileName, Func<string, Framework?> frameworkOfUnit, out int dataRows)
    {
        var problems = new List<FileProblem>();
        var frameworks = new Dictionary<string, (string Unit, int Index, Framework? Framework)>(StringComparer.Ordinal);
        // Rows in file order, and beside each its unit, item and kind as one number. The entries' codes are shared strings
        // (ReadRow), so an item is numbered by reference: no string is hashed per row.
        var rows = new List<ScoreRow>();
        var keys = new List<long>();
        var items = new Dictionary<object, int>(ReferenceEqualityComparer.Instance);
        var count = 0;
        // Row by row as the file streams in: only the entries are kept, never the file's text (a national file is 1.8 M rows).
        // Parsed on another core, ahead of the checks here.
        var header = CsvReadAhead.Each(reader, fileName, RequiredColumns, OptionalColumns, problems, (table, row) =>
        {
            count++;
            var unit = table.Get(row, "unit_code");
            var item = table.Get(row, "item_code");
            var entry = ReadRow(table, row, unit, item, frameworks, frameworkOfUnit, out var unitIndex, out var problem);
            if (entry is null)
            {
                problems.Add(new FileProblem(fileName, row.Line, NullIfEmpty(unit), NullIfEmpty(item), problem!));
                return;
            }
            if (!items.TryGetValue(entry.ItemCode, out var itemIndex)) items[entry.ItemCode] = itemIndex = items.Count;
            keys.Add(((long)unitIndex << 32) | ((long)itemIndex << 8) | (long)entry.Kind);
            rows.Add(new ScoreRow(row.Line, entry));
        });
        dataRows = count;
        if (header is null) return ReadResult<IReadOnlyList<ScoreRow>>.Failure(problems);
        return ReadResult<IReadOnlyList<ScoreRow>>.From(Latest(rows, keys, frameworks.Count), problems.OrderBy(p => p.Line ?? 0).ToList());
    }

    /// <summary>
    /// The rows no later row replaces, in line order. Found unit by unit, each unit's rows from its last back: a set of one
    /// unit's values at a time, where one for the whole file (1.8 M keys) was a sixth of what reading it allocated.
    /// </summary>
    /// <param name="keys">Each row's unit (its number in the high 32 bits, below <paramref name="units"/>), item and kind.</param>
    private static List<ScoreRow> Latest(List<ScoreRow> rows, List<long> keys, int units)
    {
        // The rows' numbers grouped by unit, in line order within each (a counting sort: units may come in any order).
        var start = new int[units + 1];
        foreach (var key in keys) start[(int)(key >> 32) + 1]++;
        for (int u = 0; u < units; u++) start[u + 1] += start[u];
        var next = start[..units];
        var byUnit = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++) byUnit[next[(int)(keys[i] >> 32)]++] = i;

        var replaced = new bool[rows.Count];
        var seen = new HashSet<long>();
        var kept = rows.Count;
        for (int u = 0; u < units; u++)
        {
            seen.Clear();
            for (int j = start[u + 1] - 1; j >= start[u]; j--)
                if (!seen.Add(keys[byUnit[j]]))
                {
                    replaced[byUnit[j]] = true;
                    kept--;
                }
        }
        var latest = new List<ScoreRow>(kept);
        for (int i = 0; i < rows.Count; i++)
            if (!replaced[i]) latest.Add(rows[i]);
        return latest;
    }

    private static ScoreEntry? ReadRow(CsvTable table, CsvRow row, string unit, string item,
        Dictionary<string, (string Unit, int Index, Framework? Framework)> frameworks, Func<string, Framework?> frameworkOfUnit, out int unitIndex, out string? problem)
    {
        problem = null;
        unitIndex = -1;
        var kindText = table.Get(row, "kind");
        if (unit.Length == 0) { problem = "mã đơn vị (unit_code) trống."; return null; }
        if (item.Length == 0) { problem = "mã tiêu chí (item_code) trống."; return null; }
        // Each entry keeps the first row's unit string and the framework's item string: 1.8 M entries then share a few
        // thousand strings instead of holding two of their own each through the import (and compare by reference).
        if (frameworks.TryGetValue(unit, out var known)) unit = known.Unit;
        else frameworks[unit] = known = (unit, frameworks.Count, frameworkOfUnit(unit));
        var framework = known.Framework;
        unitIndex = known.Index;
        if (framework is null) { problem = $"đơn vị {unit} không thuộc nhóm nào của kỳ đánh giá."; return null; }
        if (!ScoreKinds.TryParse(kindText, out var kind))
        {
            problem = $"loại điểm (kind) \"{kindText}\" không hợp lệ (phải là một trong: {ScoreKinds.FileNames}).";
            return null;
        }
        var note = table.Get(row, "note");
        // An unknown item or a kind that does not fit comes before the value, which cannot be judged without them.
        if (framework.FindItem(item) is not { } found || !kind.Fits(found.Source))
        {
            problem = FileProblem.WithoutDomainPrefix(ScoreRules.Check(framework, new ScoreEntry(unit, item, kind, null))!, unit, item);
            return null;
        }
        var error = ScoreRules.Check(framework, unit, found.Code, kind, table.Get(row, "value"), NullIfEmpty(note), out var entry);
        if (error is null) return entry;
        // Not only a null entry means refused: for not_applicable the domain hands back the entry with its error.
        problem = FileProblem.WithoutDomainPrefix(error, unit, item);
        return null;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>Writes entries in the same format (values as entered, invariant culture).</summary>
    public static void Write(TextWriter writer, IEnumerable<ScoreEntry> entries)
    {
        Csv.WriteRecord(writer, RequiredColumns.Concat(OptionalColumns));
        foreach (var e in entries)
            Csv.WriteRecord(writer, [e.UnitCode, e.ItemCode, e.Kind.ToFileName(), e.Value is { } v ? ScoreText.Format(v) : "", e.Note ?? ""]);
    }
}
