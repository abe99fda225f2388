using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Persistence;

public sealed class EfResultStore(IDbContextFactory<ParIndexDbContext> contexts) : IResultStore
{
    public async Task<IReadOnlyList<UnitResult>> LoadGroupAsync(string cycleId, string groupCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Results.AsNoTracking().Where(r => r.CycleId == cycleId && r.GroupCode == groupCode).ToListAsync(cancellationToken);
        return rows.Select(RowMapping.ToResult).ToList();
    }

    public async Task<IReadOnlyDictionary<string, PreviousStanding>> LoadStandingsAsync(IReadOnlyList<string> cycleIds, CancellationToken cancellationToken)
    {
        var standings = new Dictionary<string, PreviousStanding>(StringComparer.Ordinal);
        if (cycleIds.Count == 0) return standings;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var cycleId in cycleIds)
        {
            var rows = await db.Results.AsNoTracking().Where(r => r.CycleId == cycleId)
                .Select(r => new { r.UnitCode, r.Index, r.Rank }).ToListAsync(cancellationToken);
            foreach (var r in rows) standings.TryAdd(r.UnitCode, new PreviousStanding(r.Index, r.Rank));
        }
        return standings;
    }

    public async Task<int> LoadVersionAsync(string cycleId, string groupCode, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Publications.Where(p => p.CycleId == cycleId && p.GroupCode == groupCode)
            .Select(p => (int?)p.Version).MaxAsync(cancellationToken) ?? 1;
    }

    public async Task SaveRanksAsync(string cycleId, IReadOnlyDictionary<string, int?> ranks, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var (unit, rank) in ranks)
            await db.Results.Where(r => r.CycleId == cycleId && r.UnitCode == unit)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Rank, rank), cancellationToken);
    }
}
