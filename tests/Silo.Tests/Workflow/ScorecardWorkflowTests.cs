using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Tests.Workflow;

/// <summary>One commune's scorecard through the whole workflow on the grains and the database, legal and illegal steps.</summary>
public class ScorecardWorkflowTests
{
    private const string Cycle = "w";

    /// <summary>A tiny cycle: commune 99-X in a group of two, three appraisal items and one survey item.</summary>
    private static async Task<(TempFolder Folder, TestDatabase Db)> CycleAsync(string? deadline = null)
    {
        var folder = new TempFolder();
        var db = await TestDatabase.EmptyAsync(DatabaseOptions.Sqlite);
        (await db.RunAsync("import", "units", folder.Write("u.csv", "code,name,type,level,parent_code\n99,Tỉnh Thử,Tỉnh,1,\n990,Huyện Thử,Huyện,2,99\n99-X,Xã X,Xã,3,990\n99-Y,Xã Y,Xã,3,990\n"))).ShouldSucceed();
        var deadlineJson = deadline is null ? "" : $"\"selfAssessmentDeadline\":\"{deadline}\",";
        (await db.RunAsync("import", "cycle", folder.Write("c.json", "{\"id\":\"w\",\"year\":2024," + deadlineJson + """
            "title":"Thử quy trình","frameworks":[{"code":"f","title":"F","fields":[{"code":"1","title":"L","criteria":[
              {"code":"1.1","title":"A","max":2,"source":"Appraisal"},{"code":"1.2","title":"B","max":3,"source":"Appraisal"},
              {"code":"1.3","title":"C","max":5,"source":"Appraisal"},{"code":"1.4","title":"D","max":10,"source":"Survey"}]}]}],
             "groups":[{"code":"xa-990","name":"Xã","assessor":"990","framework":"f","units":["99-X","99-Y"]}]}
            """))).ShouldSucceed();
        return (folder, db);
    }

    private static ScoreChange Values(string user, params (string Item, ScoreKind Kind, decimal? Value)[] values) =>
        new(values.Select(v => new ScoreEntry("99-X", v.Item, v.Kind, v.Value, v.Kind == ScoreKind.NotApplicable ? "Không phát sinh" : null)).ToList(), user, "web");

