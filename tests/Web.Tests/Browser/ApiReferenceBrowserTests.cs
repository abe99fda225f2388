using Microsoft.Playwright;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// The API reference page (Scalar.AspNetCore) in a real browser, without signing in: it draws the API's own
/// operations from /openapi/v1.json, within its Content-Security-Policy, with every file from this node.
/// </summary>
public class ApiReferenceBrowserTests
{
    [BrowserFact]
    public async Task The_API_reference_draws_the_operations_from_the_node_alone()
    {
        await using var browser = await BrowserSession.StartAsync();
        var page = browser.Page;
        var (violations, elsewhere) = browser.Watch();

        await browser.GoAsync(SecurityHeaders.ApiReferencePath + "/v1");
        // The summaries are the API's own (ApiEndpoints, in Vietnamese): the page read the document and drew it.
        await page.GetByText("Các kỳ đánh giá").First.WaitForAsync();
        await page.GetByText("Ghi điểm").First.WaitForAsync();
        await browser.ScreenshotAsync("41-tai-lieu-api");

        Assert.Empty(violations);
        Assert.Empty(elsewhere);
        var response = await browser.Http.GetAsync(SecurityHeaders.ApiReferencePath + "/v1");
        Assert.Equal(SecurityHeaders.ApiReferenceContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
