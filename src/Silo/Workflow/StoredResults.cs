using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Implementation;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Workflow;

/// <summary>
/// Results as stored, read without a grain: what a command that only reads needs (`results`), so that it starts no silo,
/// and the published versions, which never change once kept. The current lines are the ranking grain's, rebuilt the way
/// it rebuilds them on activation: the stored results ranked by the domain's rules.
/// </summary>
public sealed class StoredResults(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, IResultStore results)
{
    /// <summary>Every requested group's current lines.</summary>
    /// <exception cref="NotFoundException">No such cycle.</exception>
    /// <exception cref="DomainException">No such group in the cycle.</exception>
    public async Task<IReadOnlyList<ResultLine>> LinesAsync(string cycleId, string? groupCode, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId, cancellationToken);
        var groups = cycle.Cycle.Groups.Where(g => groupCode is null || g.Code == groupCode).ToList();
        if (groups.Count == 0)
            throw new DomainException($"Kỳ {cycleId} không có nhóm xếp hạng \"{groupCode}\" (có: {string.Join(", ", cycle.Cycle.Groups.Select(g => g.Code))}).");
        var previous = await results.LoadStandingsAsync(cycle.Cycle.PreviousCycles, units: null, cancellationToken);
        var lines = new List<ResultLine>();
        foreach (var group in groups)
        {
            var ranking = RankingPolicy.Rank(await GroupResults.LoadAsync(results, cycle, group, cancellationToken), group);
            lines.AddRange(ResultLines.From(cycle, group, ranking, previous, await results.LoadVersionAsync(cycleId, group.Code, cancellationToken)));
        }
        return lines;
    }

    /// <summary>A published version as it was; null when the group has no such version.</summary>
    public async Task<IReadOnlyList<ResultLine>?> VersionAsync(string cycleId, string groupCode, int version, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Publications.AsNoTracking().FirstOrDefaultAsync(p => p.CycleId == cycleId && p.GroupCode == groupCode && p.Version == version, cancellationToken);
        return row is null ? null : EfPublicationStore.LinesOf(row);
    }

    /// <summary>Every member's values (unit code → item code → values), as the scorecard grains would load them; a member without any has none.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, ItemValues>>> ScorecardValuesAsync(CycleDefinition cycle, RankGroup group, CancellationToken cancellationToken)
    {
        var cycleId = cycle.Cycle.Id;
        var members = cycle.Members[group.Code].Select(u => u.Code).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ItemValues.AsNoTracking().Where(v => v.CycleId == cycleId && members.Contains(v.UnitCode)).ToListAsync(cancellationToken);
        var byUnit = rows.ToLookup(r => r.UnitCode, StringComparer.Ordinal);
        return members.ToDictionary(u => u,
            u => (IReadOnlyDictionary<string, ItemValues>)byUnit[u].ToDictionary(r => r.ItemCode, RowMapping.ToValues, StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public async Task<CycleDefinition> CycleAsync(string cycleId, CancellationToken cancellationToken) =>
        await cycles.LoadAsync(cycleId, cancellationToken) ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycleId}\".");
}
