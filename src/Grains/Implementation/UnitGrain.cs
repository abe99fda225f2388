using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// A unit's roll-ups: summaries of the groups it assesses, and of its whole subtree merged by
/// framework (the province's commune figures come through its districts). Rebuilt from the store on
/// activation, never by calling children; changes arrive from below and go on upward.
/// </summary>
[GrainType(GrainTypes.Unit)]
public sealed class UnitGrain(IResultStore store) : Grain, IUnitGrain
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
        var byChild = new Dictionary<string, List<GroupSummary>>(StringComparer.Ordinal);
        foreach (var group in _cycle.GroupsAssessedWithin(_unitCode))
        {
            var summary = RollUpPolicy.Summarize(group, _cycle.Cycle.FrameworkOf(group), (await GroupResults.LoadAsync(store, _cycle, group, cancellationToken)).Values);
            if (group.AssessorCode == _unitCode) { _groups[group.Code] = summary; continue; }
            var child = ChildOnPathTo(group.AssessorCode);
            if (!byChild.TryGetValue(child, out var list)) byChild[child] = list = [];
            list.Add(summary);
        }
        foreach (var (child, summaries) in byChild) _children[child] = RollUpPolicy.Subtree(summaries, []);
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
