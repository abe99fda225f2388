using System.Text;

namespace ParIndex.Silo.Files;

/// <summary>One record of a CSV file: its fields and the physical line it starts on (the header is line 1).</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// RFC 4180, by hand: a few dozen lines give exact line numbers for records that span lines and let
/// us carry on after a broken record, so that every problem of a file is reported at once.
/// Quoted fields may hold commas, doubled quotes and line breaks; a quote inside an unquoted field
/// is taken literally (it is unambiguous); CRLF, LF and CR all end a line.
/// </summary>
public static class Csv
{
    internal static List<CsvRow> Parse(string text, string fileName, List<FileProblem> problems)
    {
        var rows = new List<CsvRow>();
        var field = new StringBuilder();
        int i = 0, line = 1;
        while (i < text.Length)
        {
            int start = i, startLine = line;
            var fields = new List<string>();
            string? error = null;
            while (true)
            {
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    bool closed = false;
                    while (i < text.Length)
                    {
                        char c = text[i];
                        if (c == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                            i++;
                            closed = true;
                            break;
                        }
                        if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) line++;
                        field.Append(c);
                        i++;
                    }
                    if (!closed)
                    {
                        // The quote swallowed the rest of the file: report it, then read on from the next line,
                        // which is almost always where the user meant the record to end.
                        error = "dấu ngoặc kép (\") mở mà không đóng.";
                        i = start;
                        line = startLine;
                        SkipLine(text, ref i, ref line);
                        break;
                    }
                    if (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        error = "có ký tự ngay sau dấu ngoặc kép đóng; một trường có dấu ngoặc kép phải được đặt trọn trong ngoặc kép, dấu ngoặc kép bên trong viết thành \"\".";
                        SkipLine(text, ref i, ref line);
                        break;
                    }
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n')) field.Append(text[i++]);
                }
                fields.Add(field.ToString());
                field.Clear();
                if (i < text.Length && text[i] == ',') { i++; continue; }
                EndLine(text, ref i, ref line);
                break;
            }
            field.Clear();
            if (error is not null) problems.Add(new FileProblem(fileName, startLine, null, null, "dòng CSV sai dạng: " + error));
            else rows.Add(new CsvRow(startLine, fields));
        }
        return rows;
    }

    private static void SkipLine(string text, ref int i, ref int line)
    {
        while (i < text.Length && text[i] is not ('\r' or '\n')) i++;
        EndLine(text, ref i, ref line);
    }

    private static void EndLine(string text, ref int i, ref int line)
    {
        if (i >= text.Length) return;
        if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
        i++;
        line++;
    }

    /// <summary>Quotes a field only when it must be (comma, quote, line break), doubling inner quotes.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";

    /// <summary>Writes one record; files we write end lines with \n whatever the platform.</summary>
    public static void WriteRecord(TextWriter writer, IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields.Select(Quote)));
        writer.Write('\n');
    }

    /// <summary>All of a reader, without the UTF-8 byte order mark a spreadsheet may have put in front.</summary>
    public static string ReadAll(TextReader reader)
    {
        var text = reader.ReadToEnd();
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
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
        FromRows(Csv.Parse(Csv.ReadAll(reader), fileName, problems), fileName, required, optional, problems);

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
