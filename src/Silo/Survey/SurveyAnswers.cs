using Microsoft.EntityFrameworkCore;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Survey;

/// <summary>A one-time link as found from its code: what it is for, and why it cannot answer (null when it can).</summary>
public sealed record LinkLookup(int Id, CycleDefinition Cycle, Questionnaire Questionnaire, string UnitCode, SurveyRound Round, string? Refusal);

/// <summary>An answer of a paper questionnaire and where it was read (line of the file).</summary>
public sealed record PaperAnswer(int Line, SurveyAnswer Answer);

/// <summary>
/// Takes answers in (a one-time link, or paper answers from a file) and turns them into survey scores:
/// answers are stored in one transaction, then each unit's survey items are scored by SurveyScoring and
/// written through its scorecard grain, so the ranking and roll-ups move as answers arrive.
/// </summary>
public sealed class SurveyAnswers(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, IGrainFactory grains, TimeProvider clock)
{
    public const string SurveyUser = "điều tra XHH";

    /// <summary>The link of a code as typed; null when no link has that code (a forged or mistyped code).</summary>
    public async Task<LinkLookup?> FindAsync(string? typedCode, CancellationToken cancellationToken = default)
    {
        if (SurveyCodes.Normalize(typedCode) is not { } code) return null;
        var hash = SurveyCodes.Hash(code);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SurveyLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (row is null) return null;
        var cycle = await CycleAsync(row.CycleId);
        if (cycle.Cycle.FindQuestionnaire(row.Questionnaire) is not { } questionnaire) return null;
        var round = await SurveyService.RoundAsync(db, row.CycleId, cancellationToken);
        var published = (await PublishedAsync(db, row.CycleId, [row.UnitCode], cancellationToken)).Count > 0;
        var refusal = SurveyRoundPolicy.CheckAnswer(new SurveyLink(row.CycleId, row.Questionnaire, row.UnitCode, row.UsedAt, published), round, Today);
        return new LinkLookup(row.Id, cycle, questionnaire, row.UnitCode, round, refusal);
    }

