using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Workflow;

/// <summary>
/// Opening a cycle: its self-assessment deadline, which cycle.json may give and the province may set or
/// change later. The change is written with an audit row for the whole cycle (unit and item "*", kind
/// "deadline", old → new) and a log line. The grains cache the definition: the caller reloads this node's
/// cycle grain, and on PostgreSQL the change feed makes the other nodes reload theirs.
/// </summary>
public sealed class CycleSettingsService(IDbContextFactory<ParIndexDbContext> contexts, NodeIdentity node, TimeProvider clock, ILogger<CycleSettingsService> logger)
{
    /// <summary>The audit's unit and item for a change that concerns the whole cycle.</summary>
    public const string WholeCycle = "*";

    /// <summary>Sets the deadline; returns the one it replaces (null: there was none).</summary>
    public async Task<DateOnly?> SetSelfAssessmentDeadlineAsync(string cycleId, DateOnly deadline, string user, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cycle = await db.Cycles.FirstOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycleId}\".");
        var previous = cycle.SelfAssessmentDeadline;
        if (previous == deadline) return previous;
        cycle.SelfAssessmentDeadline = deadline;
        db.Audit.Add(new AuditRow
        {
            At = clock.GetUtcNow(), User = user, Origin = "web", CycleId = cycleId, UnitCode = WholeCycle, ItemCode = WholeCycle, Kind = "deadline",
            OldValue = Iso(previous), NewValue = Iso(deadline), Note = "Hạn tự đánh giá",
        });
        await db.SaveChangesAsync(cancellationToken);
        // On PostgreSQL the other nodes hear it on commit and reload their cycle grain.
        await ChangeFeed.NotifyAsync(db, node, [ChangeFeed.CycleKey(cycleId)], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Cycle {Cycle}: self-assessment deadline {Previous} → {Deadline}, set by {User}.", cycleId, Iso(previous) ?? "none", Iso(deadline), user);
        return previous;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
