using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Survey;

namespace ParIndex.Silo.Import;

/// <summary>Stores a cycle (cycle.json): frameworks, groups and their resolved members, and an empty scorecard per member.</summary>
public sealed class CycleImporter(IDbContextFactory<ParIndexDbContext> contexts, UnitImporter units)
{
    public async Task<int> ImportAsync(Cycle cycle, string fileName, CancellationToken cancellationToken = default)
    {
        var directory = await units.LoadDirectoryAsync(cancellationToken);
        IReadOnlyDictionary<string, IReadOnlyList<AdministrativeUnit>> members;
        try
        {
            members = cycle.Resolve(directory);
        }
        catch (DomainValidationException e)
        {
            throw new ImportRefusedException($"Không nhập tệp {fileName}: kỳ đánh giá {cycle.Id} có {e.Errors.Count} lỗi, không có gì được lưu.",
                e.Errors.Select(x => $"{fileName}: {x}").ToList());
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Cycles.AnyAsync(c => c.Id == cycle.Id, cancellationToken))
            throw new ImportRefusedException($"Không nhập tệp {fileName}: kỳ đánh giá {cycle.Id} đã có trong cơ sở dữ liệu.",
                [$"{fileName}: mã kỳ \"{cycle.Id}\" đã được dùng; hãy đặt mã khác cho kỳ mới."]);
        var now = DateTimeOffset.UtcNow;
        db.Cycles.Add(new CycleRow
        {
            Id = cycle.Id, Year = cycle.Year, Kind = cycle.Kind, Title = cycle.Title, ReferenceDate = cycle.ExplicitReferenceDate, SelfAssessmentDeadline = cycle.SelfAssessmentDeadline,
            PreviousCycles = string.Join(";", cycle.PreviousCycles), Status = CycleStatus.Open.ToString(), ImportedAt = now,
        });
        foreach (var framework in cycle.Frameworks)
        {
            db.Frameworks.Add(new FrameworkRow { CycleId = cycle.Id, Code = framework.Code, Title = framework.Title });
            db.FrameworkItems.AddRange(RowMapping.ToRows(cycle.Id, framework));
        }
        var ordinal = 0;
        foreach (var group in cycle.Groups) db.Groups.Add(RowMapping.ToRow(cycle.Id, ordinal++, group));
        ordinal = 0;
        foreach (var questionnaire in cycle.Questionnaires) db.Questionnaires.Add(QuestionnaireStorage.ToRow(cycle.Id, ordinal++, questionnaire));
        await db.SaveChangesAsync(cancellationToken);
        await AddMembersAsync(db, cycle, members, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return members.Values.Sum(m => m.Count);
    }

    /// <summary>
    /// Each group's members with an empty scorecard and its result, tens of thousands of rows for a country, written in
    /// bulk (through EF's change tracking they took seconds), each table in its key's order so its B-tree grows at its end.
    /// </summary>
    private static async Task AddMembersAsync(ParIndexDbContext db, Cycle cycle, IReadOnlyDictionary<string, IReadOnlyList<AdministrativeUnit>> members,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var byUnit = new List<(string Unit, RankGroup Group)>();
        await using (var writer = RowWriter.Create(db, BulkRows.GroupMemberInsert, "", 3))
        {
            foreach (var group in cycle.Groups.OrderBy(g => g.Code, StringComparer.Ordinal))
                foreach (var unit in members[group.Code].Select(u => u.Code).Order(StringComparer.Ordinal))
                {
                    await writer.AddAsync(BulkRows.Values(new GroupMemberRow { CycleId = cycle.Id, GroupCode = group.Code, UnitCode = unit }), cancellationToken);
                    byUnit.Add((unit, group));
                }
            await writer.FlushAsync(cancellationToken);
        }
        byUnit.Sort((a, b) => string.CompareOrdinal(a.Unit, b.Unit));
        await using (var writer = RowWriter.Create(db, BulkRows.ScorecardInsert, "", 9))
        {
            foreach (var (unit, group) in byUnit)
                await writer.AddAsync(BulkRows.Values(new ScorecardRow { CycleId = cycle.Id, UnitCode = unit, GroupCode = group.Code, Version = 1, UpdatedAt = now }), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        await using (var writer = RowWriter.Create(db, BulkRows.ResultInsert, "", BulkRows.ResultColumns))
        {
            // Nothing is entered yet, so every member of a group has the same result (the unit only labels it): computed once a group.
            var empty = new Dictionary<string, ResultRow>(StringComparer.Ordinal);
            foreach (var (unit, group) in byUnit)
            {
                if (!empty.TryGetValue(group.Code, out var result))
                {
                    empty[group.Code] = result = new ResultRow { CycleId = cycle.Id, UnitCode = unit, GroupCode = group.Code };
                    RowMapping.CopyTo(ScoringPolicy.Compute(new Scorecard(unit, cycle.FrameworkOf(group)), group.Scoring), result, now);
                }
                result.UnitCode = unit;
                await writer.AddAsync(BulkRows.Values(result), cancellationToken);
            }
            await writer.FlushAsync(cancellationToken);
        }
    }
}
