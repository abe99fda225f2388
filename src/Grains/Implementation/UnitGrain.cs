using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// A unit's roll-ups: summaries of the groups it assesses, and of its whole subtree merged by framework (the
/// province's commune figures are every district's commune group). Built on activation from the results the rankings
/// of the groups within it hold; afterwards every member's scorecard tells it of each new result directly, at the
/// same time as the member's ranking.
/// </summary>
[GrainType(GrainTypes.Unit)]
public sealed class UnitGrain : Grain, IUnitGrain
{
    private string _cycleId = "", _unitCode = "";
    private string[] _own = [];
    private SubtreeTally _tally = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_cycleId, _unitCode) = GrainKeys.Split(this.GetPrimaryKeyString());
        var cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GetDefinitionAsync();
        // Each ranking keeps its group's results: asking them is one call a group, where reading the store read every
        // result of the subtree again (the country's roll-up read all 20 k). The one call downward; it interleaves with
        // whatever the ranking is doing (IRankingGrain.GetResultsAsync), so it never waits on a ranking that waits on us.
        var groups = cycle.GroupsAssessedWithin(_unitCode);
        var results = await Task.WhenAll(groups.Select(g =>
            GrainFactory.GetGrain<IRankingGrain>(GrainKeys.Ranking(_cycleId, g.AssessorCode, g.Code)).GetResultsAsync()));
        _own = groups.Where(g => g.AssessorCode == _unitCode).Select(g => g.Code).Order(StringComparer.Ordinal).ToArray();
        _tally = new SubtreeTally(groups.Select((g, i) => new GroupTally(g, cycle.Cycle.FrameworkOf(g), results[i])).ToList());
    }

    public Task<UnitRollUp> GetRollUpAsync() =>
        Task.FromResult(new UnitRollUp(_cycleId, _unitCode, _own.Select(_tally.Group).ToList(), _tally.Lines));

    public Task MemberChangedAsync(UnitResult result)
    {
        _tally.Set(result);
        return Task.CompletedTask;
    }

    public Task RefreshAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
