using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Queries;

/// <summary>
/// What pages, the API and exports read, always through the grains (so a write shows on the next
/// load). Unknown cycles, groups and units throw <see cref="NotFoundException"/>, which becomes a 404.
/// Within one GET request a cycle's definition and published groups are asked for once, however many
/// checks and reads need them (a ranking read needs them for the read check, the group and the lines).
/// </summary>
public sealed class ParIndexReader(IGrainFactory grains, ICycleStore cycles, IHttpContextAccessor requests)
{
    public Task<IReadOnlyList<CycleInfo>> CyclesAsync(CancellationToken cancellationToken = default) => cycles.ListAsync(cancellationToken);

    public async Task<CycleInfo> CycleInfoAsync(string cycleId, CancellationToken cancellationToken = default) =>
        (await cycles.ListAsync(cancellationToken)).FirstOrDefault(c => c.Id == cycleId)
        ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycleId}\".");

    public async Task<CycleDefinition> CycleAsync(string cycleId) => (await ReadingAsync(cycleId)).Definition;

    /// <summary>The groups of the cycle that are published (readable by anyone), as the cycle grain holds them.</summary>
    public async Task<IReadOnlySet<string>> PublishedGroupsAsync(string cycleId) => (await ReadingAsync(cycleId)).Published;

    /// <summary>Both in one grain call: a read of results asks for both (its read check and the page).</summary>
    private Task<CycleReading> ReadingAsync(string cycleId) => OncePerRequest("reading:" + cycleId, () => Cycle(cycleId).GetReadingAsync());

    private ICycleGrain Cycle(string cycleId) => grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId));

    /// <summary>
    /// A read kept for the rest of a GET or HEAD request. Not for other methods: a request that changes the cycle
    /// reads what it changed afterwards.
    /// </summary>
    private Task<T> OncePerRequest<T>(string key, Func<Task<T>> read)
    {
        if (requests.HttpContext is not { } http || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))) return read();
        key = "ParIndexReader:" + key;
        if (http.Items.TryGetValue(key, out var kept) && kept is Task<T> task && !task.IsFaulted) return task;
        task = read();
        http.Items[key] = task;
        return task;
    }

    public async Task<RankGroup> GroupAsync(string cycleId, string groupCode) => GroupOf(await CycleAsync(cycleId), groupCode);

    /// <summary>A group of a cycle already read (a page asks the cycle grain once, not once per figure).</summary>
    public static RankGroup GroupOf(CycleDefinition cycle, string groupCode) =>
        cycle.Cycle.FindGroup(groupCode) ?? throw new NotFoundException($"Kỳ {cycle.Cycle.Id} không có nhóm xếp hạng \"{groupCode}\".");

    public Task<IReadOnlyList<ResultLine>> RankingAsync(CycleDefinition cycle, RankGroup group) => Ranking(cycle.Cycle.Id, group).GetLinesAsync();

    public Task<GroupSummary> GroupSummaryAsync(CycleDefinition cycle, RankGroup group) => Ranking(cycle.Cycle.Id, group).GetSummaryAsync();

    /// <summary>Lines, summary and decisions in one call, with the stamp of their state.</summary>
    public Task<RankingView> RankingViewAsync(CycleDefinition cycle, RankGroup group) => Ranking(cycle.Cycle.Id, group).GetViewAsync();

    public async Task<IReadOnlyList<ResultLine>> RankingAsync(string cycleId, string groupCode)
    {
        var group = await GroupAsync(cycleId, groupCode);
        return await Ranking(cycleId, group).GetLinesAsync();
    }

    public async Task<GroupSummary> GroupSummaryAsync(string cycleId, string groupCode)
    {
        var group = await GroupAsync(cycleId, groupCode);
        return await Ranking(cycleId, group).GetSummaryAsync();
    }

    /// <summary>The unit's roll-ups; a unit outside the cycle's units is not found.</summary>
    public async Task<UnitRollUp> RollUpAsync(string cycleId, string unitCode)
    {
        var cycle = await CycleAsync(cycleId);
        if (cycle.Unit(unitCode) is null) throw new NotFoundException($"Không có đơn vị \"{unitCode}\" trong kỳ {cycleId}.");
        return await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(cycleId, unitCode)).GetRollUpAsync();
    }

    public async Task<ScorecardView> ScorecardAsync(string cycleId, string unitCode)
    {
        var cycle = await CycleAsync(cycleId);
        if (cycle.GroupOf(unitCode) is null) throw new NotFoundException($"Đơn vị \"{unitCode}\" không được đánh giá trong kỳ {cycleId}.");
        return await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycleId, unitCode)).GetAsync();
    }

    /// <summary>The unit's line in its group's ranking.</summary>
    public async Task<ResultLine> LineAsync(string cycleId, string unitCode)
    {
        var cycle = await CycleAsync(cycleId);
        var group = cycle.GroupOf(unitCode) ?? throw new NotFoundException($"Đơn vị \"{unitCode}\" không được đánh giá trong kỳ {cycleId}.");
        return (await Ranking(cycleId, group).GetLinesAsync()).Single(l => l.UnitCode == unitCode);
    }

    /// <summary>Every scorecard of a group (for "where points were lost" and "self vs appraisal").</summary>
    public async Task<IReadOnlyList<ScorecardView>> ScorecardsAsync(string cycleId, string groupCode)
    {
        var cycle = await CycleAsync(cycleId);
        var group = GroupOf(cycle, groupCode);
        var cards = await Task.WhenAll(cycle.Members[group.Code].Select(u => grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycleId, u.Code)).GetAsync()));
        return cards;
    }

    /// <summary>The unit's result in every cycle that assessed it (its history).</summary>
    public async Task<IReadOnlyList<(CycleInfo Cycle, ResultLine Line)>> HistoryAsync(string unitCode, CancellationToken cancellationToken = default)
    {
        var history = new List<(CycleInfo, ResultLine)>();
        foreach (var info in await cycles.ListAsync(cancellationToken))
        {
            var cycle = await CycleAsync(info.Id);
            if (cycle.GroupOf(unitCode) is null) continue;
            history.Add((info, await LineAsync(info.Id, unitCode)));
        }
        return history;
    }

    private IRankingGrain Ranking(string cycleId, RankGroup group) =>
        grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(cycleId, group.AssessorCode, group.Code));
}