    /// <summary>Stores one respondent's answers through a link, which is then used up; scores the unit.</summary>
    /// <exception cref="DomainException">The link cannot answer (unknown, used, round not open or over), or the scorecard is published.</exception>
    /// <exception cref="DomainValidationException">An answer is missing or not an option; nothing was stored.</exception>
    public async Task AnswerAsync(string? typedCode, IReadOnlyDictionary<string, string?> answers, CancellationToken cancellationToken = default)
    {
        var link = await FindAsync(typedCode, cancellationToken);
        if (link is null) throw new DomainException(SurveyRoundPolicy.CheckAnswer(null, null, Today)!);
        if (link.Refusal is { } refusal) throw new DomainException(refusal);
        var problems = SurveyRoundPolicy.CheckResponse(link.Questionnaire, answers);
        if (problems.Count > 0) throw new DomainValidationException("Phiếu chưa gửi được:", problems);

        var now = clock.GetUtcNow();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await EnsureNotPublishedAsync(db, link.Cycle.Cycle.Id, [link.UnitCode], cancellationToken);
            // Used up in the same statement that checks it is unused: two submissions at once cannot both pass.
            var taken = await db.SurveyLinks.Where(l => l.Id == link.Id && l.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
            if (taken == 0) throw new DomainException("Phiếu này vừa được trả lời; mỗi đường dẫn chỉ dùng được một lần.");
            db.SurveyAnswers.AddRange(link.Questionnaire.Questions.Select(q => new SurveyAnswerRow
            {
                CycleId = link.Cycle.Cycle.Id, RespondentId = $"link-{link.Id}", UnitCode = link.UnitCode, Questionnaire = link.Questionnaire.Code,
                QuestionCode = q.Code, OptionCode = answers[q.Code]!.Trim(), Origin = "link", At = now,
            }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        await RescoreAsync(link.Cycle.Cycle.Id, [link.UnitCode], cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Imports paper answers (answers.csv) in one transaction: every answer judged by the domain, a respondent who
    /// already answered that questionnaire about that unit refused, nothing stored on any error. Then scores the units.
    /// The rows are AnswersFile's, which has refused a question answered twice within the file (the database's
    /// unique index refuses any other).
    /// </summary>
    /// <returns>The units whose survey scores were recomputed.</returns>
    public async Task<IReadOnlyList<string>> ImportAsync(string cycleId, IReadOnlyList<PaperAnswer> rows, string fileName, string user,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.LoadAsync(cycleId, cancellationToken)
            ?? throw new ImportRefusedException($"Không có kỳ đánh giá \"{cycleId}\".", ["Hãy nhập kỳ đánh giá (import cycle) trước khi nhập phiếu điều tra."]);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var round = await SurveyService.RoundAsync(db, cycleId, cancellationToken);
        if (SurveyRoundPolicy.CheckImport(round) is { } closed) throw new ImportRefusedException($"Không nhập tệp {fileName}: {closed}", [$"{fileName}: {closed}"]);

        var problems = new List<string>();
        string At(PaperAnswer r) => $"{fileName}:{r.Line}: đơn vị {r.Answer.UnitCode}";
        foreach (var r in rows)
            if (SurveyAnswerRules.Check(cycle.Cycle, cycle.GroupOf, r.Answer) is { } problem) problems.Add($"{At(r)}: {problem}");
        var units = rows.Select(r => r.Answer.UnitCode).Distinct().ToList();
        var answered = (await db.SurveyAnswers.AsNoTracking().Where(a => a.CycleId == cycleId)
                .Select(a => new { a.RespondentId, a.UnitCode, a.Questionnaire }).Distinct().ToListAsync(cancellationToken))
            .Select(a => (a.RespondentId, a.UnitCode, a.Questionnaire)).ToHashSet();
        foreach (var r in rows.Where(r => answered.Contains((r.Answer.RespondentId, r.Answer.UnitCode, r.Answer.Questionnaire))).DistinctBy(r => (r.Answer.RespondentId, r.Answer.UnitCode, r.Answer.Questionnaire)))
            problems.Add($"{At(r)}: người trả lời {r.Answer.RespondentId} đã trả lời phiếu {r.Answer.Questionnaire} về đơn vị này (trùng người trả lời).");
        var published = await PublishedAsync(db, cycleId, units, cancellationToken);
        problems.AddRange(published.Select(u => $"{fileName}: đơn vị {u}: kết quả đã được công bố; không nhận thêm phiếu điều tra."));
        if (problems.Count > 0) throw new ImportRefusedException($"Không nhập tệp {fileName}: {problems.Count} lỗi, không có gì được lưu.", problems);

        var now = clock.GetUtcNow();
        db.SurveyAnswers.AddRange(rows.Select(r => new SurveyAnswerRow
        {
            CycleId = cycleId, RespondentId = r.Answer.RespondentId, UnitCode = r.Answer.UnitCode, Questionnaire = r.Answer.Questionnaire,
            QuestionCode = r.Answer.QuestionCode, OptionCode = r.Answer.OptionCode, Origin = $"import {fileName} ({user})", At = now,
        }));
        progress?.Report($"Đang lưu {rows.Count:N0} câu trả lời…");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RescoreAsync(cycleId, units, progress, cancellationToken);
        return units;
    }

    /// <summary>
    /// Scores the units' survey items from every stored answer and writes what changed through their scorecard grains.
    /// The scorecard's version is read before the answers and the write expects it, so a write based on answers that
    /// another writer (here or on another node) has since overtaken fails and is redone from the answers as they stand.
    /// </summary>
    public async Task RescoreAsync(string cycleId, IReadOnlyList<string> unitCodes, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var cycle = await CycleAsync(cycleId);
        var done = 0;
        foreach (var unit in unitCodes)
        {
            if (cycle.GroupOf(unit) is not { } group) continue;
            var questionnaires = cycle.Cycle.Questionnaires.Where(q => q.GroupCode == group.Code).ToList();
            var grain = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycleId, unit));
            for (var attempt = 1; ; attempt++)
            {
                var current = await grain.GetAsync();
                IReadOnlyList<SurveyAnswer> answers;
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                    answers = await LoadAsync(db, cycleId, unit, cancellationToken);
                var entries = SurveyScoring.Entries(unit, SurveyScoring.Tally(cycle.Cycle.FrameworkOf(group), questionnaires, unit, answers));
                var changed = entries.Where(e => current.Items.GetValueOrDefault(e.ItemCode)?.Survey != e.Value).ToList();
                if (changed.Count == 0) break;
                try
                {
                    await grain.SetValuesAsync(new ScoreChange(changed, SurveyUser, Origin: "survey", ExpectedVersion: current.Version));
                    break;
                }
                catch (Exception e) when (StaleVersion.Of(e) is not null && attempt < MaxAttempts)
                {
                    // Someone wrote in between: read the scorecard and the answers again.
                }
            }
            if (++done % 50 == 0) progress?.Report($"Đang tính điểm điều tra: {done:N0}/{unitCodes.Count:N0} đơn vị…");
        }
    }

    private const int MaxAttempts = 10;

    /// <summary>A unit's stored answers.</summary>
    internal static async Task<IReadOnlyList<SurveyAnswer>> LoadAsync(ParIndexDbContext db, string cycleId, string unitCode, CancellationToken cancellationToken) =>
        (await db.SurveyAnswers.AsNoTracking().Where(a => a.CycleId == cycleId && a.UnitCode == unitCode).ToListAsync(cancellationToken))
            .Select(a => new SurveyAnswer(a.RespondentId, a.UnitCode, a.Questionnaire, a.QuestionCode, a.OptionCode)).ToList();

    private static async Task<IReadOnlyList<string>> PublishedAsync(ParIndexDbContext db, string cycleId, IReadOnlyCollection<string> units, CancellationToken cancellationToken)
    {
        var published = await db.Scorecards.AsNoTracking()
            .Where(s => s.CycleId == cycleId && s.Status == nameof(ScorecardStatus.Published) && units.Contains(s.UnitCode))
            .Select(s => s.UnitCode).ToListAsync(cancellationToken);
        return published.Order(StringComparer.Ordinal).ToList();
    }

    private static async Task EnsureNotPublishedAsync(ParIndexDbContext db, string cycleId, IReadOnlyCollection<string> units, CancellationToken cancellationToken)
    {
        if ((await PublishedAsync(db, cycleId, units, cancellationToken)).Count > 0)
            throw new DomainException("Kết quả của đơn vị này đã được công bố; đợt điều tra không nhận thêm câu trả lời.");
    }

    /// <summary>The cycle grain's definition: answered from memory, and reloaded whenever a questionnaire changes.</summary>
    private Task<CycleDefinition> CycleAsync(string cycleId) => grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
