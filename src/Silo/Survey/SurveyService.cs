using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Survey;

/// <summary>A link just made: its code (shown once: only its hash is kept), for which unit and questionnaire.</summary>
public sealed record IssuedLink(string Code, string UnitCode, string UnitName, string Questionnaire);

/// <summary>
/// Runs a cycle's survey round: questionnaires (edited only while the round is a draft), opening and
/// closing, quotas, and one-time links. The rules are SurveyRoundPolicy's; this class moves rows.
/// </summary>
public sealed class SurveyService(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, IGrainFactory grains, TimeProvider clock)
{
    public const int MaxLinksPerUnit = 500;

    public async Task<SurveyRound> RoundAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await RoundAsync(db, cycleId, cancellationToken);
    }

    /// <summary>Adds or replaces a questionnaire; refused once the round has opened, or when it does not fit the cycle.</summary>
    public async Task SaveQuestionnaireAsync(string cycleId, Questionnaire questionnaire, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureDraftAsync(db, cycleId, cancellationToken);
        var problems = questionnaire.Check(cycle.Cycle).ToList();
        if (problems.Count > 0) throw new DomainValidationException($"Không lưu phiếu {questionnaire.Code}:", problems);

        var row = await db.Questionnaires.FirstOrDefaultAsync(q => q.CycleId == cycleId && q.Code == questionnaire.Code, cancellationToken);
        var ordinal = row?.Ordinal ?? 1 + (await db.Questionnaires.Where(q => q.CycleId == cycleId).Select(q => (int?)q.Ordinal).MaxAsync(cancellationToken) ?? -1);
        var next = QuestionnaireStorage.ToRow(cycleId, ordinal, questionnaire);
        if (row is null) db.Questionnaires.Add(next);
        else { row.GroupCode = next.GroupCode; row.Definition = next.Definition; }
        await db.SaveChangesAsync(cancellationToken);
        await CommitCycleChangeAsync(db, transaction, cycleId, cancellationToken);
    }

    public async Task DeleteQuestionnaireAsync(string cycleId, string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureDraftAsync(db, cycleId, cancellationToken);
        if (await db.Questionnaires.Where(q => q.CycleId == cycleId && q.Code == code).ExecuteDeleteAsync(cancellationToken) == 0)
            throw new NotFoundException($"Kỳ {cycleId} không có phiếu điều tra \"{code}\".");
        await db.SurveyQuotas.Where(q => q.CycleId == cycleId && q.Questionnaire == code).ExecuteDeleteAsync(cancellationToken);
        await db.SurveyLinks.Where(l => l.CycleId == cycleId && l.Questionnaire == code).ExecuteDeleteAsync(cancellationToken);
        await CommitCycleChangeAsync(db, transaction, cycleId, cancellationToken);
    }

    /// <summary>
    /// The cycle's definition changed (its questionnaires): the cycle grain holds it, so it reads it again after the commit.
    /// </summary>
    private async Task CommitCycleChangeAsync(ParIndexDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, string cycleId,
        CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).ReloadAsync();
    }

    public async Task<SurveyRound> OpenAsync(string cycleId, DateOnly? closesOn, int minimumAnswers, string user, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId, cancellationToken);
        if (cycle.Cycle.Questionnaires.Count == 0) throw new DomainException($"Kỳ {cycleId} chưa có phiếu điều tra nào; hãy tạo phiếu trước khi mở đợt điều tra.");
        return await ChangeRoundAsync(cycleId, user, round => SurveyRoundPolicy.Open(round, Today, closesOn, minimumAnswers), cancellationToken);
    }

    public Task<SurveyRound> CloseAsync(string cycleId, string user, CancellationToken cancellationToken = default) =>
        ChangeRoundAsync(cycleId, user, SurveyRoundPolicy.Close, cancellationToken);

    /// <summary>Sets a unit's quota for a questionnaire (the questionnaire's own quota otherwise).</summary>
    public async Task SetQuotaAsync(string cycleId, string questionnaireCode, string unitCode, int target, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId, cancellationToken);
        var questionnaire = Find(cycle, questionnaireCode);
        if (target < 0) throw new DomainException($"Chỉ tiêu {target} âm: phải từ 0 trở lên.");
        CheckUnit(cycle, questionnaire, unitCode);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SurveyQuotas.FirstOrDefaultAsync(q => q.CycleId == cycleId && q.Questionnaire == questionnaireCode && q.UnitCode == unitCode, cancellationToken);
        if (row is null) db.SurveyQuotas.Add(new SurveyQuotaRow { CycleId = cycleId, Questionnaire = questionnaireCode, UnitCode = unitCode, Target = target });
        else row.Target = target;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Makes <paramref name="perUnit"/> one-time links for each unit; the codes are returned once and only their hashes stored.</summary>
    public async Task<IReadOnlyList<IssuedLink>> GenerateLinksAsync(string cycleId, string questionnaireCode, IReadOnlyList<string> unitCodes, int perUnit, string user,
        CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId, cancellationToken);
        var questionnaire = Find(cycle, questionnaireCode);
        if (perUnit is < 1 or > MaxLinksPerUnit) throw new DomainException($"Số đường dẫn mỗi đơn vị phải từ 1 đến {MaxLinksPerUnit} (đã nhập {perUnit}).");
        if (unitCodes.Count == 0) throw new DomainException("Chưa chọn đơn vị nào.");
        foreach (var unit in unitCodes) CheckUnit(cycle, questionnaire, unit);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if ((await RoundAsync(db, cycleId, cancellationToken)).Status == SurveyRoundStatus.Closed)
            throw new DomainException("Đợt điều tra đã đóng; không tạo thêm đường dẫn.");

        var now = clock.GetUtcNow();
        var issued = new List<IssuedLink>();
        foreach (var unit in unitCodes.Distinct())
            for (var i = 0; i < perUnit; i++)
            {
                var code = SurveyCodes.New();
                db.SurveyLinks.Add(new SurveyLinkRow
                {
                    CycleId = cycleId, TokenHash = SurveyCodes.Hash(SurveyCodes.Normalize(code)!), Questionnaire = questionnaire.Code, UnitCode = unit,
                    CreatedAt = now, CreatedBy = user,
                });
                issued.Add(new IssuedLink(code, unit, cycle.NameOf(unit), questionnaire.Code));
            }
        await db.SaveChangesAsync(cancellationToken);
        return issued;
    }

    internal static async Task<SurveyRound> RoundAsync(ParIndexDbContext db, string cycleId, CancellationToken cancellationToken) =>
        ToRound(cycleId, await db.SurveyRounds.AsNoTracking().FirstOrDefaultAsync(r => r.CycleId == cycleId, cancellationToken));

    private static SurveyRound ToRound(string cycleId, SurveyRoundRow? row) => row is null ? SurveyRound.Initial(cycleId)
        : new SurveyRound(cycleId, Enum.Parse<SurveyRoundStatus>(row.Status), row.ClosesOn, row.MinimumAnswers);

    private async Task<SurveyRound> ChangeRoundAsync(string cycleId, string user, Func<SurveyRound, SurveyRound> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.SurveyRounds.FirstOrDefaultAsync(r => r.CycleId == cycleId, cancellationToken);
        var before = ToRound(cycleId, row);
        var after = change(before);
        if (row is null) db.SurveyRounds.Add(row = new SurveyRoundRow { CycleId = cycleId });
        row.Status = after.Status.ToString();
        row.ClosesOn = after.ClosesOn;
        row.MinimumAnswers = after.MinimumAnswers;
        row.UpdatedBy = user;
        if (after.Status == SurveyRoundStatus.Open && before.Status != SurveyRoundStatus.Open) row.OpenedAt = clock.GetUtcNow();
        if (after.Status == SurveyRoundStatus.Closed) row.ClosedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return after;
    }

    private static async Task EnsureDraftAsync(ParIndexDbContext db, string cycleId, CancellationToken cancellationToken)
    {
        var round = await RoundAsync(db, cycleId, cancellationToken);
        if (SurveyRoundPolicy.CheckEditQuestionnaires(round) is { } refusal) throw new DomainException(refusal);
    }

    private static Questionnaire Find(CycleDefinition cycle, string code) =>
        cycle.Cycle.FindQuestionnaire(code) ?? throw new NotFoundException($"Kỳ {cycle.Cycle.Id} không có phiếu điều tra \"{code}\".");

    private static void CheckUnit(CycleDefinition cycle, Questionnaire questionnaire, string unitCode)
    {
        if (cycle.GroupOf(unitCode)?.Code != questionnaire.GroupCode)
            throw new DomainException($"Đơn vị {unitCode} không thuộc nhóm {questionnaire.GroupCode} mà phiếu {questionnaire.Code} đánh giá.");
    }

    private async Task<CycleDefinition> CycleAsync(string cycleId, CancellationToken cancellationToken) =>
        await cycles.LoadAsync(cycleId, cancellationToken) ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycleId}\".");

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
