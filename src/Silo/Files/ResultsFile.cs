using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Grains.Contracts;

namespace ParIndex.Silo.Files;

/// <summary>
/// The output of <c>results</c> (docs/formats.md) as CSV or JSON: UTF-8 without BOM, '\n' line endings,
/// invariant culture. Both formats print every number with the same text:
/// <list type="bullet">
/// <item><c>index</c>, <c>previous_index</c>, <c>obtained</c>, <c>maximum</c>: the exact value rounded
/// half away from zero to 6 decimals for printing only, without trailing zeros (81.333333, 90, 93.44);</item>
/// <item><c>index_display</c>: with exactly the group's display decimals (90.00, 92.830).</item>
/// </list>
/// </summary>
public static class ResultsFile
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "group", "rank", "unit_code", "unit_name", "obtained", "maximum", "index", "index_display", "classification",
        "provisional", "previous_index", "previous_rank", "rank_change", "version",
    ];

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>An exact value as printed: at most 6 decimals, no trailing zeros.</summary>
    public static string FormatExact(decimal value) =>
        decimal.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A displayed index with exactly <paramref name="decimals"/> decimals (it is already rounded; this pads).</summary>
    public static string FormatDisplay(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static void WriteCsv(TextWriter writer, IEnumerable<ResultLine> lines)
    {
        Csv.WriteRecord(writer, Columns);
        foreach (var line in lines) Csv.WriteRecord(writer, Values(line).Select(v => v.Text ?? ""));
    }

    public static void WriteCsv(Stream stream, IEnumerable<ResultLine> lines)
    {
        using var writer = new StreamWriter(stream, Utf8NoBom, leaveOpen: true);
        WriteCsv(writer, lines);
    }

    /// <summary>
    /// An array of objects with the CSV's fields in camelCase. Numbers are JSON numbers written from the
    /// same text as the CSV, so <c>indexDisplay</c> keeps its decimals (90.00); null where the CSV is empty.
    /// </summary>
    public static void WriteJson(Stream stream, IEnumerable<ResultLine> lines)
    {
        var options = new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            // Vietnamese names stay readable; the output is a file, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var json = new Utf8JsonWriter(stream, options))
        {
            json.WriteStartArray();
            foreach (var line in lines)
            {
                json.WriteStartObject();
                foreach (var (name, text, kind) in Values(line))
                {
                    json.WritePropertyName(CamelCase(name));
                    if (text is null) json.WriteNullValue();
                    else if (kind == Kind.String) json.WriteStringValue(text);
                    else json.WriteRawValue(text); // numbers and booleans, exactly as printed in the CSV
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        stream.Write("\n"u8);
    }

    public static void WriteJson(TextWriter writer, IEnumerable<ResultLine> lines)
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer, lines);
        writer.Write(Utf8NoBom.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private enum Kind { String, Literal }

    /// <summary>Every column of a line, in order; null text means empty (CSV) or null (JSON).</summary>
    private static IEnumerable<(string Name, string? Text, Kind Kind)> Values(ResultLine l)
    {
        yield return ("group", l.Group, Kind.String);
        yield return ("rank", Int(l.Rank), Kind.Literal);
        yield return ("unit_code", l.UnitCode, Kind.String);
        yield return ("unit_name", l.UnitName, Kind.String);
        yield return ("obtained", FormatExact(l.Obtained), Kind.Literal);
        yield return ("maximum", FormatExact(l.Maximum), Kind.Literal);
        yield return ("index", l.Index is { } index ? FormatExact(index) : null, Kind.Literal);
        yield return ("index_display", l.IndexDisplay is { } shown ? FormatDisplay(shown, l.DisplayDecimals) : null, Kind.Literal);
        yield return ("classification", l.Classification, Kind.String);
        yield return ("provisional", l.Provisional ? "true" : "false", Kind.Literal);
        yield return ("previous_index", l.PreviousIndex is { } previous ? FormatExact(previous) : null, Kind.Literal);
        yield return ("previous_rank", Int(l.PreviousRank), Kind.Literal);
        yield return ("rank_change", Int(l.RankChange), Kind.Literal);
        yield return ("version", Int(l.Version), Kind.Literal);
    }

    private static string? Int(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>unit_code → unitCode.</summary>
    private static string CamelCase(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
