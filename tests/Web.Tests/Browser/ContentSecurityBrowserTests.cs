using Microsoft.Playwright;

namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// Issue 13, point 8, in a real browser on Kestrel: the Content-Security-Policy blocks nothing of ours (Chromium
/// reports every blocked script or style on its console), the charts still draw at their height, and the
/// server does not name itself.
/// </summary>
public class ContentSecurityBrowserTests
{
    private const string Cycle = "/cycles/par-2020-06";

    [BrowserFact]
    public async Task The_policy_blocks_nothing_of_ours_and_the_charts_draw()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        await browser.SignInAsync(ParIndex.Web.Tests.Support.DemoApp.Reader);

        foreach (var path in new[]
        {
            "/", Cycle, $"{Cycle}/groups/so", $"{Cycle}/groups/so/heatmap", $"{Cycle}/groups/so/points-lost", $"{Cycle}/groups/so/self-vs-appraisal",
            $"{Cycle}/units/06-SCT", $"{Cycle}/units/06-SCT/fields/1", $"{Cycle}/districts/058", $"{Cycle}/districts/058/gain-plan", $"{Cycle}/units/06-SCT/gain-plan", $"{Cycle}/units/06-SCT/cham-diem", "/khao-sat", "/cycles/khong-co",
        })
        {
            await browser.GoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }
        Assert.Empty(violations);

        // The ranking's chart box got its height from data-height, and Chart.js drew into it.
        await browser.GoAsync($"{Cycle}/groups/so");
        var box = page.Locator(".pi-chart[data-height]").First;
        var expected = await box.GetAttributeAsync("data-height");
        Assert.Equal($"{expected}px", await box.EvaluateAsync<string>("e => e.style.height"));
        Assert.True(await page.Locator(".pi-chart canvas").First.EvaluateAsync<int>("c => c.height") > 0);

        var response = await browser.Http.GetAsync("/");
        Assert.False(response.Headers.Contains("Server"));
        Assert.Equal(ParIndex.Web.Infrastructure.SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
