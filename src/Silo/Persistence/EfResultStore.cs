using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Persistence;

public sealed class EfResultStore(IDbContextFactory<ParIndexDbContext> contexts, GroupCommitWriter writer, ILogger<EfResultStore> logger) : IResultStore
{
    // Compiled once: every ranking asks both when it activates, 1,513 of them for the country, and building and looking up
    // the LINQ expression each time was a third of EF Core's part of it. Per store, not static: a compiled query keeps the
    // model it first ran with, and one process may hold nodes on SQLite and on PostgreSQL (the tests do).
    private readonly Func<ParIndexDbContext, string, string, IAsyncEnumerable<ResultRow>> GroupRows = EF.CompileAsyncQuery(
        (ParIndexDbContext db, string cycleId, string groupCode) => db.Results.AsNoTracking().Where(r => r.CycleId == cycleId && r.GroupCode == groupCode));

    private readonly Func<ParIndexDbContext, string, string, CancellationToken, Task<int?>> LatestVersion = EF.CompileAsyncQuery(
        (ParIndexDbContext db, string cycleId, string groupCode, CancellationToken _) =>
            db.Publications.Where(p => p.CycleId == cycleId && p.GroupCode == groupCode).Max(p => (int?)p.Version));

    public async Task<IReadOnlyList<UnitResult>> LoadGroupAsync(string cycleId, string groupCode, Framework framework, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var results = new List<UnitResult>();
        await foreach (var row in GroupRows(db, cycleId, groupCode).WithCancellation(cancellationToken)) results.Add(RowMapping.ToResult(row, framework));
        return results;
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
        return await LatestVersion(db, cycleId, groupCode, cancellationToken) ?? 1;
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
