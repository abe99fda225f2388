using System.Globalization;
using System.Text;
using ParIndex.Silo.Files;

namespace ParIndex.Web.Exports;

/// <summary>
/// The annex as CSV: RFC 4180 (CRLF, fields quoted only when they must be), UTF-8 with a byte order mark
/// because without it Excel reads the file as the machine's ANSI code page and mangles Vietnamese.
/// Numbers are printed as `results` prints them ('.' separator, invariant culture), so that scripts read
/// them the same way on every machine; people who want Excel's own number cells take the .xlsx.
/// </summary>
public static class AnnexCsv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static byte[] Write(RankingAnnex annex)
    {
        var text = new StringBuilder();
        Record(text, RankingAnnex.Columns);
        foreach (var r in annex.Rows)
        {
            Record(text,
            [
                Int(r.Number), r.UnitName,
                Exact(r.Self), Exact(r.Appraised), Exact(r.Survey), Exact(r.Bonus), Exact(r.Penalty), Exact(r.Total),
                r.Index is { } index ? ResultsFile.FormatDisplay(index, annex.Decimals) : "",
                r.Rank is { } rank ? Int(rank) : "", r.Classification ?? "",
            ]);
        }
        return [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(text.ToString())];
    }

    private static string Exact(decimal value) => ResultsFile.FormatExact(value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Record(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote));
        text.Append("\r\n");
    }

    /// <summary>Quotes a field only when it must be (comma, quote, line break), doubling inner quotes.</summary>
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
