using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>
/// Groups of a subtree for the roll-up tests: even groups are communes (two appraisal items and a survey item), odd
/// ones offices (one item); member m of group g is unit <c>u{g}-{m:00}</c>, scored on item A.1.1 alone.
/// </summary>
internal static class SubtreeGroups
{
    public static readonly Framework Communes = Framework.Create("xa", "Bộ tiêu chí xã", Frameworks.Of([10m, 5.5m], [20m]).Fields.ToList());
    public static readonly Framework Offices = Framework.Create("phong", "Bộ tiêu chí phòng", Frameworks.Of([100m]).Fields.ToList());

    public static RankGroup Group(int g) => new()
    {
        Code = $"g{g}", Name = $"Nhóm {g}", AssessorCode = $"d{g}", FrameworkCode = FrameworkOf(g).Code, Members = new UnitList([]),
    };

    public static Framework FrameworkOf(int g) => g % 2 == 0 ? Communes : Offices;

    /// <param name="appraisal">Below 0: the item does not apply.</param>
    public static UnitResult Result(int g, int unit, decimal appraisal) => Frameworks.Score(FrameworkOf(g), $"u{g}-{unit:00}", null, appraisal < 0
        ? new ScoreEntry($"u{g}-{unit:00}", "A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh")
        : new ScoreEntry($"u{g}-{unit:00}", "A.1.1", ScoreKind.Appraised, appraisal));

    /// <summary>
    /// What a framework's line must say, counted from its members' results themselves: units, indexed units, the index
    /// sum (each index rounded to 20 places: exact), best and worst (ties to the lower code), and the classes.
    /// </summary>
    public static void AssertLineCounted(IReadOnlyList<UnitResult> results, GroupSummary line)
    {
        var indexed = results.Where(r => r.Index is not null).ToList();
        Assert.Equal(results.Count, line.Units);
        Assert.Equal(indexed.Count, line.Indexed);
        Assert.Equal(indexed.Sum(r => Math.Round(r.Index!.Value, 20)), line.IndexSum);
        var best = indexed.OrderByDescending(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).FirstOrDefault();
        var worst = indexed.OrderBy(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).FirstOrDefault();
        Assert.Equal(best is null ? null : new Standing(best.UnitCode, best.Index!.Value), line.Best);
        Assert.Equal(worst is null ? null : new Standing(worst.UnitCode, worst.Index!.Value), line.Worst);
        Assert.Equal(ClassificationBands.Default.Bands.Select(b => results.Count(r => r.Classification == b.Label)), line.Classes.Select(c => c.Count));
    }
}
