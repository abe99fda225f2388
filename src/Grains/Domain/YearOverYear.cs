using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>A unit's standing in a previous cycle.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.PreviousStanding")]
public sealed record PreviousStanding(decimal? Index, int? Rank);

/// <summary>Rule 9: the previous index and rank and the change; <see cref="Derived"/> for a merged unit.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.YearOverYearComparison")]
public sealed record YearOverYearComparison(decimal? PreviousIndex, int? PreviousRank, bool Derived, decimal? IndexChange, int? RankChange)
{
    public static readonly YearOverYearComparison None = new(null, null, false, null, null);
}

public static class YearOverYearPolicy
{
    /// <summary>
    /// Compares a unit with the previous cycle. A unit formed by merger (it has predecessors) shows
    /// the mean of its predecessors' previous indices, marked derived, and no previous rank; any
    /// other unit shows its own previous index and rank. A rank change is positive when it moved up.
    /// </summary>
    public static YearOverYearComparison Compare(
        string unitCode, IReadOnlyList<Predecessor> predecessors, decimal? currentIndex, int? currentRank,
        IReadOnlyDictionary<string, PreviousStanding> previous)
    {
        if (predecessors.Count > 0)
        {
            var indices = predecessors.Select(p => previous.GetValueOrDefault(p.Code)?.Index).OfType<decimal>().ToList();
            if (indices.Count == 0) return YearOverYearComparison.None;
            var mean = indices.Sum() / indices.Count;
            return new(mean, null, true, currentIndex - mean, null);
        }
        if (!previous.TryGetValue(unitCode, out var before)) return YearOverYearComparison.None;
        return new(before.Index, before.Rank, false,
            currentIndex - before.Index,
            currentRank is { } now && before.Rank is { } then ? then - now : null);
    }
}
