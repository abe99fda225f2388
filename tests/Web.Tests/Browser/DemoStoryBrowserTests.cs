using Microsoft.Playwright;

namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// Issue 16 in a real browser, as a new user tries the demo: without signing in, from the home page down to one item of
/// a published commune in clicks; and on the sign-in page, a click on a demo account fills the form and signs in. The
/// Content-Security-Policy blocks nothing on the way (Chromium reports each blocked script on its console).
/// </summary>
public class DemoStoryBrowserTests
{
    private const string Cycle = "/cycles/par-2020-06";

    private static async Task ClickAsync(IPage page, string selector, string path)
    {
        await BrowserSession.ClickAndFollowAsync(page, selector);
        Assert.Matches(path, new Uri(page.Url).AbsolutePath);
    }

    [BrowserFact]
    public async Task Without_signing_in_a_visitor_goes_from_home_to_an_item_of_a_published_commune()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var (violations, _) = browser.Watch();

        await browser.GoAsync("/");
        Assert.Contains("Không cần đăng nhập", await page.Locator("[data-testid=reading-note]").InnerTextAsync());
        await browser.ScreenshotAsync("00-trang-chu-khach");
        await ClickAsync(page, $"a.pi-cycle-card[href='{Cycle}']", Cycle + "$");
        await ClickAsync(page, $"main a[href='{Cycle}/districts/058']", "/districts/058$");
        await ClickAsync(page, $"main a[href^='{Cycle}/units/018']", "/units/018[0-9]+$");
        var unit = page.Url.Split('/')[^1];
        await ClickAsync(page, $"main table a[href='{Cycle}/units/{unit}/fields/1']", "/fields/1$");
        await ClickAsync(page, $"main table a[href^='{Cycle}/units/{unit}/criteria/']", "/criteria/[0-9.]+$");
        await ClickAsync(page, $"main table a[href^='{Cycle}/units/{unit}/items/']", "/items/[0-9.]+$");
        await browser.ScreenshotAsync("13-tieu-chi-thanh-phan-khach");

        // An item's page, read by nobody in particular: its breadcrumbs lead back to the commune, and no one asked to sign in.
        Assert.Matches($"{Cycle}/units/{unit}/items/[0-9.]+$", page.Url);
        Assert.Equal(1, await page.Locator($".breadcrumb a[href='{Cycle}/units/{unit}']").CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=account]").CountAsync());
        Assert.Equal(1, await page.Locator("header a[href='/dang-nhap']").CountAsync());
        Assert.Empty(violations);
    }

    [BrowserFact]
    public async Task A_click_on_a_demo_account_fills_the_sign_in_form()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var (violations, _) = browser.Watch();

        await browser.GoAsync("/dang-nhap");
        await browser.ScreenshotAsync("14-dang-nhap-tai-khoan-minh-hoa");
        await page.Locator("[data-demo-user='pnv.tpbackan']").ClickAsync();
        Assert.Equal("pnv.tpbackan", await page.InputValueAsync("#username"));
        Assert.Equal(ParIndex.Silo.Demo.DemoSeeder.DemoPassword, await page.InputValueAsync("#password"));

        await BrowserSession.ClickAndFollowAsync(page, "main button[type=submit]");
        Assert.Equal(browser.BaseAddress + "/", page.Url);
        Assert.Contains("Phòng Nội vụ thành phố Bắc Kạn", await page.Locator("[data-testid=account]").InnerTextAsync());
        Assert.Empty(violations);
    }
}
