using ParIndex.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Tests.Api;

/// <summary>Writes go through the grains; each test here has its own copy of the demo.</summary>
public class ApiWriteTests
{
    [Fact]
    public Task A_score_written_through_the_grains_shows_in_the_next_answers() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var client = (await app.ReaderAsync());
        const string unitUrl = "/api/cycles/par-2020-06/units/06-SCT", rankingUrl = "/api/cycles/par-2020-06/groups/so/ranking";
        // Read first, so that anything that could cache has seen the old values.
        var before = (await Json.GetAsync(client, unitUrl)).GetProperty("result");
        await Json.GetAsync(client, rankingUrl);
        Assert.Equal(93.4411m, before.Decimal("obtained"));

        // 1.1.1 (max 1) was appraised 1; appraising 0 takes one point off.
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT"))
            .SetValuesAsync(new ScoreChange([new ScoreEntry("06-SCT", "1.1.1", ScoreKind.Appraised, 0m, "Thẩm định lại")], "test"));

        var after = await Json.GetAsync(client, unitUrl);
        Assert.Equal(92.4411m, after.GetProperty("result").Decimal("obtained"));
        Assert.Equal(92.44m, after.GetProperty("result").Decimal("indexDisplay"));
        var item = after.GetProperty("items").EnumerateArray().Single(i => i.String("code") == "1.1.1");
        Assert.Equal(0m, item.Decimal("appraised"));
        Assert.Equal("Thẩm định lại", item.String("appraisedNote"));
        Assert.Equal((await DomainResults.ComputeAsync(app, "par-2020-06", "06-SCT")).Index, after.GetProperty("result").Decimal("index"));

        var row = (await Json.GetAsync(client, rankingUrl)).EnumerateArray().Single(r => r.String("unitCode") == "06-SCT");
        Assert.Equal("92.44", row.GetProperty("indexDisplay").GetRawText());

        var csv = await client.GetStringAsync("/cycles/par-2020-06/groups/so/export.csv");
        Assert.Contains(",92.4411,92.44,", csv);
    });

    [Fact]
    public Task A_change_of_rank_shows_in_the_ranking_and_the_export() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var client = (await app.ReaderAsync());
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var definition = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle("par-2020-06")).GetDefinitionAsync();
        var framework = definition.FrameworkOf("06-SCT");
        // Every appraisal item of the first unit appraised 0: it falls to the bottom.
        var entries = framework.Items.Where(i => i.Source == ItemSource.Appraisal)
            .Select(i => new ScoreEntry("06-SCT", i.Code, ScoreKind.Appraised, 0m)).ToList();
        await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT")).SetValuesAsync(new ScoreChange(entries, "test"));

        var rows = (await Json.GetAsync(client, "/api/cycles/par-2020-06/groups/so/ranking")).EnumerateArray().ToList();
        Assert.Equal("06-VP", rows[0].String("unitCode"));
        Assert.Equal("06-SCT", rows[^1].String("unitCode"));
        Assert.Equal(19, rows[^1].Int("rank"));
        Assert.Equal("Yếu", rows[^1].String("classification"));

        var lines = (await client.GetStringAsync("/cycles/par-2020-06/groups/so/export.csv")).Split("\r\n");
        Assert.StartsWith("19,Sở Công Thương,", lines[19]);
        Assert.EndsWith(",19,Yếu", lines[19]);
    });
}
