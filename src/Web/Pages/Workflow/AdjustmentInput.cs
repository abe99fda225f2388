using System.Globalization;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>One row of the adjustment form's table: the columns of scores.csv.</summary>
public sealed class AdjustRow
{
    public string? Unit { get; set; }
    public string? Item { get; set; }
    public string? Kind { get; set; }
    public string? Value { get; set; }
    public string? Note { get; set; }

    public bool IsEmpty => new[] { Unit, Item, Kind, Value, Note }.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// The changed values of an adjustment as the form gives them: an uploaded scores.csv and/or rows of the
/// table. Both are read by the command line's reader (ScoresCsv), so they are checked exactly as
/// `adjust` checks a file; the table is written out as a scores.csv first. Every problem is listed.
/// </summary>
public static class AdjustmentInput
{
    public sealed record Read(IReadOnlyList<ScoreEntry> Entries, IReadOnlyList<string> Problems);

    public static Read From(CycleDefinition cycle, RankGroup group, TextReader? file, string? fileName, IReadOnlyList<AdjustRow> rows)
    {
        Framework? FrameworkOf(string unit) => cycle.GroupOf(unit) is { } g ? cycle.Cycle.FrameworkOf(g) : null;
        var entries = new List<ScoreEntry>();
        var problems = new List<string>();
        if (file is not null)
        {
            var read = ScoresCsv.Read(file, fileName ?? "scores.csv", FrameworkOf);
            if (read.IsValid) entries.AddRange(read.Value.Select(r => r.Entry));
            else problems.AddRange(read.Problems.Select(p => p.ToString()));
        }

        // Table row n (as numbered on the form) is line n + 1 of the file written for it, the header being line 1.
        var filled = rows.Select((r, i) => (Row: r, Number: i + 1)).Where(x => !x.Row.IsEmpty).ToList();
        if (filled.Count > 0)
        {
            var numbers = new Dictionary<int, int>();
            using var csv = new StringWriter(CultureInfo.InvariantCulture);
            Record(csv, ScoresCsv.RequiredColumns.Concat(ScoresCsv.OptionalColumns));
            foreach (var (row, number) in filled)
            {
                numbers[numbers.Count + 2] = number;
                Record(csv, [T(row.Unit), T(row.Item), T(row.Kind), T(row.Value).Replace(',', '.'), T(row.Note)]);
            }
            var read = ScoresCsv.Read(new StringReader(csv.ToString()), "bảng", FrameworkOf);
            if (read.IsValid) entries.AddRange(read.Value.Select(r => r.Entry));
            else problems.AddRange(read.Problems.Select(p => p with { File = $"Bảng, dòng {numbers.GetValueOrDefault(p.Line ?? 0)}", Line = null }).Select(p => p.ToString()));
        }

        // A unit of another group of the cycle passes the reader; this page adjusts one group only.
        string Outside(string unit) => $"đơn vị {unit} không thuộc nhóm {group.Name}; trang này chỉ điều chỉnh kết quả của nhóm đó.";
        bool IsOutside(string unit) => cycle.GroupOf(unit) is { } g && g.Code != group.Code;
        problems.AddRange(filled.Where(x => IsOutside(T(x.Row.Unit))).Select(x => $"Bảng, dòng {x.Number}: {Outside(T(x.Row.Unit))}"));
        problems.AddRange(entries.Select(e => e.UnitCode).Distinct(StringComparer.Ordinal).Where(IsOutside).Select(u => $"{fileName ?? "scores.csv"}: {Outside(u)}"));
        if (file is null && filled.Count == 0)
            problems.Add("Cần tải lên tệp scores.csv hoặc nhập ít nhất một dòng vào bảng giá trị điều chỉnh.");
        else if (problems.Count == 0 && entries.Count == 0)
            problems.Add("Tệp và bảng không có giá trị nào để điều chỉnh.");
        return new Read(problems.Count == 0 ? entries : [], problems);
    }

    private static string T(string? text) => text?.Trim() ?? "";

    /// <summary>One RFC 4180 record, as scores.csv is written.</summary>
    private static void Record(TextWriter writer, IEnumerable<string> fields) =>
        writer.Write(string.Join(',', fields.Select(f => f.AsSpan().IndexOfAny(",\"\r\n") < 0 ? f : "\"" + f.Replace("\"", "\"\"") + "\"")) + "\n");
}
