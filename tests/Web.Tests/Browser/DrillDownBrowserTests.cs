using System.Text.Json;

namespace ParIndex.Web.Tests.Browser;

/// <summary>A person in a real browser: home → cycle → district → commune, the rank agreeing with the API; screenshots of the main pages.</summary>
public class DrillDownBrowserTests
{
    private const string Cycle = "/cycles/par-2020-06";

    [BrowserFact]
    public async Task Drilling_down_from_home_to_a_commune_shows_the_rank_the_API_gives()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        await browser.SignInAsync(ParIndex.Web.Tests.Support.DemoApp.Reader); // staff read the same pages (the public way down: DemoStoryBrowserTests)

        await browser.GoAsync("/");
        await browser.ScreenshotAsync("01-trang-chu");
        await BrowserSession.ClickAndFollowAsync(page, $"a[href='{Cycle}']");
        Assert.EndsWith(Cycle, page.Url);
        await browser.ScreenshotAsync("02-ky-danh-gia");

        await BrowserSession.ClickAndFollowAsync(page, $"a[href='{Cycle}/districts/058']");
        Assert.EndsWith("/districts/058", page.Url);
        await browser.ScreenshotAsync("03-huyen");

        await BrowserSession.ClickAndFollowAsync(page, $"a[href^='{Cycle}/units/018']");
        Assert.Matches($"{Cycle}/units/018[0-9]+$", page.Url);
        await browser.ScreenshotAsync("04-xa");
        var unit = page.Url.Split('/')[^1];
        var shownRank = int.Parse(await page.Locator("[data-testid=unit-rank]").InnerTextAsync());

        using var api = JsonDocument.Parse(await (await page.Context.APIRequest.GetAsync($"{browser.BaseAddress}/api/cycles/par-2020-06/units/{unit}")).TextAsync());
        Assert.Equal(api.RootElement.GetProperty("result").GetProperty("rank").GetInt32(), shownRank);
        Assert.Contains(api.RootElement.GetProperty("result").GetProperty("unitName").GetString()!, await page.TitleAsync());

        // Back up through the breadcrumbs to the commune's group.
        await BrowserSession.ClickAndFollowAsync(page, ".breadcrumb a[href^='/cycles/par-2020-06/groups/xa-058']");
        Assert.EndsWith("/groups/xa-058", page.Url);
        Assert.Equal(shownRank, await RowRankAsync(browser, unit));
    }

    [BrowserFact]
    public async Task The_main_pages_are_saved_as_screenshots()
    {
        await using var browser = await BrowserSession.StartAsync();
        foreach (var (name, path) in new[]
        {
            ("05-xep-hang-so", $"{Cycle}/groups/so"),
            ("06-don-vi-so-cong-thuong", $"{Cycle}/units/06-SCT"),
            ("07-ban-do-nhiet", $"{Cycle}/groups/so/heatmap"),
            ("08-diem-bi-mat", $"{Cycle}/groups/so/points-lost"),
            ("09-tu-cham-va-tham-dinh", $"{Cycle}/groups/so/self-vs-appraisal"),
            ("10-linh-vuc", $"{Cycle}/units/06-SCT/fields/1"),
            ("11-thai-nguyen-2025", "/cycles/par-2025-19"),
            ("12-khong-tim-thay", "/cycles/khong-co"),
        })
        {
            // GotoAsync returns at the load event: the pages fetch nothing after it (no script polls), and the charts are
            // drawn by then. Waiting for "network idle" as well timed out once on a busy machine, for no request.
            await browser.GoAsync(path);
            await browser.ScreenshotAsync(name);
            Assert.Equal("vi", await browser.Page.Locator("html").GetAttributeAsync("lang"));
        }
        Assert.True(File.Exists(Path.Combine(BrowserSession.ScreenshotFolder, "06-don-vi-so-cong-thuong.png")));
    }

    private static async Task<int> RowRankAsync(BrowserSession browser, string unit)
    {
        var row = browser.Page.Locator($"tr:has(a[href$='/units/{unit}'])").First;
        return int.Parse((await row.Locator("td").First.InnerTextAsync()).Trim());
    }
}
