using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Survey;

namespace ParIndex.Silo.Persistence;

/// <summary>Loads a cycle's definition (frameworks, groups, members and the units valid on its reference date), and stores its deadline.</summary>
public sealed class EfCycleStore(IDbContextFactory<ParIndexDbContext> contexts, TimeProvider clock, ILogger<EfCycleStore> logger) : ICycleStore
{
    /// <summary>The audit's unit and item for a change that concerns the whole cycle.</summary>
    public const string WholeCycle = "*";

    /// <summary>
    /// Opening a cycle: its self-assessment deadline, which cycle.json may give and the province may set or change later
    /// (through the cycle grain, which holds the definition). Written with an audit row for the whole cycle (unit and
    /// item "*", kind "deadline", old → new) and a log line. Called by the cycle grain only, which then holds the new deadline.
    /// </summary>
    public async Task<DateOnly?> SetSelfAssessmentDeadlineAsync(string cycleId, DateOnly deadline, string user, CancellationToken cancellationToken)
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
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Cycle {Cycle}: self-assessment deadline {Previous} → {Deadline}, set by {User}.", cycleId, Iso(previous) ?? "none", Iso(deadline), user);
        return previous;
    }

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);


    public async Task<IReadOnlyList<CycleInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await db.Cycles.AsNoTracking().ToListAsync(cancellationToken))
            .OrderByDescending(c => c.Year).ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new CycleInfo(c.Id, c.Year, c.Kind, c.Title, c.Status)).ToList();
    }

    public async Task<CycleDefinition?> LoadAsync(string cycleId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Cycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (row is null) return null;

        var items = await db.FrameworkItems.AsNoTracking().Where(i => i.CycleId == cycleId).ToListAsync(cancellationToken);
        var frameworks = (await db.Frameworks.AsNoTracking().Where(f => f.CycleId == cycleId).ToListAsync(cancellationToken))
            .Select(f => RowMapping.ToFramework(f, items.Where(i => i.FrameworkCode == f.Code))).ToList();
        var groups = (await db.Groups.AsNoTracking().Where(g => g.CycleId == cycleId).ToListAsync(cancellationToken))
            .OrderBy(g => g.Ordinal).Select(RowMapping.ToGroup).ToList();
        var questionnaires = (await db.Questionnaires.AsNoTracking().Where(q => q.CycleId == cycleId).ToListAsync(cancellationToken))
            .OrderBy(q => q.Ordinal).Select(QuestionnaireStorage.FromRow).ToList();
        var cycle = new Cycle
        {
            Id = row.Id, Year = row.Year, Kind = row.Kind, Title = row.Title, ExplicitReferenceDate = row.ReferenceDate, SelfAssessmentDeadline = row.SelfAssessmentDeadline,
            PreviousCycles = RowMapping.Split(row.PreviousCycles).ToList(), Frameworks = frameworks, Groups = groups, Questionnaires = questionnaires,
        };

        var on = cycle.ReferenceDate;
        var units = new UnitDirectory((await db.Units.AsNoTracking()
                .Where(u => (u.ValidFrom == null || u.ValidFrom <= on) && (u.ValidTo == null || u.ValidTo >= on))
                .ToListAsync(cancellationToken))
            .Select(RowMapping.ToUnit));
        var members = (await db.GroupMembers.AsNoTracking().Where(m => m.CycleId == cycleId).ToListAsync(cancellationToken))
            .GroupBy(m => m.GroupCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<AdministrativeUnit>)g.Select(m => units.Resolve(m.UnitCode, on)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
        foreach (var group in groups.Where(g => !members.ContainsKey(g.Code))) members[group.Code] = [];
        return new CycleDefinition(cycle, units, members, Enum.Parse<CycleStatus>(row.Status));
    }
}
