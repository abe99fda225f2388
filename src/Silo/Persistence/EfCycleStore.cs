using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Survey;

namespace ParIndex.Silo.Persistence;

/// <summary>Loads a cycle's definition: frameworks, groups, members and the units valid on its reference date.</summary>
public sealed class EfCycleStore(IDbContextFactory<ParIndexDbContext> contexts) : ICycleStore
{
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
