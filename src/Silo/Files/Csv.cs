namespace ParIndex.Silo.Files;

/// <summary>One record of a CSV file: its fields and the physical line it starts on (the header is line 1).</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Writing CSV only: quoting a field and writing a record are a few lines, kept by hand. Reading is
/// <see cref="CsvRecords"/>, over Sylvan.Data.Csv.
/// </summary>
public static class Csv
{
    /// <summary>Quotes a field only when it must be (comma, quote, line break), doubling inner quotes.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Writes one record; files we write end lines with \n whatever the platform.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write('\n');
    }
}

/// <summary>
/// A CSV file read against its header: required columns must be there, optional ones may be,
/// unknown ones are ignored (so that files can grow columns without breaking older readers).
/// Column names are matched ignoring case and surrounding spaces.
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(Dictionary<string, int> columns, IReadOnlyList<CsvRow> rows)
    {
        _columns = columns;
        Rows = rows;
    }

    /// <summary>The data records that have as many fields as the header; blank records are left out.</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The trimmed value of a column; empty when the file has no such column.</summary>
    public string Get(CsvRow row, string column) =>
        _columns.TryGetValue(column, out var index) ? row.Fields[index].Trim() : "";

    /// <summary>Null when the header is unusable; the problems say why.</summary>
    public static CsvTable? Read(TextReader reader, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<FileProblem> problems) =>
        FromRows(CsvRecords.Read(reader, fileName, problems), fileName, required, optional, problems);

    /// <summary>The same rules for records that came from elsewhere (the rows of a worksheet), the first non-blank one the header.</summary>
    public static CsvTable? FromRows(IEnumerable<CsvRow> records, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<FileProblem> problems)
    {
        var expected = string.Join(',', required);
        var rows = records
            .Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)))
            .ToList();
        if (rows.Count == 0)
        {
            problems.Add(new FileProblem(fileName, 1, null, null, $"tệp trống: thiếu dòng tiêu đề ({expected})."));
            return null;
        }

        var header = rows[0];
        var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var known = required.Concat(optional).ToHashSet(StringComparer.Ordinal);
        if (!names.Any(known.Contains))
        {
            problems.Add(new FileProblem(fileName, header.Line, null, null, $"thiếu dòng tiêu đề: dòng đầu tiên phải là {expected}."));
            return null;
        }

        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        bool usable = true;
        for (int c = 0; c < names.Count; c++)
        {
            if (!known.Contains(names[c])) continue;
            if (!columns.TryAdd(names[c], c))
            {
                problems.Add(new FileProblem(fileName, header.Line, null, null, $"cột \"{names[c]}\" có hai lần trong dòng tiêu đề."));
                usable = false;
            }
        }
        foreach (var missing in required.Where(r => !columns.ContainsKey(r)))
        {
            problems.Add(new FileProblem(fileName, header.Line, null, null, $"dòng tiêu đề thiếu cột \"{missing}\" (các cột bắt buộc: {expected})."));
            usable = false;
        }

        var data = new List<CsvRow>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count == header.Fields.Count) { data.Add(row); continue; }
            // An unquoted comma in a name is the usual cause: it shifts every later column.
            var hint = row.Fields.Count > header.Fields.Count ? " Giá trị có dấu phẩy phải đặt trong dấu ngoặc kép." : "";
            problems.Add(new FileProblem(fileName, row.Line, null, null,
                $"dòng có {row.Fields.Count} cột nhưng dòng tiêu đề có {header.Fields.Count} cột.{hint}"));
        }
        return usable ? new CsvTable(columns, data) : null;
    }
}
