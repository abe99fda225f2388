using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages;

/// <summary>Pages read through the grains: a score written through them shows on the next page load.</summary>
public class LiveUpdateTests
{
    [Fact]
    public async Task A_score_written_through_the_grains_shows_on_the_next_page_load()
    {
        await using var app = new UnpublishedDemoApp(); // Bắc Kạn 2020 still takes scores
        await ((IAsyncLifetime)app).InitializeAsync();
        var client = (await app.ReaderAsync());
        const string url = "/cycles/par-2020-06/groups/so";
        Assert.Equal("06-SCT", PageHtml.RowUnits(await PageHtml.OkAsync(client, url))[0]);

        // The appraiser lowers Sở Công Thương's appraised scores on its best items by more than 3 points.
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var card = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT"));
        var before = await card.GetAsync();
        var entries = new List<ScoreEntry>();
        var lowered = 0m;
        foreach (var (code, values) in before.Items.Where(i => i.Value.Appraised > 0).OrderByDescending(i => i.Value.Appraised))
        {
            entries.Add(new ScoreEntry("06-SCT", code, ScoreKind.Appraised, 0m, "Kiểm tra lại tài liệu kiểm chứng"));
            lowered += values.Appraised!.Value;
            if (lowered > 3m) break;
        }
        var after = await card.SetValuesAsync(new ScoreChange(entries, "tham-dinh", "test"));
        Assert.True(after.Result.Index < 90.84m);

        var html = await PageHtml.OkAsync(client, url);
        var units = PageHtml.RowUnits(html);
        Assert.Equal("06-VP", units[0]);
        Assert.NotEqual("06-SCT", units[0]);
        Assert.Contains(Vn.Number(after.Result.DisplayIndex), PageHtml.Row(html, "06-SCT"));

        // The cycle overview's best department follows.
        var overview = await PageHtml.OkAsync(client, "/cycles/par-2020-06");
        Assert.Contains("<span class=\"pi-standing-index\">90,84</span><a href=\"/cycles/par-2020-06/units/06-VP\">", overview);
    }
}
