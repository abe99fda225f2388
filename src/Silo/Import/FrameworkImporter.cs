using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Import;

/// <summary>The framework a group uses, and every group of the cycle that shares it (a framework belongs to the cycle, not to one group).</summary>
public sealed record FrameworkTarget(CycleDefinition Definition, RankGroup Group, Framework Framework, IReadOnlyList<RankGroup> Sharing);

/// <summary>
/// Replaces the framework of a cycle being prepared with one read from a workbook (FrameworkXlsx): refused whole while any group
/// using it has a score, evidence or a publication, or when the cycle's own rules (tie-breakers, questionnaires) no longer fit; then
/// the items and the members' empty results are written in one transaction and the grains holding the old framework read it again.
/// </summary>
public sealed class FrameworkImporter(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, IGrainFactory grains, GrainRefresh refresh)
{
    /// <exception cref="ImportRefusedException">No such cycle or group.</exception>
    public static async Task<FrameworkTarget> FindAsync(ICycleStore cycles, string cycleId, string groupCode, CancellationToken cancellationToken)
    {
        var definition = await cycles.LoadAsync(cycleId, cancellationToken)
            ?? throw new ImportRefusedException($"Không có kỳ đánh giá \"{cycleId}\".", ["Hãy nhập kỳ đánh giá (import cycle) trước."]);
        var group = definition.Cycle.FindGroup(groupCode)
            ?? throw new ImportRefusedException($"Kỳ {cycleId} không có nhóm xếp hạng \"{groupCode}\".",
                [$"Các nhóm của kỳ: {string.Join(", ", definition.Cycle.Groups.Select(g => g.Code))}."]);
        var sharing = definition.Cycle.Groups.Where(g => g.FrameworkCode == group.FrameworkCode).ToList();
        return new FrameworkTarget(definition, group, definition.Cycle.FrameworkOf(group), sharing);
    }

    public Task<FrameworkTarget> FindAsync(string cycleId, string groupCode, CancellationToken cancellationToken = default) =>
        FindAsync(cycles, cycleId, groupCode, cancellationToken);

    /// <summary>Reads the workbook for that group's framework (its code and title kept) and stores it; returns the groups it now serves.</summary>
    /// <exception cref="ImportRefusedException">Every problem, file rows first; nothing was stored.</exception>
    public async Task<FrameworkTarget> ImportAsync(string cycleId, string groupCode, Stream workbook, string fileName, CancellationToken cancellationToken = default)
    {
        var target = await FindAsync(cycleId, groupCode, cancellationToken);
        var read = FrameworkXlsx.Read(workbook, fileName, target.Framework.Code, target.Framework.Title);
        if (!read.IsValid)
            throw new ImportRefusedException($"Không nhập bộ tiêu chí: tệp {fileName} có {read.Problems.Count} lỗi; không có gì được lưu.",
                read.Problems.Select(p => p.ToString()).ToList());
        return await ImportAsync(target, read.Value, fileName, cancellationToken);
    }

    /// <summary>Stores a framework already read for the target (its code and title); returns the target with it.</summary>
    /// <exception cref="ImportRefusedException">The cycle's rules no longer fit, or a group using it has started; nothing was stored.</exception>
    public async Task<FrameworkTarget> ImportAsync(FrameworkTarget target, Framework framework, string fileName, CancellationToken cancellationToken)
    {
        var cycle = target.Definition.Cycle;
        var updated = cycle with { Frameworks = cycle.Frameworks.Select(f => f.Code == framework.Code ? framework : f).ToList() };
        var groupNames = string.Join(", ", target.Sharing.Select(g => g.Code));
        var errors = target.Sharing.SelectMany(g => g.Check(framework))
            .Concat(updated.Questionnaires.Where(q => target.Sharing.Any(g => g.Code == q.GroupCode)).SelectMany(q => q.Check(updated)))
            .Select(e => $"{fileName}: {e}").ToList();
        if (errors.Count > 0)
            throw new ImportRefusedException($"Không nhập bộ tiêu chí từ {fileName}: {errors.Count} lỗi với nhóm {groupNames} của kỳ {cycle.Id}; không có gì được lưu.", errors);

        var members = target.Sharing.ToDictionary(g => g.Code, g => target.Definition.Members.GetValueOrDefault(g.Code) ?? []);
        var units = members.Values.SelectMany(m => m).Select(u => u.Code).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RefuseWhenStartedAsync(db, cycle.Id, target, units, groupNames, cancellationToken);

        await db.FrameworkItems.Where(i => i.CycleId == cycle.Id && i.FrameworkCode == framework.Code).ExecuteDeleteAsync(cancellationToken);
        db.FrameworkItems.AddRange(RowMapping.ToRows(cycle.Id, framework));
        var now = DateTimeOffset.UtcNow;
        var results = await db.Results.Where(r => r.CycleId == cycle.Id && units.Contains(r.UnitCode)).ToDictionaryAsync(r => r.UnitCode, cancellationToken);
        foreach (var group in target.Sharing)
            foreach (var unit in members[group.Code])
                if (results.TryGetValue(unit.Code, out var row))
                    RowMapping.CopyTo(ScoringPolicy.Compute(new Scorecard(unit.Code, framework), group.Scoring), row, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Not cancelled: the import has committed. The cycle grain first, so scorecards that activate again read the new framework.
        await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycle.Id)).ReloadAsync();
        await refresh.AfterImportAsync(cycle.Id, units);
        return target with { Framework = framework };
    }

    /// <summary>A framework changes only while its cycle is being prepared: no group using it has a value, evidence or a decision.</summary>
    private static async Task RefuseWhenStartedAsync(ParIndexDbContext db, string cycleId, FrameworkTarget target, List<string> units, string groupNames, CancellationToken cancellationToken)
    {
        var groups = target.Sharing.Select(g => g.Code).ToList();
        var scored = await db.ItemValues.Where(v => v.CycleId == cycleId && units.Contains(v.UnitCode)).Select(v => v.UnitCode).Distinct().ToListAsync(cancellationToken);
        var evidence = await db.Evidence.Where(e => e.CycleId == cycleId && units.Contains(e.UnitCode)).Select(e => e.UnitCode).Distinct().ToListAsync(cancellationToken);
        var published = await db.Publications.Where(p => p.CycleId == cycleId && groups.Contains(p.GroupCode)).Select(p => p.GroupCode).Distinct().ToListAsync(cancellationToken);
        var problems = new List<string>();
        if (scored.Count > 0) problems.Add($"{scored.Count} đơn vị đã có điểm, ví dụ {string.Join(", ", scored.Order(StringComparer.Ordinal).Take(5))}.");
        if (evidence.Count > 0) problems.Add($"{evidence.Count} đơn vị đã có tài liệu kiểm chứng, ví dụ {string.Join(", ", evidence.Order(StringComparer.Ordinal).Take(5))}.");
        if (published.Count > 0) problems.Add($"Nhóm {string.Join(", ", published)} đã được công bố.");
        if (problems.Count > 0)
            throw new ImportRefusedException(
                $"Không nhập bộ tiêu chí: kỳ {cycleId} không còn ở giai đoạn chuẩn bị — bộ tiêu chí {target.Framework.Code} (nhóm {groupNames}) đã được dùng để chấm điểm; " +
                "chỉ thay được bộ tiêu chí khi chưa có điểm nào. Không có gì được lưu.", problems);
    }
}
