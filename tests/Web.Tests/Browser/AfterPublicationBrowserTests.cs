namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// What staff and units do with the index once it is computed (issue 18), in a real browser and within the
/// Content-Security-Policy: the gain plan of a unit and of a district's units, the publish page's Word annex, and
/// the framework page with its template; each saved as the screenshot README shows.
/// </summary>
public class AfterPublicationBrowserTests
{
    private const string Cycle = "/cycles/par-2020-06";

    [BrowserFact]
    public async Task The_gain_plans_the_word_annex_and_the_framework_page_draw_within_the_policy()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var (violations, elsewhere) = browser.Watch();

        await browser.GoAsync($"{Cycle}/units/058/gain-plan");
        Assert.True(await page.Locator("table").CountAsync() > 0);
        await browser.ScreenshotAsync("15-ke-hoach-tang-diem");
        await browser.GoAsync($"{Cycle}/districts/058/gain-plan");
        Assert.True(await page.Locator("table").CountAsync() > 0);
        await browser.ScreenshotAsync("16-ke-hoach-tang-diem-huyen");

        await browser.SignInAsync("snv.backan");
        await browser.GoAsync($"{Cycle}/groups/so/cong-bo");
        Assert.True(await page.Locator("[data-testid=annex-docx]").CountAsync() > 0);
        await browser.ScreenshotAsync("26-phu-luc-word");
        await browser.GoAsync($"{Cycle}/groups/so/bo-tieu-chi");
        Assert.True(await page.Locator("[data-testid=template]").CountAsync() > 0);
        await browser.ScreenshotAsync("27-bo-tieu-chi");

        Assert.Empty(violations);
        Assert.Empty(elsewhere);
    }
}
