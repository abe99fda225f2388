using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// A group's ranking, in memory. Rebuilt from stored results on activation; re-ranks on every member's change (the
/// member's scorecard tells the roll-ups above at the same time). Owns the group's publication: it publishes and
/// adjusts, then has the members' scorecards read what changed.
/// </summary>
[GrainType(GrainTypes.Ranking)]
public sealed class RankingGrain(IResultStore store, IPublicationStore publications) : Grain, IRankingGrain
{
    private CycleDefinition _cycle = null!;
    private RankGroup _group = null!;
    private GroupTally _tally = null!; // the members' results
    private IReadOnlyDictionary<string, PreviousStanding> _previous = new Dictionary<string, PreviousStanding>();
    private IReadOnlyList<RankedResult> _ranking = [];
    private readonly Dictionary<string, int?> _ranks = new(StringComparer.Ordinal); // each member's rank in _ranking
    // What readers ask for, made once per change rather than once per read (every page view reads them).
    private IReadOnlyList<ResultLine>? _lines;
    private GroupSummary? _summary;
    private IReadOnlyList<PublicationEntry>? _decisions; // read on first use: most activations (cold load, writes) never show them
    private string _cycleId = "";
    private int _version = 1;
    // The view's stamp: this activation and how often what it shows has changed since it began.
    private readonly string _activation = Guid.NewGuid().ToString("N");
    private long _changes;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (cycleId, _, groupCode) = GrainKeys.SplitRanking(this.GetPrimaryKeyString());
        _cycleId = cycleId;
        _cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();
        _group = _cycle.Cycle.FindGroup(groupCode) ?? throw new NotFoundException($"Kỳ {cycleId} không có nhóm xếp hạng \"{groupCode}\".");
        _tally = new GroupTally(_group, _cycle.Cycle.FrameworkOf(_group), await GroupResults.LoadAsync(store, _cycle, _group, cancellationToken));
        _previous = await store.LoadStandingsAsync(_cycle.Cycle.PreviousCycles, _cycle.StandingsNeededBy(groupCode), cancellationToken);
        _version = await store.LoadVersionAsync(cycleId, groupCode, cancellationToken);
        _ranking = RankingPolicy.Rank(_tally, _group);
        TakeChangedRanks();
        // Ranks are saved behind the writes that change them; saving them all here puts right any lost in a crash.
        await store.SaveRanksAsync(_cycleId, new Dictionary<string, int?>(_ranks, StringComparer.Ordinal), cancellationToken);
    }

    public Task<IReadOnlyList<ResultLine>> GetLinesAsync() =>
        Task.FromResult(_lines ??= ResultLines.From(_cycle, _group, _ranking, _previous, _version));

    public Task<GroupSummary> GetSummaryAsync() => Task.FromResult(_summary ??= _tally.Summarize());

    // A copy: the tally changes its array in place.
    public Task<IReadOnlyList<UnitResult>> GetResultsAsync() => Task.FromResult<IReadOnlyList<UnitResult>>([.. _tally.Results]);

    public async Task<IReadOnlyList<PublicationEntry>> GetDecisionsAsync() =>
        _decisions ??= await publications.LoadDecisionsAsync(_cycleId, _group.Code, CancellationToken.None);

    public async Task<RankingView> GetViewAsync()
    {
        var decisions = await GetDecisionsAsync(); // first, so that the rest is read in one turn with the stamp
        return new RankingView(await GetLinesAsync(), await GetSummaryAsync(), decisions, $"{_activation}.{_changes}");
    }

    public async Task<IReadOnlyList<ResultLine>> PublishAsync(Decision decision, string user)
    {
        var lines = ResultLines.From(_cycle, _group, _ranking, _previous, version: 1);
        // An unappraised scorecard is not published: every counted value must be final.
        var provisional = lines.Where(l => l.Provisional).Select(l => $"Nhóm {_group.Code}: đơn vị {l.UnitCode} ({l.UnitName}) chưa thẩm định xong (kết quả tạm tính).").ToList();
        if (provisional.Count > 0) throw new DomainValidationException($"Không công bố: {provisional.Count} đơn vị chưa thẩm định xong; không có gì thay đổi.", provisional);
        await publications.PublishAsync(_cycleId, _group.Code, lines, decision, user, CancellationToken.None); // refuses a second publication
        _decisions = null;
        _changes++;
        // Readers learn it from the cycle grain; should this call be lost in a crash, the cycle grain reads it back when it activates again.
        await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GroupPublishedAsync(_group.Code);
        await ReloadMembersAsync(_tally.UnitCodes);
        return lines;
    }

    public async Task<Adjusted> AdjustAsync(IReadOnlyList<ScoreEntry> entries, Decision decision, string user)
    {
        var adjusted = await publications.AdjustAsync(_cycleId, _group.Code, entries, decision, user, CancellationToken.None);
        _version = adjusted.Version;
        _lines = null;
        _decisions = null;
        _changes++;
        await ReloadMembersAsync(adjusted.Units);
        return adjusted;
    }

    /// <summary>
    /// The store changed these scorecards (status, values): they read it again and pass their results back here, so
    /// this turn lets calls of its own call chain in.
    /// </summary>
    private async Task ReloadMembersAsync(IEnumerable<string> units)
    {
        using var reentrant = RequestContext.AllowCallChainReentrancy();
        foreach (var unit in units.ToList())
            await GrainFactory.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(_cycleId, unit)).ReloadAsync();
    }

    public Task ResultChangedAsync(UnitResult result)
    {
        _tally.Set(result); // refuses a unit of another group
        (_lines, _summary) = (null, null);
        _changes++;
        var previous = _ranking;
        _ranking = RankingPolicy.Rank(_tally, _group);
        return TakeChangedRanks(previous) is { } changed ? store.SaveRanksAsync(_cycleId, changed, CancellationToken.None) : Task.CompletedTask;
    }

    /// <summary>The members whose rank in the new ranking differs from the one held (null: none), which it then holds.</summary>
    /// <param name="previous">The ranking before: a member at the same place with the same rank is passed over unlooked-up
    /// (after one change, all but those between its old place and its new one).</param>
    private Dictionary<string, int?>? TakeChangedRanks(IReadOnlyList<RankedResult>? previous = null)
    {
        Dictionary<string, int?>? changed = null;
        for (int i = 0; i < _ranking.Count; i++)
        {
            var r = _ranking[i];
            if (previous is not null && i < previous.Count && ReferenceEquals(previous[i].Result, r.Result) && previous[i].Rank == r.Rank) continue;
            if (_ranks.TryGetValue(r.UnitCode, out var held) && held == r.Rank) continue;
            _ranks[r.UnitCode] = r.Rank;
            (changed ??= new Dictionary<string, int?>(StringComparer.Ordinal))[r.UnitCode] = r.Rank;
        }
        return changed;
    }

    public Task RefreshAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
