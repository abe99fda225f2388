using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Workflow;

/// <summary>
/// Publication (công bố) and adjustment (điều chỉnh) of a group's results, as the web and the command line ask for them.
/// Each group's ranking grain does the work (it owns the group's publication); this class picks the groups and checks a
/// request that spans several of them whole before any is changed. Publishing freezes every scorecard of the group and
/// keeps the published lines as version 1; an adjustment changes published values, re-ranks, and keeps the next version,
/// every earlier one still readable.
/// </summary>
public sealed class PublicationService(IGrainFactory grains, ScoreImporter importer)
{
    /// <summary>Publishes one group, or every group of the cycle not yet published; returns the groups published.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string cycleId, string? groupCode, Decision decision, string user, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId);
        var groups = Targets(cycle, groupCode);
        if (groupCode is null)
        {
            var done = (await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetPublishedGroupsAsync()).Value;
            groups = groups.Where(g => !done.Contains(g.Code)).ToList();
            if (groups.Count == 0) throw new DomainException($"Mọi nhóm của kỳ {cycleId} đã được công bố.");
            // All or none: every group's members must be appraised before the first is published.
            var problems = new List<string>();
            foreach (var group in groups)
                problems.AddRange((await Ranking(cycleId, group).GetLinesAsync()).Where(l => l.Provisional)
                    .Select(l => $"Nhóm {group.Code}: đơn vị {l.UnitCode} ({l.UnitName}) chưa thẩm định xong (kết quả tạm tính)."));
            if (problems.Count > 0) throw new ImportRefusedException($"Không công bố: {problems.Count} đơn vị chưa thẩm định xong; không có gì thay đổi.", problems);
        }
        try
        {
            foreach (var group in groups) await Ranking(cycleId, group).PublishAsync(decision, user);
        }
        catch (DomainValidationException e)
        {
            throw new ImportRefusedException(e.Summary, e.Errors);
        }
        return groups.Select(g => g.Code).ToList();
    }

    /// <summary>Applies an adjustment decision's values to published scorecards; returns each affected group with its new version.</summary>
    public async Task<IReadOnlyDictionary<string, int>> AdjustAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, Decision decision, string user, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(decision.Reason)) throw new DomainException("Quyết định điều chỉnh phải có lý do (--reason).");
        var cycle = await CycleAsync(cycleId);
        var byGroup = entries.GroupBy(e => cycle.GroupOf(e.UnitCode)?.Code ?? "").ToList();
        // A decision over several groups (or naming a unit of none) is checked whole first: a bad value anywhere
        // is listed with every other, and every group stays as it was.
        if (byGroup.Count > 1 || byGroup.Any(g => g.Key == "")) await importer.CheckAsync(cycleId, entries, adjustment: true, cancellationToken);
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in byGroup)
            versions[group.Key] = (await Ranking(cycleId, cycle.Cycle.FindGroup(group.Key)!).AdjustAsync(group.ToList(), decision, user)).Version;
        return versions;
    }

    private IRankingGrain Ranking(string cycleId, RankGroup group) => grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(cycleId, group.AssessorCode, group.Code));

    private Task<CycleDefinition> CycleAsync(string cycleId) => grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();

    private static List<RankGroup> Targets(CycleDefinition cycle, string? groupCode) =>
        groupCode is null ? cycle.Cycle.Groups.ToList()
        : [cycle.Cycle.FindGroup(groupCode) ?? throw new NotFoundException($"Kỳ {cycle.Cycle.Id} không có nhóm xếp hạng \"{groupCode}\".")];
}
