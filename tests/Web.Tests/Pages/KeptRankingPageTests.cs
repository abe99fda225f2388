using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages;

/// <summary>
/// The ranking page is kept whole for readers who are not signed in: never shown once the ranking has changed, never
/// to a signed-in reader, and one page per order.
/// </summary>
public class KeptRankingPageTests
{
    private const string Url = "/cycles/par-2020-06/groups/so";

    [Fact]
    public async Task A_kept_page_gives_way_at_once_to_an_adjustment_of_the_group()
    {
        await using var app = new DemoApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var anonymous = app.CreateClient();
        var first = await PageHtml.OkAsync(anonymous, Url);
        Assert.Equal(first, await PageHtml.OkAsync(anonymous, Url));
        Assert.Equal(1, app.Services.GetRequiredService<KeptPages>().Count);

        // The province adjusts Sở Công Thương's best appraised item to 0 by a decision: version 2 of the group.
        var card = await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT")).GetAsync();
        var (item, values) = card.Items.Where(i => i.Value.Appraised > 0).OrderByDescending(i => i.Value.Appraised).ThenBy(i => i.Key, StringComparer.Ordinal).First();
        await app.Services.GetRequiredService<PublicationService>().AdjustAsync("par-2020-06",
            [new ScoreEntry("06-SCT", item, ScoreKind.Appraised, 0m, "Điều chỉnh theo kết quả phúc tra")],
            new Decision("77/QĐ-UBND", new DateOnly(2021, 4, 1), Reason: "Phúc tra"), "snv.backan");

        var after = await PageHtml.OkAsync(anonymous, Url);
        Assert.DoesNotContain("77/QĐ-UBND", first);
        Assert.Contains("Đã công bố theo QĐ <strong>77/QĐ-UBND</strong>", after);
        Assert.Contains("(phiên bản 2)", after);
        Assert.NotEqual(PageHtml.Row(first, "06-SCT"), PageHtml.Row(after, "06-SCT"));
        Assert.True(values.Appraised > 0);
    }

    [Fact]
    public async Task A_signed_in_readers_page_is_neither_kept_nor_given_a_kept_one()
    {
        await using var app = new DemoApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var reader = await app.ReaderAsync();
        var anonymous = app.CreateClient();

        Assert.Contains("Đăng xuất", await PageHtml.OkAsync(reader, Url));
        Assert.Equal(0, app.Services.GetRequiredService<KeptPages>().Count);
        Assert.DoesNotContain("Đăng xuất", await PageHtml.OkAsync(anonymous, Url));
        Assert.Equal(1, app.Services.GetRequiredService<KeptPages>().Count);
        Assert.Contains("Đăng xuất", await PageHtml.OkAsync(reader, Url));
    }

    [Fact]
    public async Task Each_order_is_kept_apart()
    {
        await using var app = new DemoApp();
        await ((IAsyncLifetime)app).InitializeAsync();
        var anonymous = app.CreateClient();

        var byRank = PageHtml.RowUnits(await PageHtml.OkAsync(anonymous, Url));
        var byUnit = PageHtml.RowUnits(await PageHtml.OkAsync(anonymous, Url + "?sort=unit&dir=asc"));
        Assert.NotEqual(byRank, byUnit);
        Assert.Equal(byRank, PageHtml.RowUnits(await PageHtml.OkAsync(anonymous, Url)));
        Assert.Equal(byUnit, PageHtml.RowUnits(await PageHtml.OkAsync(anonymous, Url + "?sort=unit&dir=asc")));
        Assert.Equal(2, app.Services.GetRequiredService<KeptPages>().Count);
    }
}
