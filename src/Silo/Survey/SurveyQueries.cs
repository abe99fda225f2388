using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Survey;

/// <summary>A questionnaire's response rate: respondents against the sum of its units' quotas, and its links.</summary>
public sealed record QuestionnaireRate(Questionnaire Questionnaire, int Units, int Target, int Respondents, int LinksIssued, int LinksUsed)
{
    public decimal? Percent => Target <= 0 ? null : decimal.Round(100m * Respondents / Target, 1, MidpointRounding.AwayFromZero);
}

/// <summary>A cycle's survey at a glance: the round, each questionnaire's rate, and each unit's progress against its quota.</summary>
public sealed record SurveyOverview(CycleDefinition Cycle, SurveyRound Round, IReadOnlyList<QuestionnaireRate> Rates, IReadOnlyList<QuotaProgress> Progress);

/// <summary>How one question about one unit was answered: the count per option.</summary>
public sealed record QuestionDistribution(SurveyQuestion Question, IReadOnlyDictionary<string, int> Counts)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>A unit's survey: per questionnaire the respondents and per question the distribution; per item the tally.</summary>
public sealed record UnitSurvey(string UnitCode, SurveyRound Round, IReadOnlyList<(Questionnaire Questionnaire, int Respondents, IReadOnlyList<QuestionDistribution> Questions)> Questionnaires,
    IReadOnlyList<ItemSurveyTally> Items);

/// <summary>The survey's read side for the pages.</summary>
/// <remarks>The cycle comes from its grain (from memory): it reloads whenever a questionnaire changes.</remarks>
public sealed class SurveyQueries(IDbContextFactory<ParIndexDbContext> contexts, IGrainFactory grains)
{
    public async Task<SurveyOverview?> OverviewAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        if (await CycleAsync(cycleId) is not { } cycle) return null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await SurveyService.RoundAsync(db, cycleId, cancellationToken);
        var quotas = await db.SurveyQuotas.AsNoTracking().Where(q => q.CycleId == cycleId)
            .ToDictionaryAsync(q => (q.UnitCode, q.Questionnaire), q => q.Target, cancellationToken);
        var respondents = (await db.SurveyAnswers.AsNoTracking().Where(a => a.CycleId == cycleId)
                .Select(a => new { a.UnitCode, a.Questionnaire, a.RespondentId }).Distinct().ToListAsync(cancellationToken))
            .GroupBy(a => (a.UnitCode, a.Questionnaire)).ToDictionary(g => g.Key, g => g.Count());
        var links = (await db.SurveyLinks.AsNoTracking().Where(l => l.CycleId == cycleId)
                .Select(l => new { l.Questionnaire, Used = l.UsedAt != null }).ToListAsync(cancellationToken))
            .GroupBy(l => l.Questionnaire).ToDictionary(g => g.Key, g => (Issued: g.Count(), Used: g.Count(l => l.Used)));

        var progress = new List<QuotaProgress>();
        var rates = new List<QuestionnaireRate>();
        foreach (var q in cycle.Cycle.Questionnaires)
        {
            var members = cycle.Members.GetValueOrDefault(q.GroupCode) ?? [];
            var rows = members.Select(u => new QuotaProgress(u.Code, q.Code, quotas.GetValueOrDefault((u.Code, q.Code), q.Quota), respondents.GetValueOrDefault((u.Code, q.Code)))).ToList();
            progress.AddRange(rows);
            var (issued, used) = links.GetValueOrDefault(q.Code);
            rates.Add(new QuestionnaireRate(q, rows.Count, rows.Sum(r => r.Target), rows.Sum(r => r.Respondents), issued, used));
        }
        return new SurveyOverview(cycle, round, rates, progress);
    }

    /// <summary>A unit's survey; null when the cycle or the unit is unknown.</summary>
    public async Task<UnitSurvey?> UnitAsync(string cycleId, string unitCode, CancellationToken cancellationToken = default) =>
        await CycleAsync(cycleId) is { } cycle ? await UnitAsync(cycle, unitCode, cancellationToken) : null;

    /// <summary>A unit's survey in a cycle the caller has already read; null for a unit outside its groups.</summary>
    public async Task<UnitSurvey?> UnitAsync(CycleDefinition cycle, string unitCode, CancellationToken cancellationToken = default)
    {
        if (cycle.GroupOf(unitCode) is not { } group) return null;
        var cycleId = cycle.Cycle.Id;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var round = await SurveyService.RoundAsync(db, cycleId, cancellationToken);
        var answers = (await db.SurveyAnswers.AsNoTracking().Where(a => a.CycleId == cycleId && a.UnitCode == unitCode).ToListAsync(cancellationToken))
            .Select(a => new SurveyAnswer(a.RespondentId, a.UnitCode, a.Questionnaire, a.QuestionCode, a.OptionCode)).ToList();
        var questionnaires = cycle.Cycle.Questionnaires.Where(q => q.GroupCode == group.Code).ToList();
        var parts = questionnaires.Select(q =>
        {
            var mine = answers.Where(a => a.Questionnaire == q.Code).ToList();
            var questions = q.Questions.Select(question => new QuestionDistribution(question,
                q.Options.ToDictionary(o => o.Code, o => mine.Count(a => a.QuestionCode == question.Code && a.OptionCode == o.Code)))).ToList();
            return (q, mine.Select(a => a.RespondentId).Distinct().Count(), (IReadOnlyList<QuestionDistribution>)questions);
        }).ToList();
        var items = SurveyScoring.Tally(cycle.Cycle.FrameworkOf(group), questionnaires, unitCode, answers, round.MinimumAnswers);
        return new UnitSurvey(unitCode, round, parts, items);
    }

    private async Task<CycleDefinition?> CycleAsync(string cycleId)
    {
        try { return await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync(); }
        catch (NotFoundException) { return null; }
    }
}
