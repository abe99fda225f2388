using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>A unit and its exact index, for best and worst.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Standing")]
public sealed record Standing(string UnitCode, decimal Index);

/// <summary>How many units of a summary are in one class.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ClassCount")]
public readonly record struct ClassCount(string Label, int Count);

/// <summary>Sum and count of one field's component indices, so that averages merge exactly. None (default) averages to null.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.FieldAverage")]
public readonly record struct FieldAverage(string FieldCode, string Title, decimal Sum, int Count)
{
    public decimal? Average => Count == 0 ? null : Sum / Count;
}

/// <summary>
/// Figures people read off a set of results: counts by class ("12 xuất sắc, 78 tốt, 18 khá"),
/// average, best and worst, average component index per field. Mergeable, so a province sums its
/// districts' communes without seeing a single commune.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.GroupSummary")]
public sealed record GroupSummary
{
    /// <summary>The group code; merged across assessors, the framework code (groups of one framework are comparable).</summary>
    public required string Key { get; init; }
    public required string Name { get; init; }
    /// <summary>What summaries merge by: the framework code, and its title for people.</summary>
    public required string Category { get; init; }
    public required string CategoryName { get; init; }
    public required int Units { get; init; }
    public required int Indexed { get; init; }
    public required int Provisional { get; init; }
    public required IReadOnlyList<ClassCount> Classes { get; init; }
    public required decimal IndexSum { get; init; }
    public Standing? Best { get; init; }
    public Standing? Worst { get; init; }
    public required IReadOnlyList<FieldAverage> Fields { get; init; }

    public decimal? Average => Indexed == 0 ? null : IndexSum / Indexed;

    public int CountOf(string label)
    {
        foreach (var c in Classes)
            if (c.Label == label) return c.Count;
        return 0;
    }
}

public static class RollUpPolicy
{
    /// <summary>
    /// What an index adds to a summary's sums: the index rounded to <see cref="SumDecimals"/> places. An exact index may
    /// have 28 digits, and sums of such round wherever they overflow, differently in each order; sums of these are exact
    /// (up to 790 million index points), so a total kept up to date change by change equals one counted afresh.
    /// </summary>
    public static decimal Addend(decimal index) => Math.Round(index, SumDecimals);

    public const int SumDecimals = 20;

    /// <summary>Summarises one group's results; classes listed in band order, empty bands included.</summary>
    public static GroupSummary Summarize(RankGroup group, Framework framework, IEnumerable<UnitResult> results) =>
        new GroupTally(group, framework, results).Summarize();

    /// <summary>Adds summaries together (e.g. every district's communes).</summary>
    public static GroupSummary Merge(string key, string name, IEnumerable<GroupSummary> parts)
    {
        GroupSummary? first = null;
        int units = 0, indexed = 0, provisional = 0;
        decimal indexSum = 0;
        Standing? best = null, worst = null;
        var classes = new List<ClassCount>(8); // a framework's bands and fields: a handful each
        var fields = new FieldTotals(8);
        foreach (var p in parts)
        {
            first ??= p;
            units += p.Units;
            indexed += p.Indexed;
            provisional += p.Provisional;
            indexSum += p.IndexSum;
            for (int i = 0; i < p.Classes.Count; i++)
            {
                var c = p.Classes[i];
                var at = PlaceOf(classes, i, c.Label, static x => x.Label);
                if (at < 0) classes.Add(c);
                else classes[at] = c with { Count = classes[at].Count + c.Count };
            }
            for (int i = 0; i < p.Fields.Count; i++) fields.Add(i, p.Fields[i].FieldCode, p.Fields[i].Title, p.Fields[i].Sum, p.Fields[i].Count);
            if (p.Best is { } b && (best is null || Better(b.Index, b.UnitCode, best))) best = b;
            if (p.Worst is { } w && (worst is null || Worse(w.Index, w.UnitCode, worst))) worst = w;
        }
        return new GroupSummary
        {
            Key = key,
            Name = name,
            Category = first?.Category ?? key,
            CategoryName = first?.CategoryName ?? name,
            Units = units,
            Indexed = indexed,
            Provisional = provisional,
            Classes = classes,
            IndexSum = indexSum,
            Best = best,
            Worst = worst,
            Fields = fields.ToList(),
        };
    }

    /// <summary>Higher index first; equal indices, the lower unit code (as best and worst always chose).</summary>
    internal static bool Better(decimal index, string unitCode, Standing than) => Better(index, unitCode, than.Index, than.UnitCode);

    internal static bool Better(decimal index, string unitCode, decimal thanIndex, string thanCode) =>
        index > thanIndex || index == thanIndex && string.CompareOrdinal(unitCode, thanCode) < 0;

    /// <summary>Lower index first; equal indices, the lower unit code.</summary>
    internal static bool Worse(decimal index, string unitCode, Standing than) => Worse(index, unitCode, than.Index, than.UnitCode);

    internal static bool Worse(decimal index, string unitCode, decimal thanIndex, string thanCode) =>
        index < thanIndex || index == thanIndex && string.CompareOrdinal(unitCode, thanCode) < 0;

    /// <summary>
    /// Where the entry with this key stands in <paramref name="list"/>, -1 when absent. Parts of one framework list their
    /// bands and fields in the same order, so the entry at the part's own <paramref name="position"/> is usually the one
    /// and no search is needed.
    /// </summary>
    internal static int PlaceOf<T>(IReadOnlyList<T> list, int position, string key, Func<T, string> keyOf)
    {
        if (position < list.Count && keyOf(list[position]) == key) return position;
        for (int i = 0; i < list.Count; i++)
            if (keyOf(list[i]) == key) return i;
        return -1;
    }

    /// <summary>
    /// A unit's subtree figures: the summaries of every group within it, merged by framework, in the order given (the
    /// communes of every district, scored on one framework, become one province-wide line). Flat, not district by
    /// district, and merged as a roll-up kept up to date a group at a time merges them (<see cref="SubtreeRollUp"/>),
    /// so that both give the same figures.
    /// </summary>
    public static IReadOnlyList<GroupSummary> Subtree(IEnumerable<GroupSummary> groups) => new SubtreeRollUp(groups).Lines;
}

/// <summary>Field sums and counts by field code, in the order the codes first appear.</summary>
internal sealed class FieldTotals(int capacity = 4)
{
    private readonly List<FieldAverage> _totals = new(capacity);

    /// <param name="position">Where the field stands in its part (see <see cref="RollUpPolicy.PlaceOf"/>).</param>
    public void Add(int position, string code, string title, decimal sum, int count)
    {
        var at = RollUpPolicy.PlaceOf(_totals, position, code, static t => t.FieldCode);
        if (at < 0) _totals.Add(new FieldAverage(code, title, sum, count));
        else _totals[at] = _totals[at] with { Sum = _totals[at].Sum + sum, Count = _totals[at].Count + count };
    }

    public List<FieldAverage> ToList() => _totals; // its own list: the totals are read once, at the end
}
