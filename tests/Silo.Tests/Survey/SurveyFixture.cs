using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Survey;

/// <summary>A small cycle with a survey: communes 99-X and 99-Y, one appraisal item (max 10) and two survey items (max 10 and 5).</summary>
internal sealed class SurveyFixture : IAsyncDisposable
{
    public const string CycleId = "s";
    public static readonly Questionnaire P01 = new("P01", "Phiếu 01 — người dân đánh giá xã", "xa", Questionnaire.CommonOptions,
        [new SurveyQuestion("Q1", "2.1", "Mức độ hài lòng về thái độ tiếp đón"), new SurveyQuestion("Q2", "2.2", "Thời gian giải quyết hồ sơ")])
    { Respondents = "Người dân, doanh nghiệp", Quota = 4 };

    private SurveyFixture(TempFolder folder, TestDatabase db, RunningSilo services, ManualClock clock) => (Folder, Db, Services, Clock) = (folder, db, services, clock);

    public TempFolder Folder { get; }
    public TestDatabase Db { get; }
    public RunningSilo Services { get; }
    public ManualClock Clock { get; }
    public SurveyService Survey => Services.GetRequiredService<SurveyService>();
    public SurveyAnswers Answers => Services.GetRequiredService<SurveyAnswers>();
    public SurveyQueries Queries => Services.GetRequiredService<SurveyQueries>();
    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public static async Task<SurveyFixture> CreateAsync(string provider, bool open = true)
    {
        var folder = new TempFolder();
        var db = await TestDatabase.EmptyAsync(provider);
        (await db.RunAsync("import", "units", folder.Write("u.csv", "code,name,type,level,parent_code\n99,Tỉnh Thử,Tỉnh,1,\n990,Huyện Thử,Huyện,2,99\n99-X,Xã X,Xã,3,990\n99-Y,Xã Y,Xã,3,990\n"))).ShouldSucceed();
        (await db.RunAsync("import", "cycle", folder.Write("c.json", """
            {"id":"s","year":2024,"title":"Thử điều tra","frameworks":[{"code":"f","title":"F","fields":[
              {"code":"1","title":"Chỉ đạo","criteria":[{"code":"1.1","title":"A","max":10,"source":"Appraisal"}]},
              {"code":"2","title":"Hài lòng","criteria":[{"code":"2.1","title":"Thái độ","max":10,"source":"Survey"},{"code":"2.2","title":"Thời gian","max":5,"source":"Survey"}]}]}],
             "groups":[{"code":"xa","name":"Xã","assessor":"990","framework":"f","units":["99-X","99-Y"]}]}
            """))).ShouldSucceed();
        var clock = new ManualClock(new DateTimeOffset(2024, 11, 1, 3, 0, 0, TimeSpan.Zero));
        var services = await db.SiloAsync(s => s.AddSingleton<TimeProvider>(clock));
        var fixture = new SurveyFixture(folder, db, services, clock);
        await fixture.Survey.SaveQuestionnaireAsync(CycleId, P01);
        if (open) await fixture.Survey.OpenAsync(CycleId, new DateOnly(2024, 11, 30), minimumAnswers: 3, "snv");
        return fixture;
    }

    public Task<ResultLine> LineAsync(string unit) => Grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(CycleId, "990", "xa")).GetLinesAsync()
        .ContinueWith(t => t.Result.Single(l => l.UnitCode == unit));

    public async Task<decimal?> SurveyValueAsync(string unit, string item) =>
        (await Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(CycleId, unit)).GetAsync()).Items.GetValueOrDefault(item)?.Survey;

    public static Dictionary<string, string?> Answer(string q1, string q2) => new() { ["Q1"] = q1, ["Q2"] = q2 };

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Db.DisposeAsync();
        Folder.Dispose();
    }
}

/// <summary>A wall clock the test sets.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
