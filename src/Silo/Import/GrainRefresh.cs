using ParIndex.Grains.Contracts;

namespace ParIndex.Silo.Import;

/// <summary>
/// After a bulk import, the one writer that goes past the grains: every grain of the cluster that holds what it may have
/// changed lets go of its activation and reads the store on its next call. Only active grains are asked (Orleans lists
/// them), so an import into a cycle nobody is reading costs three lookups, however large.
/// </summary>
public sealed class GrainRefresh(IGrainFactory grains)
{
    /// <param name="units">The units whose scorecards changed: their scorecards, and every ranking and roll-up of the cycle, refresh.</param>
    public async Task AfterImportAsync(string cycleId, IReadOnlyCollection<string> units)
    {
        var scorecards = units.Select(u => GrainKeys.Scorecard(cycleId, u)).ToHashSet(StringComparer.Ordinal);
        var inCycle = cycleId + "/";
        var management = grains.GetGrain<IManagementGrain>(0);
        var stale = new List<GrainId>();
        foreach (var (type, holds) in new (string, Func<string, bool>)[]
        {
            // Scorecards first: a ranking that activates again meanwhile reads the same committed store.
            (GrainTypes.Scorecard, scorecards.Contains),
            (GrainTypes.Ranking, k => k.StartsWith(inCycle, StringComparison.Ordinal)),
            (GrainTypes.Unit, k => k.StartsWith(inCycle, StringComparison.Ordinal)),
        })
            stale.AddRange((await management.GetActiveGrains(GrainType.Create(type))).Where(id => holds(id.Key.ToString()!)));
        await Task.WhenAll(stale.Select(id => grains.GetGrain<IStoreBackedGrain>(id).RefreshAsync()));
    }
}
