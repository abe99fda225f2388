using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// A group's ranking, in memory. Rebuilt from stored results on activation; re-ranks on every
/// member's change and passes the group's summary to the assessor's unit grain.
/// </summary>
public sealed class RankingGrain(IResultStore store) : Grain, IRankingGrain
{
    private CycleDefinition _cycle = null!;
    private RankGroup _group = null!;
    private Dictionary<string, UnitResult> _results = [];
    private IReadOnlyDictionary<string, PreviousStanding> _previous = new Dictionary<string, PreviousStanding>();
    private IReadOnlyList<RankedResult> _ranking = [];
    // What readers ask for, made once per change rather than once per read (every page view reads them).
    private IReadOnlyList<ResultLine>? _lines;
    private GroupSummary? _summary;
    private string _cycleId = "";
    private int _version = 1;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (cycleId, rest) = GrainKeys.Split(this.GetPrimaryKeyString());
        _cycleId = cycleId;
        var groupCode = rest[(rest.IndexOf('/') + 1)..];
        _cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();
        _group = _cycle.Cycle.FindGroup(groupCode) ?? throw new NotFoundException($"Kỳ {cycleId} không có nhóm xếp hạng \"{groupCode}\".");
        _results = await GroupResults.LoadAsync(store, _cycle, _group, cancellationToken);
        _previous = await store.LoadStandingsAsync(_cycle.Cycle.PreviousCycles, cancellationToken);
        _version = await store.LoadVersionAsync(cycleId, groupCode, cancellationToken);
        _ranking = RankingPolicy.Rank(_results.Values, _group);
        // Ranks are saved behind the writes that change them; saving them all here puts right any lost in a crash.
        await store.SaveRanksAsync(_cycleId, _ranking.ToDictionary(r => r.UnitCode, r => r.Rank), cancellationToken);
    }

    public Task<IReadOnlyList<ResultLine>> GetLinesAsync() =>
        Task.FromResult(_lines ??= ResultLines.From(_cycle, _group, _ranking, _previous, _version));

    public Task<GroupSummary> GetSummaryAsync() => Task.FromResult(_summary ??= RollUpPolicy.Summarize(_group, _cycle.Cycle.FrameworkOf(_group), _results.Values));

    public async Task<int> ReloadVersionAsync()
    {
        _version = await store.LoadVersionAsync(_cycleId, _group.Code, CancellationToken.None);
        _lines = null;
        return _version;
    }

    public async Task ResultChangedAsync(UnitResult result)
    {
        if (!_results.ContainsKey(result.UnitCode))
            throw new DomainException($"Đơn vị {result.UnitCode} không thuộc nhóm {_group.Code}.");
        _results[result.UnitCode] = result;
        _lines = null;
        _summary = RollUpPolicy.Summarize(_group, _cycle.Cycle.FrameworkOf(_group), _results.Values);
        var before = _ranking.ToDictionary(r => r.UnitCode, r => r.Rank);
        _ranking = RankingPolicy.Rank(_results.Values, _group);
        var changed = _ranking.Where(r => !before.TryGetValue(r.UnitCode, out var old) || old != r.Rank).ToDictionary(r => r.UnitCode, r => r.Rank);
        if (changed.Count > 0) await store.SaveRanksAsync(_cycleId, changed, CancellationToken.None);
        await GrainFactory.GetGrain<IUnitGrain>(GrainKeys.Unit(_cycleId, _group.AssessorCode)).GroupChangedAsync(_summary);
    }
}
