using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// A unit's roll-ups: summaries of the groups it assesses, and of its whole subtree merged by
/// framework (the province's commune figures come through its districts). Built on activation from the
/// summaries its groups' ranking grains hold, never by calling the unit grains below; changes arrive from
/// below and go on upward.
/// </summary>
[GrainType(GrainTypes.Unit)]
public sealed class UnitGrain : Grain, IUnitGrain
{
    private CycleDefinition _cycle = null!;
    private string _cycleId = "", _unitCode = "";
    private readonly Dictionary<string, GroupSummary> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<GroupSummary>> _children = new(StringComparer.Ordinal);
    private IReadOnlyList<GroupSummary> _subtree = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_cycleId, _unitCode) = GrainKeys.Split(this.GetPrimaryKeyString());
        _cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GetDefinitionAsync();
        // Each ranking keeps its group's summary: asking them is one call a group, where reading the store read every
        // result of the subtree again (the country's roll-up read all 20 k). The one call downward; it interleaves with
        // whatever the ranking is doing (IRankingGrain.GetSummaryAsync), so it never waits on a ranking that waits on us.
        var groups = _cycle.GroupsAssessedWithin(_unitCode);
        var summaries = await Task.WhenAll(groups.Select(g =>
            GrainFactory.GetGrain<IRankingGrain>(GrainKeys.Ranking(_cycleId, g.AssessorCode, g.Code)).GetSummaryAsync()));
        var byChild = new Dictionary<string, List<GroupSummary>>(StringComparer.Ordinal);
        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i].AssessorCode == _unitCode) { _groups[groups[i].Code] = summaries[i]; continue; }
            var child = ChildOnPathTo(groups[i].AssessorCode);
            if (!byChild.TryGetValue(child, out var list)) byChild[child] = list = [];
            list.Add(summaries[i]);
        }
        foreach (var (child, list) in byChild) _children[child] = RollUpPolicy.Subtree(list, []);
        _subtree = RollUpPolicy.Subtree(_groups.Values, _children.Values);
    }

    public Task<UnitRollUp> GetRollUpAsync() =>
        Task.FromResult(new UnitRollUp(_cycleId, _unitCode, _groups.Values.OrderBy(g => g.Key, StringComparer.Ordinal).ToList(), _subtree));

    public Task GroupChangedAsync(GroupSummary summary)
    {
        _groups[summary.Key] = summary;
        return PassUpAsync();
    }

    public Task ChildChangedAsync(string childCode, IReadOnlyList<GroupSummary> subtree)
    {
        _children[childCode] = subtree;
        return PassUpAsync();
    }

    private async Task PassUpAsync()
    {
        _subtree = RollUpPolicy.Subtree(_groups.Values, _children.Values);
        if (_cycle.ParentOf(_unitCode) is { } parent)
            await GrainFactory.GetGrain<IUnitGrain>(GrainKeys.Unit(_cycleId, parent)).ChildChangedAsync(_unitCode, _subtree);
    }

    /// <summary>The direct child of this unit on the way down to a descendant.</summary>
    private string ChildOnPathTo(string descendant)
    {
        var code = descendant;
        while (_cycle.ParentOf(code) is { } parent && parent != _unitCode) code = parent;
        return code;
    }

    public Task RefreshAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
