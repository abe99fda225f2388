using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Workflow;

/// <summary>
/// The publications table, written for the group's ranking grain only: a publication keeps the grain's lines as version 1
/// and freezes the members' scorecards; an adjustment applies its values through the score importer and keeps the next
/// version with the lines as they stand in that transaction. Each is one transaction.
/// </summary>
public sealed class EfPublicationStore(IDbContextFactory<ParIndexDbContext> contexts, IResultStore results, ScoreImporter importer)
    : IPublicationStore
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The lines a publication kept, as they were published.</summary>
    internal static List<ResultLine> LinesOf(PublicationRow row) => JsonSerializer.Deserialize<List<ResultLine>>(row.Snapshot, Json) ?? [];

    public async Task<IReadOnlyList<PublicationEntry>> LoadDecisionsAsync(string cycleId, string groupCode, CancellationToken cancellationToken) =>
        await new WorkflowQueries(contexts).PublicationsAsync(cycleId, groupCode, cancellationToken);

    public async Task<IReadOnlySet<string>> LoadPublishedGroupsAsync(string cycleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Publications.AsNoTracking().Where(p => p.CycleId == cycleId).Select(p => p.GroupCode).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task PublishAsync(string cycleId, string groupCode, IReadOnlyList<ResultLine> lines, Decision decision, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Publications.AnyAsync(p => p.CycleId == cycleId && p.GroupCode == groupCode, cancellationToken))
            throw new DomainException($"Nhóm {groupCode} của kỳ {cycleId} đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh (lệnh adjust).");
        db.Publications.Add(Row(cycleId, groupCode, 1, "publish", decision, user, lines));
        await db.Scorecards.Where(s => s.CycleId == cycleId && s.GroupCode == groupCode)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, nameof(ScorecardStatus.Published)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Adjusted> AdjustAsync(string cycleId, string groupCode, IReadOnlyList<ScoreEntry> entries, Decision decision, string user, CancellationToken cancellationToken)
    {
        var version = 0;
        var units = await importer.ApplyAsync(cycleId, entries, user, $"adjust {decision.Number}", null, async (db, cycle, changed) =>
        {
            var group = cycle.Cycle.FindGroup(groupCode) ?? throw new NotFoundException($"Kỳ {cycleId} không có nhóm xếp hạng \"{groupCode}\".");
            var outside = changed.Where(u => cycle.GroupOf(u)?.Code != groupCode).ToList();
            if (outside.Count > 0)
                throw new ImportRefusedException($"Không điều chỉnh: {outside.Count} đơn vị không thuộc nhóm {groupCode}; không có gì thay đổi.",
                    outside.Select(u => $"Đơn vị {u} không thuộc nhóm {groupCode}.").ToList());
            version = 1 + await db.Publications.Where(p => p.CycleId == cycleId && p.GroupCode == groupCode).MaxAsync(p => p.Version, cancellationToken);
            db.Publications.Add(Row(cycleId, groupCode, version, "adjust", decision, user, await LinesAsync(db, cycle, group, version, cancellationToken)));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return new Adjusted(version, units);
    }

    /// <summary>The group's lines from the stored results as they stand in this transaction.</summary>
    private async Task<IReadOnlyList<ResultLine>> LinesAsync(ParIndexDbContext db, CycleDefinition cycle, RankGroup group, int version, CancellationToken cancellationToken)
    {
        var stored = await db.Results.AsNoTracking().Where(r => r.CycleId == cycle.Cycle.Id && r.GroupCode == group.Code).ToListAsync(cancellationToken);
        var ranking = RankingPolicy.Rank(stored.Select(r => RowMapping.ToResult(r, cycle.Cycle.FrameworkOf(group))), group);
        var previous = await results.LoadStandingsAsync(cycle.Cycle.PreviousCycles, cycle.StandingsNeededBy(group.Code), cancellationToken);
        return ResultLines.From(cycle, group, ranking, previous, version);
    }

    private static PublicationRow Row(string cycleId, string groupCode, int version, string kind, Decision decision, string user, IReadOnlyList<ResultLine> lines) => new()
    {
        CycleId = cycleId, GroupCode = groupCode, Version = version, Kind = kind, Decision = decision.Number, DecisionDate = decision.Date,
        Signer = decision.Signer, Reason = decision.Reason, User = user, At = DateTimeOffset.UtcNow, Snapshot = JsonSerializer.Serialize(lines, Json),
    };
}
