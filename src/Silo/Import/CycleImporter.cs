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
        foreach (var group in cycle.Groups)
        {
            db.Groups.Add(RowMapping.ToRow(cycle.Id, ordinal++, group));
            var framework = cycle.FrameworkOf(group);
            foreach (var unit in members[group.Code])
            {
                db.GroupMembers.Add(new GroupMemberRow { CycleId = cycle.Id, GroupCode = group.Code, UnitCode = unit.Code });
                db.Scorecards.Add(new ScorecardRow { CycleId = cycle.Id, UnitCode = unit.Code, GroupCode = group.Code, Version = 1, UpdatedAt = now });
                var result = new ResultRow { CycleId = cycle.Id, UnitCode = unit.Code, GroupCode = group.Code };
                RowMapping.CopyTo(ScoringPolicy.Compute(new Scorecard(unit.Code, framework), group.Scoring), result, now);
                db.Results.Add(result);
            }
        }
        ordinal = 0;
        foreach (var questionnaire in cycle.Questionnaires) db.Questionnaires.Add(QuestionnaireStorage.ToRow(cycle.Id, ordinal++, questionnaire));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return members.Values.Sum(m => m.Count);
    }
}
