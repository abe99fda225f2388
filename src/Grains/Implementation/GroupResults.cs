using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>A group's results as stored, in the order of its members; a member with nothing stored yet has the result of an empty scorecard.</summary>
public static class GroupResults
{
    public static async Task<IReadOnlyList<UnitResult>> LoadAsync(IResultStore store, CycleDefinition cycle, RankGroup group, CancellationToken cancellationToken)
    {
        var framework = cycle.Cycle.FrameworkOf(group);
        var stored = (await store.LoadGroupAsync(cycle.Cycle.Id, group.Code, framework, cancellationToken)).ToDictionary(r => r.UnitCode, StringComparer.Ordinal);
        return cycle.Members[group.Code]
            .Select(unit => stored.GetValueOrDefault(unit.Code) ?? ScoringPolicy.Compute(new Scorecard(unit.Code, framework), group.Scoring)).ToList();
    }
}
