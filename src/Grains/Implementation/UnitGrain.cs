using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// A unit's roll-ups: summaries of the groups it assesses, and of its whole subtree merged by framework (the
/// province's commune figures are every district's commune group). Built on activation from the summaries the
/// rankings of the groups within it hold; afterwards each of those rankings tells it of every change directly.
/// </summary>
[GrainType(GrainTypes.Unit)]
public sealed class UnitGrain : Grain, IUnitGrain
{
    private string _cycleId = "", _unitCode = "";
    private string[] _own = [];
    private SubtreeRollUp _rollUp = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_cycleId, _unitCode) = GrainKeys.Split(this.GetPrimaryKeyString());
        var cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GetDefinitionAsync();
        // Each ranking keeps its group's summary: asking them is one call a group, where reading the store read every
        // result of the subtree again (the country's roll-up read all 20 k). The one call downward; it interleaves with
        // whatever the ranking is doing (IRankingGrain.GetSummaryAsync), so it never waits on a ranking that waits on us.
        var groups = cycle.GroupsAssessedWithin(_unitCode);
        var summaries = await Task.WhenAll(groups.Select(g =>
            GrainFactory.GetGrain<IRankingGrain>(GrainKeys.Ranking(_cycleId, g.AssessorCode, g.Code)).GetSummaryAsync()));
        _own = groups.Where(g => g.AssessorCode == _unitCode).Select(g => g.Code).Order(StringComparer.Ordinal).ToArray();
        _rollUp = new SubtreeRollUp(summaries);
    }

    public Task<UnitRollUp> GetRollUpAsync() =>
        Task.FromResult(new UnitRollUp(_cycleId, _unitCode, _own.Select(_rollUp.Group).ToList(), _rollUp.Lines));

    public Task GroupChangedAsync(GroupSummary summary)
    {
        _rollUp.Update(summary);
        return Task.CompletedTask;
    }

    public Task RefreshAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
