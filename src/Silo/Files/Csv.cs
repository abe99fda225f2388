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

    private CsvTable(Dictionary<string, int> columns, int fields)
    {
        _columns = columns;
        Fields = fields;
    }

    /// <summary>The data records that have as many fields as the header; blank records are left out. Empty when streamed (<see cref="Each"/>).</summary>
    public IReadOnlyList<CsvRow> Rows { get; private set; } = [];

    /// <summary>The header's field count, which every data record must have.</summary>
    private int Fields { get; }

    public bool Has(string column) => _columns.ContainsKey(column);

    /// <summary>The trimmed value of a column; empty when the file has no such column.</summary>
    public string Get(CsvRow row, string column) =>
        _columns.TryGetValue(column, out var index) ? row.Fields[index].Trim() : "";

    /// <summary>Null when the header is unusable; the problems say why.</summary>
    public static CsvTable? Read(TextReader reader, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<FileProblem> problems)
    {
        var rows = new List<CsvRow>();
        var table = Each(reader, fileName, required, optional, problems, (_, row) => rows.Add(row));
        if (table is not null) table.Rows = rows;
        return table;
    }

    /// <summary>
    /// Hands each data record to <paramref name="row"/> as the file is read, so a large file is never held whole.
    /// Records are handed over only under a usable header; every record is still checked, for the problems.
    /// </summary>
    /// <returns>Null when the header is unusable; the problems say why.</returns>
    public static CsvTable? Each(TextReader reader, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<FileProblem> problems,
        Action<CsvTable, CsvRow> row)
    {
        var reading = new Reading(fileName, required, optional, problems, row);
        CsvRecords.Each(reader, fileName, problems, reading.Add);
        return reading.Finish();
    }

    /// <summary>The same rules for records that came from elsewhere (the rows of a worksheet), the first non-blank one the header.</summary>
    public static CsvTable? FromRows(IEnumerable<CsvRow> records, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<FileProblem> problems)
    {
        var rows = new List<CsvRow>();
        var reading = new Reading(fileName, required, optional, problems, (_, row) => rows.Add(row));
        foreach (var record in records)
            if (!reading.Add(record)) break;
        var table = reading.Finish();
        if (table is not null) table.Rows = rows;
        return table;
    }

    /// <summary>One file read record by record: the first non-blank record is the header, judged at once; then the data.</summary>
    private sealed class Reading(string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional, List<FileProblem> problems, Action<CsvTable, CsvRow> row)
    {
        private CsvTable? _table;
        private bool _headerRead, _usable;

        /// <returns>False when nothing more is worth reading (no header at all).</returns>
        public bool Add(CsvRow record)
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) return true;
            if (!_headerRead)
            {
                _headerRead = true;
                return Header(record);
            }
            if (record.Fields.Count == _table!.Fields)
            {
                if (_usable) row(_table, record);
                return true;
            }
            // An unquoted comma in a name is the usual cause: it shifts every later column.
            var hint = record.Fields.Count > _table.Fields ? " Giá trị có dấu phẩy phải đặt trong dấu ngoặc kép." : "";
            problems.Add(new FileProblem(fileName, record.Line, null, null,
                $"dòng có {record.Fields.Count} cột nhưng dòng tiêu đề có {_table.Fields} cột.{hint}"));
            return true;
        }

        public CsvTable? Finish()
        {
            if (!_headerRead) problems.Add(new FileProblem(fileName, 1, null, null, $"tệp trống: thiếu dòng tiêu đề ({string.Join(',', required)})."));
            return _usable ? _table : null;
        }

        private bool Header(CsvRow header)
        {
            var expected = string.Join(',', required);
            var names = header.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
            var known = required.Concat(optional).ToHashSet(StringComparer.Ordinal);
            if (!names.Any(known.Contains))
            {
                problems.Add(new FileProblem(fileName, header.Line, null, null, $"thiếu dòng tiêu đề: dòng đầu tiên phải là {expected}."));
                return false;
            }

            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            _usable = true;
            for (int c = 0; c < names.Count; c++)
            {
                if (!known.Contains(names[c])) continue;
                if (!columns.TryAdd(names[c], c))
                {
                    problems.Add(new FileProblem(fileName, header.Line, null, null, $"cột \"{names[c]}\" có hai lần trong dòng tiêu đề."));
                    _usable = false;
                }
            }
            foreach (var missing in required.Where(r => !columns.ContainsKey(r)))
            {
                problems.Add(new FileProblem(fileName, header.Line, null, null, $"dòng tiêu đề thiếu cột \"{missing}\" (các cột bắt buộc: {expected})."));
                _usable = false;
            }
            _table = new CsvTable(columns, header.Fields.Count);
            return true;
        }
    }
}
