using Microsoft.Playwright;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// Orleans' dashboard in a real browser on Kestrel, as the installation's administrator: it draws under its
/// Content-Security-Policy (ours, with inline styles and data: fonts allowed for it alone), and every file it needs
/// comes from this node (nothing fetched from anywhere else).
/// </summary>
public class DashboardBrowserTests
{
    [BrowserFact]
    public async Task The_dashboard_draws_from_the_node_alone_and_within_the_policy()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var (violations, elsewhere) = browser.Watch();
        await browser.SignInAsync("quantri");

        await browser.GoAsync(Dashboard.Path + "/");
        // The dashboard's script filled its header: it ran, and its styles and data loaded.
        await page.WaitForFunctionAsync("() => document.querySelector('#brand-header')?.children.length > 0");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await browser.ScreenshotAsync("40-orleans-dashboard");

        Assert.Empty(violations);
        Assert.Empty(elsewhere);
        // The loosening stays on the dashboard: a page of ours keeps the strict policy.
        var home = await browser.Http.GetAsync("/");
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, home.Headers.GetValues("Content-Security-Policy").Single());
    }
}
