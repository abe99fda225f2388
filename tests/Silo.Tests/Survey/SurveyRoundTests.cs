using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Silo.Tests.Support;
using static ParIndex.Silo.Tests.Survey.SurveyFixture;

namespace ParIndex.Silo.Tests.Survey;

/// <summary>A survey round on the database and the grains: links used once, answers to scores, ranks that move.</summary>
public class SurveyRoundTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Answers_through_links_become_survey_scores_and_move_the_rank(string provider)
    {
        await using var f = await CreateAsync(provider);
        var before = await f.LineAsync("99-X");
        var links = await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X", "99-Y"], 3, "snv");
        Assert.Equal(6, links.Count);
        Assert.Equal(6, links.Select(l => l.Code).Distinct().Count());

        var x = links.Where(l => l.UnitCode == "99-X").ToList();
        await f.Answers.AnswerAsync(x[0].Code, Answer("A", "B"));
        await f.Answers.AnswerAsync(x[1].Code.ToLowerInvariant().Replace("-", " "), Answer("B", "E")); // typed from paper: case and separators do not matter
        await f.Answers.AnswerAsync(x[2].Code, Answer("C", "A"));

        // 2.1: (1 + 0.6 + 0.2) / 3 × 10 = 6; 2.2: "E" (không biết) not counted: (0.6 + 1) / 2 × 5 = 4.
        Assert.Equal(6m, await f.SurveyValueAsync("99-X", "2.1"));
        Assert.Equal(4m, await f.SurveyValueAsync("99-X", "2.2"));
        var after = await f.LineAsync("99-X");
        Assert.Equal(10m, after.Obtained);
        Assert.Equal(1, after.Rank);
        Assert.True(after.Index > before.Index);

        var y = links.First(l => l.UnitCode == "99-Y");
        await f.Answers.AnswerAsync(y.Code, Answer("A", "A"));
        Assert.Equal(1, (await f.LineAsync("99-Y")).Rank); // Y: 10 + 5 of 25 beats X: 6 + 4 of 25
        Assert.Equal(2, (await f.LineAsync("99-X")).Rank);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_item_answered_only_dont_know_loses_an_older_survey_score(string provider)
    {
        await using var f = await CreateAsync(provider);
        // A survey score entered before the round (as an import would), for 2.2.
        await f.Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(CycleId, "99-X"))
            .SetValuesAsync(new ScoreChange([new ScoreEntry("99-X", "2.2", ScoreKind.Survey, 3m)], "snv", "import"));
        var links = await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X"], 2, "snv");

        await f.Answers.AnswerAsync(links[0].Code, Answer("A", "E"));
        await f.Answers.AnswerAsync(links[1].Code, Answer("B", "E"));

        // 2.1: (1 + 0.6) / 2 × 10 = 8. 2.2: both "không biết", nothing counted: no score, not the older 3.
        Assert.Equal(8m, await f.SurveyValueAsync("99-X", "2.1"));
        Assert.Null(await f.SurveyValueAsync("99-X", "2.2"));
        Assert.Equal(8m, (await f.LineAsync("99-X")).Obtained);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Answers_arriving_at_once_all_count_in_the_score(string provider)
    {
        await using var f = await CreateAsync(provider);
        var links = await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X"], 12, "snv");
        // Half answer A (1), half D (0) on Q1, all at the same time: whatever the order, the mean is 0.5.
        await Task.WhenAll(links.Select((l, i) => Task.Run(() => f.Answers.AnswerAsync(l.Code, Answer(i % 2 == 0 ? "A" : "D", "A")))));
        Assert.Equal(24, await f.Db.CountAsync("survey_answers"));
        Assert.Equal(5m, await f.SurveyValueAsync("99-X", "2.1"));
        Assert.Equal(5m, await f.SurveyValueAsync("99-X", "2.2"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_link_answers_once_and_a_forged_code_never(string provider)
    {
        await using var f = await CreateAsync(provider);
        var link = (await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X"], 1, "snv")).Single();
        await f.Answers.AnswerAsync(link.Code, Answer("A", "A"));

        var again = await Assert.ThrowsAsync<DomainException>(() => f.Answers.AnswerAsync(link.Code, Answer("D", "D")));
        Assert.Contains("một lần", again.Message);
        var forged = await Assert.ThrowsAsync<DomainException>(() => f.Answers.AnswerAsync("ABCD-EFGH-JKMN", Answer("D", "D")));
        Assert.Contains("không đúng", forged.Message);
        Assert.Null(await f.Answers.FindAsync("not a code"));
        Assert.Equal(2, await f.Db.CountAsync("survey_answers")); // the first answer's two questions only
        Assert.Equal(10m, await f.SurveyValueAsync("99-X", "2.1"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_incomplete_or_wrong_answer_is_refused_and_leaves_the_link_unused(string provider)
    {
        await using var f = await CreateAsync(provider);
        var link = (await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X"], 1, "snv")).Single();
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => f.Answers.AnswerAsync(link.Code, new Dictionary<string, string?> { ["Q1"] = "Z" }));
        Assert.Contains(refused.Errors, e => e.Contains("Câu Q1") && e.Contains("\"Z\""));
        Assert.Contains(refused.Errors, e => e.Contains("Câu Q2") && e.Contains("chưa chọn"));
        Assert.Equal(0, await f.Db.CountAsync("survey_answers"));
        Assert.Null((await f.Answers.FindAsync(link.Code))!.Refusal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Links_are_refused_before_the_round_opens_after_it_closes_and_past_its_last_day(string provider)
    {
        await using var f = await CreateAsync(provider, open: false);
        var links = await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X"], 3, "snv");
        Assert.Contains("chưa mở", (await Assert.ThrowsAsync<DomainException>(() => f.Answers.AnswerAsync(links[0].Code, Answer("A", "A")))).Message);

        await f.Survey.OpenAsync(CycleId, new DateOnly(2024, 11, 30), 3, "snv");
        await f.Answers.AnswerAsync(links[0].Code, Answer("A", "A"));
        f.Clock.Now = new DateTimeOffset(2024, 12, 1, 3, 0, 0, TimeSpan.Zero);
        Assert.Contains("hết hạn", (await Assert.ThrowsAsync<DomainException>(() => f.Answers.AnswerAsync(links[1].Code, Answer("A", "A")))).Message);

        await f.Survey.CloseAsync(CycleId, "snv");
        Assert.Contains("đã kết thúc", (await Assert.ThrowsAsync<DomainException>(() => f.Answers.AnswerAsync(links[2].Code, Answer("A", "A")))).Message);
        await Assert.ThrowsAsync<DomainException>(() => f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X"], 1, "snv"));
        Assert.Equal(2, await f.Db.CountAsync("survey_answers"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Questionnaires_change_only_while_the_round_is_a_draft_and_must_fit_the_framework(string provider)
    {
        await using var f = await CreateAsync(provider, open: false);
        var wrong = P01 with { Questions = [new SurveyQuestion("Q1", "1.1", "Hỏi về một tiêu chí thẩm định")] };
        var refused = await Assert.ThrowsAsync<DomainValidationException>(() => f.Survey.SaveQuestionnaireAsync(CycleId, wrong));
        Assert.Contains(refused.Errors, e => e.Contains("1.1") && e.Contains("Survey"));

        var cycleGrain = f.Grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(CycleId));
        Assert.Equal(P01.Title, (await cycleGrain.GetDefinitionAsync()).Cycle.FindQuestionnaire("P01")!.Title); // active, holding the definition
        await f.Survey.SaveQuestionnaireAsync(CycleId, P01 with { Title = "Phiếu 01 (sửa)" });
        Assert.Equal("Phiếu 01 (sửa)", (await f.Queries.OverviewAsync(CycleId))!.Cycle.Cycle.FindQuestionnaire("P01")!.Title);
        Assert.Equal("Phiếu 01 (sửa)", (await cycleGrain.GetDefinitionAsync()).Cycle.FindQuestionnaire("P01")!.Title); // and the grain reloaded it

        await f.Survey.OpenAsync(CycleId, null, 3, "snv");
        Assert.Contains("đã mở", (await Assert.ThrowsAsync<DomainException>(() => f.Survey.SaveQuestionnaireAsync(CycleId, P01))).Message);
        Assert.Contains("đã mở", (await Assert.ThrowsAsync<DomainException>(() => f.Survey.DeleteQuestionnaireAsync(CycleId, "P01"))).Message);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Progress_counts_respondents_against_quotas_and_the_unit_view_flags_items_below_the_minimum(string provider)
    {
        await using var f = await CreateAsync(provider);
        await f.Survey.SetQuotaAsync(CycleId, "P01", "99-Y", 2);
        await Assert.ThrowsAsync<DomainException>(() => f.Survey.SetQuotaAsync(CycleId, "P01", "99-Y", -1));
        var links = await f.Survey.GenerateLinksAsync(CycleId, "P01", ["99-X", "99-Y"], 2, "snv");
        foreach (var l in links.Where(l => l.UnitCode == "99-Y")) await f.Answers.AnswerAsync(l.Code, Answer("A", "E"));
        await f.Answers.AnswerAsync(links.First(l => l.UnitCode == "99-X").Code, Answer("B", "B"));

        var overview = (await f.Queries.OverviewAsync(CycleId))!;
        Assert.Equal((4, 1), overview.Progress.Where(p => p.UnitCode == "99-X").Select(p => (p.Target, p.Respondents)).Single());
        Assert.True(overview.Progress.Single(p => p.UnitCode == "99-Y").IsMet);
        var rate = overview.Rates.Single();
        Assert.Equal((6, 3, 4, 3), (rate.Target, rate.Respondents, rate.LinksIssued, rate.LinksUsed));
        Assert.Equal(50.0m, rate.Percent);

        var unit = (await f.Queries.UnitAsync(CycleId, "99-Y"))!;
        var q2 = unit.Questionnaires.Single().Questions.Single(q => q.Question.Code == "Q2");
        Assert.Equal(2, q2.Counts["E"]);
        var item22 = unit.Items.Single(i => i.ItemCode == "2.2");
        Assert.Equal((2, 0, (decimal?)null, true), (item22.Answers, item22.Counted, item22.Score, item22.BelowMinimum));
        Assert.True(unit.Items.Single(i => i.ItemCode == "2.1").BelowMinimum); // 2 counted < minimum 3
    }
}
