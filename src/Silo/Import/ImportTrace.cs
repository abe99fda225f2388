using ParIndex.Silo.Files;

namespace ParIndex.Silo.Import;

/// <summary>A row of an imported scores file as the file has it, and the line it starts on.</summary>
public sealed record TracedRow(int Line, string UnitCode, string ItemCode, string Kind, string Value, string Note);

/// <summary>
/// Finds where a value came from in an imported file: the import's batch entry names the file's stored copy, and this
/// reads that copy as a stream (never whole) for the rows of one unit, or of one item of it.
/// </summary>
public static class ImportTrace
{
    private static readonly string[] Columns = ["unit_code", "item_code", "kind", "value", "note"];

    /// <summary>
    /// The rows of <paramref name="unitCode"/> (and of <paramref name="itemCode"/>, if given) in file order. The copy is
    /// read as the import read it (UTF-8, a byte order mark dropped, quoted fields across lines, CRLF, LF or CR line ends),
    /// so the lines are the ones the import's messages name. When the unit's last line is known, reading stops after it.
    /// For a unit, item and kind the last row is the one that counts (a later row replaces an earlier one).
    /// </summary>
    public static IReadOnlyList<TracedRow> Find(Stream storedCopy, string unitCode, string? itemCode = null, int? lastLine = null)
    {
        using var reader = new StreamReader(storedCopy, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var found = new List<TracedRow>();
        int[]? columns = null; // unit_code, item_code, kind, value, note; -1 for a column the file lacks
        var headerFields = 0;
        CsvRecords.Each(reader, "", [], row =>
        {
            if (lastLine is { } last && row.Line > last) return false;
            if (row.Fields.All(string.IsNullOrWhiteSpace)) return true;
            if (columns is null)
            {
                var names = row.Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                columns = Array.ConvertAll(Columns, names.IndexOf);
                headerFields = row.Fields.Count;
                return columns[0] >= 0 && columns[1] >= 0; // not a scores file: nothing to find
            }
            if (row.Fields.Count != headerFields) return true; // the import refuses such a row, so none was imported
            string Get(int column) => columns[column] < 0 ? "" : row.Fields[columns[column]].Trim();
            if (Get(0) == unitCode && (itemCode is null || Get(1) == itemCode))
                found.Add(new TracedRow(row.Line, Get(0), Get(1), Get(2), Get(3), Get(4)));
            return true;
        });
        return found;
    }
}
