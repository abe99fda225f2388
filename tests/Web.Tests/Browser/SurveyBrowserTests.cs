using Microsoft.Playwright;
using ParIndex.Web.Tests.Survey;

namespace ParIndex.Web.Tests.Browser;

/// <summary>A respondent on a phone: the code from a paper invitation typed in, the questionnaire answered by taps, thanked.</summary>
public class SurveyBrowserTests
{
    /// <summary>Whether the page fits the screen's width (nothing to scroll sideways).</summary>
    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    [BrowserFact]
    public async Task A_respondent_answers_a_questionnaire_on_a_phone()
    {
        await using var browser = await BrowserSession.StartAsync(390, 844, mobile: true, published: false); // xa-058 2020 still open to answers
        var link = (await SurveyDemo.StartAsync(browser.App, links: 1)).Single();
        var page = browser.Page;

        await browser.GoAsync("/khao-sat");
        Assert.True(await FitsAsync(page), "/khao-sat scrolls sideways");
        await page.FillAsync("#ma", link.Code.ToLowerInvariant().Replace("-", " "));
        await BrowserSession.FollowAsync(page, () => page.Locator("main button[type=submit]").TapAsync());
        Assert.EndsWith(SurveyDemo.AnswerPage(link), page.Url);

        Assert.Equal(SurveyDemo.P01.Title, await page.Locator("[data-testid=questionnaire]").InnerTextAsync());
        Assert.Equal(SurveyDemo.UnitName, await page.Locator("[data-testid=unit]").InnerTextAsync());
        Assert.True(await FitsAsync(page), "the questionnaire scrolls sideways on a phone");
        var option = await page.Locator("label[for=q0-o0]").BoundingBoxAsync();
        Assert.True(option!.Height >= 44 && option.Width >= 300, $"option A is {option.Width}×{option.Height} px: too small to tap");

        await page.Locator("label[for=q0-o0]").TapAsync(); // câu 1: A. Rất tốt
        await page.Locator("label[for=q1-o4]").TapAsync(); // câu 2: E. Không biết
        Assert.True(await page.Locator("#q0-o0").IsCheckedAsync());
        Assert.True(await page.Locator("#q1-o4").IsCheckedAsync());
        await browser.ScreenshotAsync("khao-sat-dien-thoai");
        await page.SetViewportSizeAsync(360, 740); // the narrowest phones still in use
        Assert.True(await FitsAsync(page), "the questionnaire scrolls sideways at 360 px");
        await BrowserSession.FollowAsync(page, () => page.Locator("[data-testid=send]").TapAsync());
        Assert.EndsWith("/khao-sat/cam-on", page.Url);

        Assert.Contains("Cảm ơn ông/bà đã trả lời phiếu điều tra", await page.Locator("[data-testid=thanks]").InnerTextAsync());
        Assert.DoesNotContain(link.Code, await page.ContentAsync());
        Assert.True(await FitsAsync(page), "the thank-you page scrolls sideways");
        await browser.ScreenshotAsync("khao-sat-cam-on");
        Assert.Equal(2m, await SurveyDemo.SurveyValueAsync(browser.App, "1.6")); // A: 100 % of 2; question 2 answered "không biết", not counted

        // The district reads the unit's survey on a desktop: one answer, so both items are flagged.
        await page.SetViewportSizeAsync(1280, 900);
        await browser.GoAsync("/dang-nhap");
        await page.FillAsync("#username", "pnv.tpbackan");
        await page.FillAsync("#password", ParIndex.Silo.Demo.DemoSeeder.DemoPassword);
        await BrowserSession.ClickAndFollowAsync(page, "main button[type=submit]");
        Assert.Equal(browser.BaseAddress + "/", page.Url);
        await browser.GoAsync(SurveyDemo.UnitSurveyPage);
        Assert.Equal(2, await page.Locator("[data-testid=below-minimum]").CountAsync());
        await browser.ScreenshotAsync("khao-sat-ket-qua-don-vi");

        // The unit page flags them too, linking to the survey.
        await browser.GoAsync(SurveyDemo.UnitPage);
        Assert.Equal(2, await page.Locator("[data-testid=survey-flag]").CountAsync());
        await page.Locator("[data-testid=survey-flag][data-item='1.6']").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotFolder, "khao-sat-co-tren-trang-don-vi.png") });
    }
}
