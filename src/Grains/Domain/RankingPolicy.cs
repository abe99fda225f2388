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
    public static IReadOnlyList<RankedResult> Rank(IEnumerable<UnitResult> results, IReadOnlyList<TieBreaker> tieBreakers, IReadOnlySet<string>? notRanked = null)
    {
        var all = results.ToList();
        var duplicate = all.GroupBy(r => r.UnitCode).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DomainException($"Đơn vị {duplicate.Key} có hai kết quả trong cùng một nhóm xếp hạng.");

        bool IsRanked(UnitResult r) => r.Index is not null && notRanked?.Contains(r.UnitCode) != true;
        var comparer = new RankComparer(tieBreakers);
        var ranked = all.Where(IsRanked).OrderBy(r => r, comparer).ThenBy(r => r.UnitCode, StringComparer.Ordinal).ToList();

        var output = new List<RankedResult>(all.Count);
        for (int i = 0; i < ranked.Count; i++)
        {
            var rank = i > 0 && comparer.Compare(ranked[i - 1], ranked[i]) == 0 ? output[i - 1].Rank : i + 1;
            output.Add(new RankedResult(ranked[i], rank));
        }
        output.AddRange(all.Where(r => !IsRanked(r))
            .OrderByDescending(r => r.Index ?? decimal.MinValue)
            .ThenBy(r => r.UnitCode, StringComparer.Ordinal)
            .Select(r => new RankedResult(r, null)));
        return output;
    }

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
