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
        // In this order, each step done before the next is listed: a ranking that activates again reads the committed
        // store, and a roll-up builds on its rankings' summaries, so it lets go only once they are the new ones (a roll-up
        // that activated meanwhile from an old ranking is active by then, and is listed).
        await RefreshAsync(GrainTypes.Scorecard, scorecards.Contains);
        await RefreshAsync(GrainTypes.Ranking, k => k.StartsWith(inCycle, StringComparison.Ordinal));
        await RefreshAsync(GrainTypes.Unit, k => k.StartsWith(inCycle, StringComparison.Ordinal));
    }

    private async Task RefreshAsync(string type, Func<string, bool> holds)
    {
        var active = await grains.GetGrain<IManagementGrain>(0).GetActiveGrains(GrainType.Create(type));
        await Task.WhenAll(active.Where(id => holds(id.Key.ToString()!)).Select(id => grains.GetGrain<IStoreBackedGrain>(id).RefreshAsync()));
    }
}
