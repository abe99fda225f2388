using System.Globalization;
using System.Text;
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

    public static string Format(UnitResult result)
    {
        var text = new StringBuilder(16 * (result.Fields.Count + result.Criteria.Count));
        Append(text, result.Fields);
        text.Append('|');
        Append(text, result.Criteria);
        return text.ToString();
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
        var parts = text.Split('|');
        var criteria = framework.Criteria;
        if (parts.Length != 2) throw Mismatch(unitCode, framework);
        // Arrays of the exact size, as ScoringPolicy makes them: these stay in memory with the rankings.
        var fieldTotals = Totals(parts[0]);
        var criterionTotals = Totals(parts[1]);
        if (fieldTotals.Count != framework.Fields.Count || criterionTotals.Count != criteria.Count) throw Mismatch(unitCode, framework);
        return (framework.Fields.Select((f, i) => new ComponentIndex(f.Code, f.Title, fieldTotals[i].Obtained, fieldTotals[i].Maximum)).ToArray(),
                criteria.Select((c, i) => new ComponentIndex(c.Code, c.Title, criterionTotals[i].Obtained, criterionTotals[i].Maximum)).ToArray());
    }

    private static void Append(StringBuilder text, IReadOnlyList<ComponentIndex> components)
    {
        for (int i = 0; i < components.Count; i++)
        {
            if (i > 0) text.Append(';');
            // Invariant and with its scale ("12.50" stays 12.50), so a result read back equals the one computed.
            text.Append(components[i].Obtained.ToString(CultureInfo.InvariantCulture)).Append('/')
                .Append(components[i].Maximum.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static List<(decimal Obtained, decimal Maximum)> Totals(string text)
    {
        var totals = new List<(decimal, decimal)>();
        if (text.Length == 0) return totals;
        foreach (var pair in text.Split(';'))
        {
            var slash = pair.IndexOf('/');
            totals.Add((decimal.Parse(pair.AsSpan(0, slash), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                        decimal.Parse(pair.AsSpan(slash + 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
        }
        return totals;
    }

    private static InvalidDataException Mismatch(string unitCode, Framework framework) =>
        new($"Kết quả đã lưu của đơn vị {unitCode} không khớp bộ tiêu chí {framework.Code}: số lĩnh vực hoặc tiêu chí khác.");
}