    [Fact]
    public async Task Every_step_given_a_version_that_has_moved_on_is_refused_and_changes_nothing()
    {
        var (folder, db) = await CycleAsync();
        using var _ = folder;
        await using var __ = db;
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X"));
        var shown = (await card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 2m), ("1.2", ScoreKind.Self, 3m), ("1.3", ScoreKind.Self, 5m)))).Version;
        var now = (await card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 1m)))).Version; // someone else saved since

        async Task Refused(Func<Task> step)
        {
            var e = await Assert.ThrowsAsync<StaleVersionException>(step);
            Assert.Equal((shown, now), (e.Expected, e.Stored));
            var after = await card.GetAsync();
            Assert.Equal(now, after.Version);
        }
        await Refused(() => card.SubmitAsync("xa", shown));
        await Refused(() => card.GrantDeadlineExceptionAsync("pnv", shown));
        Assert.Equal(ScorecardStatus.Draft, (await card.GetAsync()).Workflow.Status);

        await card.SubmitAsync("xa", now);
        now = (await card.AppraiseAsync(Values("td", ("1.1", ScoreKind.Appraised, 1m)))).Version;
        await Refused(() => card.ReturnItemsAsync(new Dictionary<string, string> { ["1.2"] = "?" }, "td", shown));
        await Refused(() => card.CompleteAppraisalAsync("td", shown));
        now = (await card.ReturnItemsAsync(new Dictionary<string, string> { ["1.2"] = "Bổ sung văn bản?" }, "td", now)).Version;
        await Refused(() => card.AnswerAsync(new Dictionary<string, string> { ["1.2"] = "Đã bổ sung." }, "xa", shown));
        Assert.Equal(ScorecardStatus.Returned, (await card.GetAsync()).Workflow.Status);
        Assert.Equal(ScorecardStatus.Submitted, (await card.AnswerAsync(new Dictionary<string, string> { ["1.2"] = "Đã bổ sung." }, "xa", now)).Workflow.Status);
    }

    [Fact]
    public async Task A_whole_cycle_self_assess_submit_return_answer_appraise_complete_publish()
    {
        var (folder, db) = await CycleAsync();
        using var _ = folder;
        await using var __ = db;
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X"));

        await card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 2m), ("1.2", ScoreKind.Self, 3m), ("1.3", ScoreKind.Self, 5m)));
        await Assert.ThrowsAsync<DomainException>(() => card.AppraiseAsync(Values("td", ("1.1", ScoreKind.Appraised, 1m)))); // appraising a draft
        await card.SubmitAsync("xa");
        var locked = await Assert.ThrowsAsync<DomainException>(() => card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 1m))));
        Assert.Contains("đã chốt", locked.Message);

        await card.AppraiseAsync(Values("td", ("1.1", ScoreKind.Appraised, 1.5m), ("1.3", ScoreKind.Appraised, 5m)));
        var returned = await card.ReturnItemsAsync(new Dictionary<string, string> { ["1.2"] = "Đề nghị bổ sung văn bản ban hành kế hoạch." }, "td");
        Assert.Equal(ScorecardStatus.Returned, returned.Workflow.Status);
        Assert.Contains("1.1", (await Assert.ThrowsAsync<DomainException>(() => card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 1m))))).Message);
        await card.EnterSelfScoresAsync(Values("xa", ("1.2", ScoreKind.Self, 2.5m))); // the returned item may change
        await Assert.ThrowsAsync<DomainException>(() => card.AnswerAsync(new Dictionary<string, string>(), "xa"));
        var answered = await card.AnswerAsync(new Dictionary<string, string> { ["1.2"] = "Đã bổ sung Kế hoạch số 15/KH-UBND." }, "xa");
        Assert.Equal((ScorecardStatus.Submitted, 2), (answered.Workflow.Status, answered.Workflow.Round));
        Assert.Equal("Đã bổ sung Kế hoạch số 15/KH-UBND.", answered.Returns["1.2"].Answer);
        await Assert.ThrowsAsync<DomainException>(() => card.ReturnItemsAsync(new Dictionary<string, string> { ["1.3"] = "?" }, "td")); // round 2 settles

        var incomplete = await Assert.ThrowsAsync<DomainException>(() => card.CompleteAppraisalAsync("td"));
        Assert.Contains("1.2", incomplete.Message);
        await card.AppraiseAsync(Values("td", ("1.2", ScoreKind.Appraised, 2m)));
        Assert.Equal(ScorecardStatus.Appraised, (await card.CompleteAppraisalAsync("td")).Workflow.Status);

        // The survey share is loaded, then the district publishes its communes.
        var other = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-Y"));
        await card.SetValuesAsync(Values("snv", ("1.4", ScoreKind.Survey, 8.5m)));
        await other.SetValuesAsync(new ScoreChange([.. new[] { "1.1", "1.2", "1.3" }.Select(i => new ScoreEntry("99-Y", i, ScoreKind.Appraised, 1m)), new ScoreEntry("99-Y", "1.4", ScoreKind.Survey, 5m)], "snv"));
        await services.GetRequiredService<PublicationService>().PublishAsync(Cycle, "xa-990", new Decision("15/QĐ-UBND", new DateOnly(2025, 1, 20), "Chủ tịch UBND huyện"), "pnv");
        var published = await card.ReloadAsync();
        Assert.Equal(ScorecardStatus.Published, published.Workflow.Status);
        Assert.Equal(17m, published.Result.Obtained);
        await Assert.ThrowsAsync<DomainException>(() => card.AppraiseAsync(Values("td", ("1.1", ScoreKind.Appraised, 2m))));

        // Every step is in the audit, with old → new status.
        foreach (var step in new[] { "submit", "return", "answer", "complete" })
            Assert.Equal(1, await db.ScalarAsync($"SELECT COUNT(*) FROM audit WHERE \"UnitCode\"='99-X' AND \"Kind\"='{step}'"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM audit WHERE \"Kind\"='submit' AND \"OldValue\"='Draft' AND \"NewValue\"='Submitted' AND \"User\"='xa'"));
    }

    [Fact]
    public async Task The_workflow_state_survives_deactivation()
    {
        var (folder, db) = await CycleAsync();
        using var _ = folder;
        await using var __ = db;
        await using (var services = await db.SiloAsync())
        {
            var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X"));
            await card.SubmitAsync("xa");
            await card.ReturnItemsAsync(new Dictionary<string, string> { ["1.1"] = "Vì sao?" }, "td");
        }
        await using var again = await db.SiloAsync();
        var view = await again.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X")).GetAsync();
        Assert.Equal(ScorecardStatus.Returned, view.Workflow.Status);
        Assert.Equal("Vì sao?", view.Returns["1.1"].Question);
    }

    [Fact]
    public async Task After_the_deadline_a_unit_enters_nothing_until_granted_an_exception()
    {
        var (folder, db) = await CycleAsync(deadline: "2020-01-31");
        using var _ = folder;
        await using var __ = db;
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X"));
        var late = await Assert.ThrowsAsync<DomainException>(() => card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 2m))));
        Assert.Contains("quá hạn", late.Message);
        await card.GrantDeadlineExceptionAsync("snv");
        await card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 2m)));
        await card.SubmitAsync("xa");
    }

    [Fact]
    public async Task A_unit_enters_only_self_scores_and_an_appraiser_never_self_scores()
    {
        var (folder, db) = await CycleAsync();
        using var _ = folder;
        await using var __ = db;
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X"));
        await Assert.ThrowsAsync<DomainException>(() => card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Appraised, 2m))));
        await card.SubmitAsync("xa");
        await Assert.ThrowsAsync<DomainException>(() => card.AppraiseAsync(Values("td", ("1.1", ScoreKind.Self, 2m))));
        await card.AppraiseAsync(Values("td", ("1.3", ScoreKind.NotApplicable, null)));
        Assert.True((await card.GetAsync()).Items["1.3"].IsNotApplicable);
    }

    [Fact]
    public async Task An_appraiser_lifts_a_not_applicable_mark_with_a_reason_and_the_audit_keeps_both()
    {
        var (folder, db) = await CycleAsync();
        using var _ = folder;
        await using var __ = db;
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "99-X"));
        await card.EnterSelfScoresAsync(Values("xa", ("1.1", ScoreKind.Self, 2m), ("1.2", ScoreKind.Self, 3m), ("1.3", ScoreKind.Self, 4m)));
        await card.SubmitAsync("xa");
        await card.AppraiseAsync(Values("td", ("1.3", ScoreKind.NotApplicable, null)));
        Assert.Equal(15m, (await card.GetAsync()).Result.Maximum); // 2 + 3 + 10: 1.3 (max 5) counts nowhere

        // No reason: refused, the mark stays.
        await Assert.ThrowsAsync<DomainValidationException>(() => card.AppraiseAsync(
            new ScoreChange([new ScoreEntry("99-X", "1.3", ScoreKind.Applicable, null, " ")], "td", "web")));
        Assert.True((await card.GetAsync()).Items["1.3"].IsNotApplicable);

        var lifted = await card.AppraiseAsync(new ScoreChange([new ScoreEntry("99-X", "1.3", ScoreKind.Applicable, null, "Đơn vị có phát sinh TTHC")], "td", "web"));
        Assert.False(lifted.Items["1.3"].IsNotApplicable);
        Assert.Equal(20m, lifted.Result.Maximum); // 1.3 counts again: 2 + 3 + 5 + 10
        Assert.Equal(1, await db.ScalarAsync(
            "SELECT COUNT(*) FROM audit WHERE \"ItemCode\" = '1.3' AND \"Kind\" = 'applicable' AND \"OldValue\" = 'Không phát sinh' AND \"NewValue\" IS NULL AND \"Note\" = 'Đơn vị có phát sinh TTHC' AND \"User\" = 'td'"));

        // Nothing left to lift: refused.
        await Assert.ThrowsAsync<DomainValidationException>(() => card.AppraiseAsync(
            new ScoreChange([new ScoreEntry("99-X", "1.3", ScoreKind.Applicable, null, "Lần nữa")], "td", "web")));
    }
}
