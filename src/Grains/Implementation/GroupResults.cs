using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>A group's results as stored; a member with nothing stored yet has the result of an empty scorecard.</summary>
public static class GroupResults
{
    public static async Task<Dictionary<string, UnitResult>> LoadAsync(IResultStore store, CycleDefinition cycle, RankGroup group, CancellationToken cancellationToken)
    {
        var framework = cycle.Cycle.FrameworkOf(group);
        var stored = (await store.LoadGroupAsync(cycle.Cycle.Id, group.Code, framework, cancellationToken)).ToDictionary(r => r.UnitCode, StringComparer.Ordinal);
        var results = new Dictionary<string, UnitResult>(StringComparer.Ordinal);
        foreach (var unit in cycle.Members[group.Code])
            results[unit.Code] = stored.GetValueOrDefault(unit.Code) ?? ScoringPolicy.Compute(new Scorecard(unit.Code, framework), group.Scoring);
        return results;
    }
}
