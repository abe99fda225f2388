namespace ParIndex.Grains.Domain;

/// <summary>A unit and its exact index, for best and worst.</summary>
public sealed record Standing(string UnitCode, decimal Index);

/// <summary>How many units of a summary are in one class.</summary>
public sealed record ClassCount(string Label, int Count);

/// <summary>Sum and count of one field's component indices, so that averages merge exactly.</summary>
public sealed record FieldAverage(string FieldCode, string Title, decimal Sum, int Count)
{
    public decimal? Average => Count == 0 ? null : Sum / Count;
}

/// <summary>
/// Figures people read off a set of results: counts by class ("12 xuất sắc, 78 tốt, 18 khá"),
/// average, best and worst, average component index per field. Mergeable, so a province sums its
/// districts' communes without seeing a single commune.
/// </summary>
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

    public int CountOf(string label) => Classes.FirstOrDefault(c => c.Label == label)?.Count ?? 0;
}

public static class RollUpPolicy
{
    /// <summary>Summarises one group's results; classes listed in band order, empty bands included.</summary>
    public static GroupSummary Summarize(RankGroup group, Framework framework, IEnumerable<UnitResult> results)
    {
        var list = results.ToList();
        var indexed = list.Where(r => r.Index is not null).ToList();
        return new GroupSummary
        {
            Key = group.Code,
            Name = group.Name,
            Category = framework.Code,
            CategoryName = framework.Title,
            Units = list.Count,
            Indexed = indexed.Count,
            Provisional = list.Count(r => r.Provisional),
            Classes = group.Bands.Bands.Select(b => new ClassCount(b.Label, list.Count(r => r.Classification == b.Label))).ToList(),
            IndexSum = indexed.Sum(r => r.Index!.Value),
            Best = indexed.OrderByDescending(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).Select(r => new Standing(r.UnitCode, r.Index!.Value)).FirstOrDefault(),
            Worst = indexed.OrderBy(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).Select(r => new Standing(r.UnitCode, r.Index!.Value)).FirstOrDefault(),
            Fields = list.SelectMany(r => r.Fields).Where(f => f.Index is not null)
                .GroupBy(f => f.Code).Select(g => new FieldAverage(g.Key, g.First().Title, g.Sum(f => f.Index!.Value), g.Count())).ToList(),
        };
    }

    /// <summary>Adds summaries together (e.g. every district's communes).</summary>
    public static GroupSummary Merge(string key, string name, IEnumerable<GroupSummary> parts)
    {
        var list = parts.ToList();
        return new GroupSummary
        {
            Key = key,
            Name = name,
            Category = list.Count > 0 ? list[0].Category : key,
            CategoryName = list.Count > 0 ? list[0].CategoryName : name,
            Units = list.Sum(p => p.Units),
            Indexed = list.Sum(p => p.Indexed),
            Provisional = list.Sum(p => p.Provisional),
            Classes = list.SelectMany(p => p.Classes).GroupBy(c => c.Label).Select(g => new ClassCount(g.Key, g.Sum(c => c.Count))).ToList(),
            IndexSum = list.Sum(p => p.IndexSum),
            Best = list.Select(p => p.Best).OfType<Standing>().OrderByDescending(s => s.Index).ThenBy(s => s.UnitCode, StringComparer.Ordinal).FirstOrDefault(),
            Worst = list.Select(p => p.Worst).OfType<Standing>().OrderBy(s => s.Index).ThenBy(s => s.UnitCode, StringComparer.Ordinal).FirstOrDefault(),
            Fields = list.SelectMany(p => p.Fields).GroupBy(f => f.FieldCode)
                .Select(g => new FieldAverage(g.Key, g.First().Title, g.Sum(f => f.Sum), g.Sum(f => f.Count))).ToList(),
        };
    }

    /// <summary>
    /// A unit's subtree figures: its own groups and its children's subtrees, merged by framework
    /// (the communes of every district, scored on one framework, become one province-wide line).
    /// </summary>
    public static IReadOnlyList<GroupSummary> Subtree(IEnumerable<GroupSummary> ownGroups, IEnumerable<IReadOnlyList<GroupSummary>> childSubtrees) =>
        ownGroups.Concat(childSubtrees.SelectMany(s => s))
            .GroupBy(s => s.Category)
            .Select(g => Merge(g.Key, g.First().CategoryName, g))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
}
