using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Queries;

/// <summary>Reads a group's scorecards and hands them to <see cref="GainPlan"/>, which does all the arithmetic.</summary>
public static class GainPlans
{
    public static async Task<GainPlan> ForUnitAsync(ParIndexReader reader, CycleDefinition cycle, RankGroup group, string unitCode) =>
        GainPlan.For(unitCode, cycle.Cycle.FrameworkOf(group), group, Values(await reader.ScorecardsAsync(cycle.Cycle.Id, group.Code)));

    /// <summary>Every member's plan, in the order of the group's ranking (the scorecards are read once).</summary>
    public static async Task<IReadOnlyList<GainPlan>> ForGroupAsync(ParIndexReader reader, CycleDefinition cycle, RankGroup group)
    {
        var cards = Values(await reader.ScorecardsAsync(cycle.Cycle.Id, group.Code));
        var framework = cycle.Cycle.FrameworkOf(group);
        return [.. cards.Keys.Select(u => GainPlan.For(u, framework, group, cards))
            .OrderBy(p => p.Current.Rank ?? int.MaxValue).ThenBy(p => p.UnitCode, StringComparer.Ordinal)];
    }

    private static Dictionary<string, IReadOnlyDictionary<string, ItemValues>> Values(IEnumerable<ScorecardView> cards) =>
        cards.ToDictionary(c => c.UnitCode, c => c.Items, StringComparer.Ordinal);
}
