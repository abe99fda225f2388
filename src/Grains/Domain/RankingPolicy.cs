using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>A unit's place in its group; <see cref="Rank"/> is null for units without an index or not ranked.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.RankedResult")]
public sealed record RankedResult(UnitResult Result, int? Rank)
{
    public string UnitCode => Result.UnitCode;
}

/// <summary>Rule 8: ranking within a rank group.</summary>
public static class RankingPolicy
{
    /// <summary>
    /// Orders by exact index (highest first), then the group's tie-breakers in order. Units equal on
    /// all of them share a rank and the next rank skips (1, 2, 2, 4). Units without an index, or
    /// marked not ranked, follow the ranked ones without a rank. Unit code orders equals, so that
    /// the order never depends on the order of the input.
    /// </summary>
    public static IReadOnlyList<RankedResult> Rank(IEnumerable<UnitResult> results, IReadOnlyList<TieBreaker> tieBreakers, IReadOnlySet<string>? notRanked = null) =>
        Rank(results, tieBreakers, notRanked, unique: false);

    /// <summary>A group's tally, which holds one result a unit, ranked without looking for a second one.</summary>
    public static IReadOnlyList<RankedResult> Rank(GroupTally tally, RankGroup group) =>
        Rank(tally.Results, group.TieBreakers, group.NotRanked, unique: true);

    private static IReadOnlyList<RankedResult> Rank(IEnumerable<UnitResult> results, IReadOnlyList<TieBreaker> tieBreakers, IReadOnlySet<string>? notRanked, bool unique)
    {
        // Loops and sorts in place rather than LINQ: a group is ranked again on every change of a member.
        var ranked = new List<UnitResult>(results is IReadOnlyCollection<UnitResult> all ? all.Count : 4);
        var unranked = new List<UnitResult>();
        var seen = unique ? null : new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            if (seen?.Add(r.UnitCode) == false) throw Duplicate(results);
            (r.Index is not null && notRanked?.Contains(r.UnitCode) != true ? ranked : unranked).Add(r);
        }

        var comparer = new RankComparer(tieBreakers);
        // Unit codes are unique, so ties on every figure still sort one way whatever the input order.
        ranked.Sort((a, b) => comparer.Compare(a, b) is var c and not 0 ? c : string.CompareOrdinal(a.UnitCode, b.UnitCode));
        unranked.Sort((a, b) => (b.Index ?? decimal.MinValue).CompareTo(a.Index ?? decimal.MinValue) is var c and not 0 ? c : string.CompareOrdinal(a.UnitCode, b.UnitCode));

        var output = new List<RankedResult>(ranked.Count + unranked.Count);
        for (int i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && comparer.Compare(ranked[i - 1], ranked[i]) == 0 ? output[i - 1].Rank : i + 1;
            output.Add(new RankedResult(ranked[i], rank));
        }
        foreach (var r in unranked) output.Add(new RankedResult(r, null));
        return output;
    }

    /// <summary>The first unit, in input order, that has two results.</summary>
    private static DomainException Duplicate(IEnumerable<UnitResult> results) =>
        new($"Đơn vị {results.GroupBy(r => r.UnitCode).First(g => g.Count() > 1).Key} có hai kết quả trong cùng một nhóm xếp hạng.");

    public static IReadOnlyList<RankedResult> Rank(IEnumerable<UnitResult> results, RankGroup group) =>
        Rank(results, group.TieBreakers, group.NotRanked);

    /// <summary>Better first: higher exact index, then higher tie-breaker values.</summary>
    private sealed class RankComparer(IReadOnlyList<TieBreaker> tieBreakers) : IComparer<UnitResult>
    {
        public int Compare(UnitResult? x, UnitResult? y)
        {
            var byIndex = (y!.Index ?? 0m).CompareTo(x!.Index ?? 0m);
            if (byIndex != 0) return byIndex;
            foreach (var tieBreaker in tieBreakers)
            {
                var byTie = tieBreaker.ValueOf(y).CompareTo(tieBreaker.ValueOf(x));
                if (byTie != 0) return byTie;
            }
            return 0;
        }
    }
}
