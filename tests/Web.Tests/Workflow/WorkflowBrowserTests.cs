using Microsoft.Playwright;
using ParIndex.Silo.Demo;
using ParIndex.Web.Tests.Browser;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>
/// One whole cycle for one commune in a real browser, each person signing in through the form: the
/// ward self-assesses with a file and submits, the appraisers return an item with a question, the ward
/// answers, the appraisers settle it, the city publishes, and anyone sees it on the public page.
/// </summary>
public class WorkflowBrowserTests
{
    private const string Cycle = "/cycles/par-2020-06";
    private const string Work = Cycle + "/units/01834/cham-diem";

    private static async Task<string> StatusAsync(IPage page) => (await page.Locator("[data-testid=status]").GetAttributeAsync("data-status"))!;

    [BrowserFact]
    public async Task A_commune_runs_its_whole_cycle_in_the_browser()
    {
        await using var browser = await BrowserSession.StartAsync(published: false); // the demo before its decisions: 01834 a draft
        var page = browser.Page;
        var pdf = Path.Combine(Path.GetTempPath(), $"ke-hoach-cchc-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, Files.Pdf());
        try
        {
            // The ward finds its scorecard from its unit page and self-assesses, with a file.
            await browser.SignInAsync("phuong.ntmk");
            await browser.GoAsync(Cycle + "/units/01834");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=work-link]");
            Assert.EndsWith(Work, page.Url);
            Assert.Equal("Draft", await StatusAsync(page));
            await page.FillAsync("input[name='self-1.2']", "1,75");
            await page.FillAsync("textarea[name='note-1.2']", "Hoàn thành 8/9 nhiệm vụ của kế hoạch");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=save-self]");
            Assert.Contains("Đã lưu nháp 1 thay đổi.", await page.Locator("[data-testid=flash]").InnerTextAsync());
            var row = page.Locator("tr[data-item='1.1']");
            await row.Locator("details.pi-upload summary").ClickAsync();
            await row.Locator("input[type=file]").SetInputFilesAsync(pdf);
            await BrowserSession.FollowAsync(page, () => row.Locator("button:has-text('Tải lên')").ClickAsync());
            Assert.EndsWith("/cham-diem#item-1.1", page.Url);
            Assert.Contains(Path.GetFileName(pdf), await row.Locator("[data-testid=evidence-link]").InnerTextAsync());
            await browser.ScreenshotAsync("20-tu-danh-gia");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=submit]");
            Assert.Equal("Submitted", await StatusAsync(page));
            Assert.Equal(0, await page.Locator("input[name='self-1.2']").CountAsync());

            // The appraisers find it waiting for them, score 1.2 and return it with a question.
            await browser.SignInAsync("thamdinh.xa058");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=my-work]");
            await browser.ScreenshotAsync("27-viec-cham-diem");
            await BrowserSession.ClickAndFollowAsync(page, $"section[data-cycle='par-2020-06'] tr[data-unit='01834'] a.btn");
            Assert.EndsWith(Work, page.Url);
            await page.FillAsync("input[name='appraised-1.2']", "1,5");
            await page.FillAsync("textarea[name='comment-1.2']", "Chưa có báo cáo kết quả thực hiện");
            await page.CheckAsync("input[name='return-1.2']");
            await page.FillAsync("input[name='question-1.2']", "Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch.");
            await page.Locator("tr[data-item='1.2']").ScrollIntoViewIfNeededAsync();
            await browser.ScreenshotAsync("21-tham-dinh");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=return]");
            Assert.Equal("Returned", await StatusAsync(page));

            // The ward answers, with a new file for the returned item.
            await browser.SignInAsync("phuong.ntmk");
            await browser.GoAsync(Work);
            Assert.Contains("Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch.", await page.Locator(".pi-answer-card").InnerTextAsync());
            var answer = page.Locator("#return-1\\.2");
            await answer.Locator("details.pi-upload summary").ClickAsync();
            await answer.Locator("input[type=file]").SetInputFilesAsync(pdf);
            await BrowserSession.FollowAsync(page, () => answer.Locator("button:has-text('Tải lên')").ClickAsync());
            Assert.EndsWith("/cham-diem#return-1.2", page.Url);
            await page.FillAsync("textarea[name='answer-1.2']", "Đã bổ sung Báo cáo số 45/BC-UBND ngày 15/12/2020.");
            await browser.ScreenshotAsync("22-giai-trinh");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=answer]");
            Assert.Equal("Submitted", await StatusAsync(page));
            Assert.Equal("2", await page.Locator("[data-testid=status]").GetAttributeAsync("data-round"));

            // Round 2: the appraisers settle it.
            await browser.SignInAsync("thamdinh.xa058");
            await browser.GoAsync(Work);
            await page.FillAsync("input[name='appraised-1.2']", "1,75");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=complete]");
            Assert.Equal("Appraised", await StatusAsync(page));
            await browser.GoAsync(Cycle + "/units/01834/nhat-ky");
            await browser.ScreenshotAsync("25-nhat-ky");

            // The city publishes its communes from their ranking.
            await browser.SignInAsync("pnv.tpbackan");
            await browser.GoAsync(Cycle + "/groups/xa-058");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=publish-link]");
            Assert.EndsWith("/groups/xa-058/cong-bo", page.Url);
            await page.FillAsync("#Number", "15/QĐ-UBND");
            await page.FillAsync("#Date", "2021-01-25");
            await page.FillAsync("#Signer", "Chủ tịch UBND thành phố Bắc Kạn");
            await browser.ScreenshotAsync("23-cong-bo");
            await BrowserSession.ClickAndFollowAsync(page, "[data-testid=publish]");
            Assert.Contains("Đã công bố kết quả", await page.Locator("[data-testid=flash]").InnerTextAsync());

            // Anyone sees it on the public page, and the ward's scorecard is published.
            await browser.GoAsync("/dang-xuat");
            await BrowserSession.ClickAndFollowAsync(page, "main button[type=submit]");
            await BrowserSession.ClickAndFollowAsync(page, "header a[href='/cong-bo']");
            Assert.EndsWith("/cong-bo", page.Url);
            var published = page.Locator("tr[data-group='xa-058']");
            Assert.Contains("15/QĐ-UBND", await published.InnerTextAsync());
            Assert.Contains("25/01/2021", await published.InnerTextAsync());
            await browser.ScreenshotAsync("24-ket-qua-cong-bo");
            await BrowserSession.FollowAsync(page, () => published.Locator($"a[href='{Cycle}/groups/xa-058']").ClickAsync());
            Assert.EndsWith("/groups/xa-058", page.Url);
            Assert.Contains("15/QĐ-UBND", await page.Locator("[data-testid=published]").InnerTextAsync());

            await browser.SignInAsync("phuong.ntmk");
            await browser.GoAsync(Work);
            Assert.Equal("Published", await StatusAsync(page));
            await browser.ScreenshotAsync("26-da-cong-bo");
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
