using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Persistence;

public sealed class EfResultStore(IDbContextFactory<ParIndexDbContext> contexts, GroupCommitWriter writer, ILogger<EfResultStore> logger) : IResultStore
{
    public async Task<IReadOnlyList<UnitResult>> LoadGroupAsync(string cycleId, string groupCode, Framework framework, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Results.AsNoTracking().Where(r => r.CycleId == cycleId && r.GroupCode == groupCode).ToListAsync(cancellationToken);
        return rows.Select(r => RowMapping.ToResult(r, framework)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, PreviousStanding>> LoadStandingsAsync(IReadOnlyList<string> cycleIds, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        var standings = new Dictionary<string, PreviousStanding>(StringComparer.Ordinal);
        if (cycleIds.Count == 0) return standings;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var cycleId in cycleIds)
        {
            // A ranking asks for its members only: a country's every ranking reading every unit of each previous cycle
            // would be 20 k rows an activation.
            var inCycle = db.Results.AsNoTracking().Where(r => r.CycleId == cycleId);
            var rows = await (units is null ? inCycle : inCycle.Where(r => units.Contains(r.UnitCode)))
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

    /// <summary>
    /// Write-behind: queued for the next group commit, not awaited. Ranks are derived from the stored
    /// results, and a ranking grain saves its ranks again on activation, so a rank lost in a crash is
    /// put right the next time the group is loaded.
    /// </summary>
    public Task SaveRanksAsync(string cycleId, IReadOnlyDictionary<string, int?> ranks, CancellationToken cancellationToken)
    {
        writer.SaveRanksAsync(cycleId, ranks).ContinueWith(
            (failed, state) => ((ILogger)state!).LogError(failed.Exception, "Ranks of cycle {CycleId} were not saved.", cycleId),
            logger, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return Task.CompletedTask;
    }
}
