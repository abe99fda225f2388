using Orleans;
namespace ParIndex.Grains.Contracts;

/// <summary>
/// What an adjustment changed for one unit: its index as shown, its rank and its class, before and after.
/// A unit absent from one side has nulls there.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.UnitChange")]
public sealed record UnitChange(
    string UnitCode, string UnitName, int DisplayDecimals,
    decimal? IndexBefore, decimal? IndexAfter, int? RankBefore, int? RankAfter, string? ClassBefore, string? ClassAfter)
{
    public bool IndexChanged => IndexBefore != IndexAfter;
    public bool RankChanged => RankBefore != RankAfter;
    public bool ClassChanged => ClassBefore != ClassAfter;
}

/// <summary>
/// The difference between two published versions of a group (pure): every unit whose exact index, rank or
/// class differs, in the new version's order (ranked first, by rank; then the rest by code).
/// </summary>
public static class VersionDiff
{
    public static IReadOnlyList<UnitChange> Compare(IReadOnlyList<ResultLine> before, IReadOnlyList<ResultLine> after)
    {
        var old = before.ToDictionary(l => l.UnitCode, StringComparer.Ordinal);
        var now = after.ToDictionary(l => l.UnitCode, StringComparer.Ordinal);
        var changes = new List<(UnitChange Change, int? Order)>();
        foreach (var code in old.Keys.Union(now.Keys, StringComparer.Ordinal))
        {
            var b = old.GetValueOrDefault(code);
            var a = now.GetValueOrDefault(code);
            // Compared on the exact index: a change below the displayed precision still moves ranks.
            if (b is not null && a is not null && b.Index == a.Index && b.Rank == a.Rank && b.Classification == a.Classification) continue;
            var line = (a ?? b)!;
            changes.Add((new UnitChange(code, line.UnitName, line.DisplayDecimals,
                b?.IndexDisplay, a?.IndexDisplay, b?.Rank, a?.Rank, b?.Classification, a?.Classification), a?.Rank));
        }
        return changes.OrderBy(c => c.Order ?? int.MaxValue).ThenBy(c => c.Change.UnitCode, StringComparer.Ordinal).Select(c => c.Change).ToList();
    }
}
