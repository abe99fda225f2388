using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// A result's component totals as stored in its row: obtained/maximum of every field, then of every criterion, in the
/// framework's order ("12.5/15;8/10|2.75/3;…"). Codes, titles and indices are not stored: the framework gives the
/// first two and rule 6 (ComponentIndex.Index) the third. A national result row went from about 5 KB of JSON (which spilled into overflow
/// pages on every durable write) to well under one page.
/// </summary>
internal static class ComponentText
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private sealed record LegacyJson(IReadOnlyList<ComponentIndex>? Fields, IReadOnlyList<ComponentIndex>? Criteria);

    /// <remarks>
    /// Written into one stack buffer, the numbers formatted in place: a string per number and a growing builder were most
    /// of what a result's row cost to make (an import makes 20 k of them, and every durable write one).
    /// </remarks>
    public static string Format(UnitResult result)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[1024]);
        Append(ref text, result.Fields);
        text.AppendLiteral("|");
        Append(ref text, result.Criteria);
        return text.ToStringAndClear();
    }

    /// <summary>The components of a stored row; rows written before this form hold JSON with titles, read as they are.</summary>
    /// <exception cref="InvalidDataException">The row does not match its framework (it cannot, while values exist: a framework is then fixed).</exception>
    public static (IReadOnlyList<ComponentIndex> Fields, IReadOnlyList<ComponentIndex> Criteria) Parse(string text, Framework framework, string unitCode)
    {
        if (text.StartsWith('{'))
        {
            var legacy = JsonSerializer.Deserialize<LegacyJson>(text, Json);
            return (legacy?.Fields ?? [], legacy?.Criteria ?? []);
        }
        var bar = text.IndexOf('|');
        if (bar < 0 || text.IndexOf('|', bar + 1) >= 0) throw Mismatch(unitCode, framework);
        // Arrays of the exact size, as ScoringPolicy makes them: these stay in memory with the rankings. Read from spans,
        // since every ranking that activates reads its members' rows (a string per pair was most of that).
        var fields = new ComponentIndex[framework.Fields.Count];
        var criteria = new ComponentIndex[framework.Criteria.Count];
        var ok = Read(text.AsSpan(0, bar), fields, i => (framework.Fields[i].Code, framework.Fields[i].Title))
            && Read(text.AsSpan(bar + 1), criteria, i => (framework.Criteria[i].Code, framework.Criteria[i].Title));
        return ok ? (fields, criteria) : throw Mismatch(unitCode, framework);
    }

    /// <summary>Fills every component from its <c>obtained/maximum</c> pair; false when the counts differ or a pair is not one.</summary>
    private static bool Read(ReadOnlySpan<char> text, ComponentIndex[] components, Func<int, (string Code, string Title)> name)
    {
        var count = 0;
        if (text.Length > 0)
            foreach (var range in text.Split(';'))
            {
                var pair = text[range];
                var slash = pair.IndexOf('/');
                if (count == components.Length || slash < 0) return false;
                var (code, title) = name(count);
                components[count++] = new ComponentIndex(code, title, Number(pair[..slash]), Number(pair[(slash + 1)..]));
            }
        return count == components.Length;
    }

    private static decimal Number(ReadOnlySpan<char> text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    private static void Append(ref DefaultInterpolatedStringHandler text, IReadOnlyList<ComponentIndex> components)
    {
        for (int i = 0; i < components.Count; i++)
        {
            if (i > 0) text.AppendLiteral(";");
            // Invariant (the handler's provider) and with its scale ("12.50" stays 12.50), so a result read back equals the one computed.
            text.AppendFormatted(components[i].Obtained);
            text.AppendLiteral("/");
            text.AppendFormatted(components[i].Maximum);
        }
    }

    private static InvalidDataException Mismatch(string unitCode, Framework framework) =>
        new($"Kết quả đã lưu của đơn vị {unitCode} không khớp bộ tiêu chí {framework.Code}: số lĩnh vực hoặc tiêu chí khác.");
}
