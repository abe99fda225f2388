using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Workflow;

/// <summary>A decision: its number, date, signer, and for an adjustment the reason.</summary>
public sealed record Decision(string Number, DateOnly Date, string? Signer = null, string? Reason = null);

/// <summary>
/// Publication (công bố) and adjustment (điều chỉnh) of a group's results. Publishing freezes every
/// scorecard of the group and keeps the published lines as version 1; an adjustment changes published
/// values, re-ranks, and keeps the next version, every earlier one still readable.
/// </summary>
public sealed class PublicationService(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, IResultStore results, ScoreImporter importer, NodeIdentity node)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Publishes one group, or every group of the cycle not yet published; returns the groups published.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string cycleId, string? groupCode, Decision decision, string user, CancellationToken cancellationToken = default)
    {
        var cycle = await LoadAsync(cycleId, cancellationToken);
        var groups = Targets(cycle, groupCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var done = await db.Publications.Where(p => p.CycleId == cycleId).Select(p => p.GroupCode).Distinct().ToListAsync(cancellationToken);
        if (groupCode is not null && done.Contains(groupCode))
            throw new DomainException($"Nhóm {groupCode} của kỳ {cycleId} đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh (lệnh adjust).");
        groups = groups.Where(g => !done.Contains(g.Code)).ToList();
        if (groups.Count == 0) throw new DomainException($"Mọi nhóm của kỳ {cycleId} đã được công bố.");

        var problems = new List<string>();
        var snapshots = new Dictionary<string, IReadOnlyList<ResultLine>>();
        foreach (var group in groups)
        {
            var lines = await LinesAsync(db, cycle, group, version: 1, cancellationToken);
            // An unappraised scorecard is not published: every counted value must be final.
            problems.AddRange(lines.Where(l => l.Provisional).Select(l => $"Nhóm {group.Code}: đơn vị {l.UnitCode} ({l.UnitName}) chưa thẩm định xong (kết quả tạm tính)."));
            snapshots[group.Code] = lines;
        }
        if (problems.Count > 0) throw new ImportRefusedException($"Không công bố: {problems.Count} đơn vị chưa thẩm định xong; không có gì thay đổi.", problems);

        foreach (var group in groups)
        {
            db.Publications.Add(Row(cycleId, group.Code, 1, "publish", decision, user, snapshots[group.Code]));
            await db.Scorecards.Where(s => s.CycleId == cycleId && s.GroupCode == group.Code)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, nameof(ScorecardStatus.Published)), cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        // Other nodes hold these scorecards in memory: on commit they hear it and reload them, so they refuse changes too.
        await ChangeFeed.NotifyAsync(db, node, groups.SelectMany(g => cycle.Members.GetValueOrDefault(g.Code) ?? [])
            .Select(u => GrainKeys.Scorecard(cycleId, u.Code)).ToList(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return groups.Select(g => g.Code).ToList();
    }

    /// <summary>Applies an adjustment decision's values to published scorecards; returns each affected group with its new version.</summary>
    public async Task<IReadOnlyDictionary<string, int>> AdjustAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, Decision decision, string user, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(decision.Reason)) throw new DomainException("Quyết định điều chỉnh phải có lý do (--reason).");
        var versions = new Dictionary<string, int>();
        await importer.ApplyAsync(cycleId, entries, user, $"adjust {decision.Number}", null, async (db, cycle, units) =>
        {
            foreach (var group in units.Select(u => cycle.GroupOf(u)!).DistinctBy(g => g.Code))
            {
                var version = 1 + await db.Publications.Where(p => p.CycleId == cycleId && p.GroupCode == group.Code).MaxAsync(p => p.Version, cancellationToken);
                db.Publications.Add(Row(cycleId, group.Code, version, "adjust", decision, user, await LinesAsync(db, cycle, group, version, cancellationToken)));
                versions[group.Code] = version;
            }
            await db.SaveChangesAsync(cancellationToken);
            // The other nodes' rankings hear of the new version on commit (the scorecards' values are notified by the import).
            await ChangeFeed.NotifyAsync(db, node, units.Select(u => cycle.GroupOf(u)!).DistinctBy(g => g.Code)
                .Select(g => GrainKeys.Ranking(cycleId, g.AssessorCode, g.Code)).ToList(), cancellationToken);
        }, cancellationToken);
        return versions;
    }

    /// <summary>A published version as it was; null when the group has no such version.</summary>
    public async Task<IReadOnlyList<ResultLine>?> VersionAsync(string cycleId, string groupCode, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == cycleId && p.GroupCode == groupCode && p.Version == version, cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<List<ResultLine>>(row.Snapshot, Json);
    }

    private async Task<CycleDefinition> LoadAsync(string cycleId, CancellationToken cancellationToken) =>
        await cycles.LoadAsync(cycleId, cancellationToken) ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycleId}\".");

    private static List<RankGroup> Targets(CycleDefinition cycle, string? groupCode) =>
        groupCode is null ? cycle.Cycle.Groups.ToList()
        : [cycle.Cycle.FindGroup(groupCode) ?? throw new NotFoundException($"Kỳ {cycle.Cycle.Id} không có nhóm xếp hạng \"{groupCode}\".")];

    /// <summary>The group's lines from the stored results as they stand in this transaction.</summary>
    private async Task<IReadOnlyList<ResultLine>> LinesAsync(ParIndexDbContext db, CycleDefinition cycle, RankGroup group, int version, CancellationToken cancellationToken)
    {
        var stored = await db.Results.AsNoTracking().Where(r => r.CycleId == cycle.Cycle.Id && r.GroupCode == group.Code).ToListAsync(cancellationToken);
        var ranking = RankingPolicy.Rank(stored.Select(RowMapping.ToResult), group);
        var previous = await results.LoadStandingsAsync(cycle.Cycle.PreviousCycles, cancellationToken);
        return ResultLines.From(cycle, group, ranking, previous, version);
    }

    private static PublicationRow Row(string cycleId, string groupCode, int version, string kind, Decision decision, string user, IReadOnlyList<ResultLine> lines) => new()
    {
        CycleId = cycleId, GroupCode = groupCode, Version = version, Kind = kind, Decision = decision.Number, DecisionDate = decision.Date,
        Signer = decision.Signer, Reason = decision.Reason, User = user, At = DateTimeOffset.UtcNow, Snapshot = JsonSerializer.Serialize(lines, Json),
    };
}
