using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using ParIndex.Silo.Demo;

namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// Issue 6's "Done when", in a real browser: the province (snv.thainguyen) defines a questionnaire for
/// Thái Nguyên's departments in 2025, opens the round, makes one-time links for Sở Tư pháp, two respondents
/// answer them on a phone (a third try is refused), the progress, the unit's survey page, the unit page and
/// the ranking move, paper answers are imported (and a bad file refused line by line), and the round closes.
/// </summary>
public class SurveyRoundBrowserTests
{
    private const string Cycle = "/cycles/par-2025-19";
    private const string Admin = Cycle + "/dieu-tra";
    private const string Unit = "19-STP";
    private const string UnitName = "Sở Tư pháp";
    private const string UnitPage = Cycle + "/units/" + Unit;
    private const string Ranking = Cycle + "/groups/so";
    private const string Title = "Phiếu 04 — công chức, viên chức đánh giá đội ngũ công chức của sở";
    private const string Header = "respondent_id,unit_code,questionnaire,question_code,answer\n";

    /// <summary>Clicks and waits for the next page (a post may come back to the same address).</summary>
    private static Task SubmitAsync(IPage page, string selector) => BrowserSession.ClickAndFollowAsync(page, selector);

    private static Task<string> TextAsync(IPage page, string selector) => page.Locator(selector).InnerTextAsync();

    /// <summary>A number as the pages show it (1.234,56).</summary>
    private static decimal Read(string shown) =>
        decimal.Parse(shown.Trim().Replace(".", "").Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);

    private static Task<string> SurveyValueAsync(IPage page, string item) => TextAsync(page, $"tr[data-item='{item}'] [data-testid=survey-value]");

    private static Task<string> ProgressAsync(IPage page) => TextAsync(page, $"[data-testid=progress-P04] tr[data-unit='{Unit}'] [data-testid=answered]");

    /// <summary>Sở Tư pháp's survey subtotal in the group's ranking.</summary>
    private static async Task<decimal> RankedSurveyAsync(BrowserSession browser)
    {
        await browser.GoAsync(Ranking);
        return Read(await TextAsync(browser.Page, $"tr[data-unit='{Unit}'] [data-testid=survey-subtotal]"));
    }

    [BrowserFact]
    public async Task A_province_defines_runs_closes_and_scores_a_survey_round_and_imports_paper_answers()
    {
        await using var browser = await BrowserSession.StartAsync(1400, 1000);
        var page = browser.Page;
        var folder = Path.Combine(Path.GetTempPath(), $"dieu-tra-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            // 1. The province signs in through the form and finds the survey from its work.
            await browser.GoAsync("/dang-nhap");
            await page.FillAsync("#username", "snv.thainguyen");
            await page.FillAsync("#password", DemoSeeder.DemoPassword);
            await BrowserSession.ClickAndFollowAsync(page, "main button[type=submit]");
            Assert.Equal(browser.BaseAddress + "/", page.Url);

            // What the survey items and the ranking say before the round (the demo's imported survey scores).
            await browser.GoAsync(UnitPage);
            var before = Read(await SurveyValueAsync(page, "5.7.1")) + Read(await SurveyValueAsync(page, "5.7.2"));
            var rankedBefore = await RankedSurveyAsync(browser);

            await browser.GoAsync("/cham-diem");
            await SubmitAsync(page, "[data-cycle=par-2025-19] [data-testid=survey-link]");
            Assert.EndsWith(Admin, page.Url);
            Assert.Equal("Đang chuẩn bị", await TextAsync(page, "[data-testid=round-status]"));
            foreach (var code in new[] { "P01", "P02", "P03" })
                Assert.Equal(1, await page.Locator($"[data-testid=rates] tr[data-questionnaire={code}]").CountAsync());

            // 2. A new questionnaire: options as proposed, two questions on survey items of so-2025.
            await SubmitAsync(page, "[data-testid=new-questionnaire]");
            Assert.EndsWith(Admin + "/phieu", page.Url);
            var options = await page.InputValueAsync("#Options");
            Assert.Contains("A | Rất tốt | 100", options);
            Assert.Contains("E | Không biết | không tính", options);
            await page.FillAsync("#Code", "P04");
            await page.FillAsync("#Title", Title);
            await page.SelectOptionAsync("#Group", "so");
            await page.FillAsync("#Respondents", "Công chức, viên chức");
            await page.FillAsync("#Quota", "5");
            await page.FillAsync("#Questions",
                "Q1 | 5.7.1 | Công chức của sở có năng lực chuyên môn khi thực thi công vụ?\nQ2 | 5.7.2 | Công chức của sở có tinh thần trách nhiệm, thái độ phục vụ tốt?");
            await browser.ScreenshotAsync("dieu-tra-phieu");
            await SubmitAsync(page, "[data-testid=save-questionnaire]");
            Assert.EndsWith(Admin, page.Url);
            Assert.Equal("Đã lưu phiếu P04.", await TextAsync(page, "[data-testid=flash]"));
            var p04 = page.Locator("[data-testid=rates] tr[data-questionnaire=P04]");
            Assert.Contains(Title, await p04.InnerTextAsync());
            Assert.Equal("2", await p04.Locator("[data-testid=questions]").InnerTextAsync()); // two questions
            Assert.Equal("Công chức, viên chức", await p04.Locator("[data-testid=respondent-group]").InnerTextAsync());

            // 3. The round opens until a day in the future, 2 counted answers at least; questionnaires lock.
            var lastDay = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
            await page.FillAsync("#ClosesOn", lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.FillAsync("#MinimumAnswers", "2");
            await SubmitAsync(page, "[data-testid=open-round]");
            var shownDay = lastDay.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            Assert.Equal($"Đã mở đợt điều tra đến hết ngày {shownDay}.", await TextAsync(page, "[data-testid=flash]"));
            Assert.Equal("Đang điều tra", await TextAsync(page, "[data-testid=round-status]"));
            var head = await TextAsync(page, ".pi-page-head");
            Assert.Contains($"đến hết ngày {shownDay}", head);
            Assert.Contains("tối thiểu 2 phiếu", head);
            Assert.Equal(0, await page.Locator("[data-testid=new-questionnaire]").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=open-round]").CountAsync());

            await SubmitAsync(page, "[data-testid=rates] tr[data-questionnaire=P04] a");
            Assert.EndsWith(Admin + "/phieu/P04", page.Url);
            Assert.Contains("đã mở", await TextAsync(page, "[data-testid=locked]"));
            Assert.True(await page.Locator("[data-testid=questionnaire-form] fieldset").EvaluateAsync<bool>("f => f.disabled"));
            Assert.True(await page.Locator("#Title").IsDisabledAsync());
            Assert.True(await page.Locator("#Questions").IsDisabledAsync());
            Assert.True(await page.Locator("[data-testid=save-questionnaire]").IsDisabledAsync());
            Assert.Equal(0, await page.Locator("[data-testid=delete-questionnaire]").CountAsync());
            Assert.Contains("5.7.2 | Công chức của sở có tinh thần trách nhiệm", await page.InputValueAsync("#Questions"));

            // 4. Two one-time links for Sở Tư pháp, shown once with their codes and a CSV.
            await browser.GoAsync(Admin);
            await page.SelectOptionAsync("#link-questionnaire", "P04");
            await page.SelectOptionAsync("#link-unit", Unit);
            await page.FillAsync("#link-count", "2");
            await SubmitAsync(page, "[data-testid=generate-links]");
            Assert.EndsWith(Admin + "/duong-dan", page.Url);
            var codes = (await page.Locator("[data-testid=issued-links] [data-testid=code]").AllInnerTextsAsync()).Select(c => c.Trim()).ToList();
            Assert.Equal(2, codes.Count);
            Assert.Equal(2, codes.Distinct().Count());
            Assert.All(codes, c => Assert.Matches("^[0-9A-Z]{4}(-[0-9A-Z]{4}){2}$", c));
            Assert.Equal(2, await page.Locator($"[data-testid=issued-links] tbody tr:has-text('{UnitName}')").CountAsync());
            var download = page.Locator("[data-testid=download-links]");
            Assert.True(await download.IsVisibleAsync());
            Assert.EndsWith(".csv", await download.GetAttributeAsync("download"));
            var href = (await download.GetAttributeAsync("href"))!;
            Assert.StartsWith("data:text/csv;charset=utf-8;base64,", href);
            var csv = Encoding.UTF8.GetString(Convert.FromBase64String(href[(href.IndexOf(',') + 1)..]));
            Assert.All(codes, c => Assert.Contains($"{Unit},{UnitName},P04,{c},", csv));
            await browser.ScreenshotAsync("dieu-tra-duong-dan");

            // 5. Two respondents on a phone, no account: each answers once, a second try is refused.
            var phone = await browser.NewPageAsync(390, 844, mobile: true);
            async Task AnswerAsync(string code, int q1, int q2)
            {
                await phone.GotoAsync(browser.BaseAddress + "/khao-sat/" + code);
                Assert.Equal(Title, await TextAsync(phone, "[data-testid=questionnaire]"));
                Assert.Equal(UnitName, await TextAsync(phone, "[data-testid=unit]"));
                await phone.Locator($"label[for=q0-o{q1}]").TapAsync();
                await phone.Locator($"label[for=q1-o{q2}]").TapAsync();
                await BrowserSession.FollowAsync(phone, () => phone.Locator("[data-testid=send]").TapAsync());
                Assert.EndsWith("/khao-sat/cam-on", phone.Url);
                Assert.Contains("Cảm ơn ông/bà đã trả lời phiếu điều tra", await TextAsync(phone, "[data-testid=thanks]"));
            }
            // Options in order A, B, C, D, E: 5.7.1 gets A (100 %) and B (60 %); 5.7.2 gets C (20 %) and E (không biết).
            await phone.GotoAsync(browser.BaseAddress + "/khao-sat/" + codes[0]);
            await BrowserSession.ScreenshotAsync(phone, "dieu-tra-p04-dien-thoai");
            await AnswerAsync(codes[0], 0, 2);
            await AnswerAsync(codes[1], 1, 4);
            var again = await phone.GotoAsync(browser.BaseAddress + "/khao-sat/" + codes[0]);
            Assert.Equal(410, again!.Status);
            Assert.Contains("mỗi đường dẫn chỉ dùng được một lần", await TextAsync(phone, "[data-testid=refusal-message]"));
            Assert.Equal(0, await phone.Locator("[data-testid=send]").CountAsync());

            // 6. The staff see it: the progress, the distribution, the score (by hand: 5.7.1 = (1 + 0,6) / 2 × 1 = 0,8;
            // 5.7.2 = 0,2 / 1 × 1 = 0,2, one counted answer, below the minimum of 2), and the ranking.
            await browser.GoAsync(Admin);
            Assert.Equal("2", await ProgressAsync(page));
            Assert.Equal("2", await TextAsync(page, "[data-testid=rates] tr[data-questionnaire=P04] [data-testid=respondents]"));
            Assert.Equal("2/2", await TextAsync(page, "[data-testid=rates] tr[data-questionnaire=P04] [data-testid=links-used]"));
            Assert.Equal("40 %", await TextAsync(page, $"[data-testid=progress-P04] tr[data-unit='{Unit}'] .progress-bar")); // 2 of the quota 5
            await page.Locator("[data-testid=progress-P04]").ScrollIntoViewIfNeededAsync();
            await browser.ScreenshotAsync("dieu-tra-tien-do");

            await browser.GoAsync(UnitPage + "/khao-sat");
            var distribution = page.Locator("[data-questionnaire=P04] [data-testid=distribution]");
            async Task<string> CountAsync(string question, string option) =>
                (await distribution.Locator($"tr[data-question={question}] td[data-option={option}] > span.num").InnerTextAsync()).Trim();
            Assert.Equal(("1", "1", "0"), (await CountAsync("Q1", "A"), await CountAsync("Q1", "B"), await CountAsync("Q1", "C")));
            Assert.Equal(("1", "0", "1"), (await CountAsync("Q2", "C"), await CountAsync("Q2", "D"), await CountAsync("Q2", "E")));
            Assert.Equal("2", await TextAsync(page, "[data-questionnaire=P04] [data-testid=respondents]"));
            var items = page.Locator("[data-testid=survey-items]");
            Assert.Equal("0,8", await items.Locator("tr[data-item='5.7.1'] [data-testid=score]").InnerTextAsync());
            Assert.Equal("0,2", await items.Locator("tr[data-item='5.7.2'] [data-testid=score]").InnerTextAsync());
            Assert.Equal(0, await items.Locator("tr[data-item='5.7.1'] [data-testid=below-minimum]").CountAsync());
            Assert.Contains("n = 1 < 2", await items.Locator("tr[data-item='5.7.2'] [data-testid=below-minimum]").InnerTextAsync());
            await browser.ScreenshotAsync("dieu-tra-ket-qua-don-vi");

            await browser.GoAsync(UnitPage);
            Assert.Equal("0,8", await SurveyValueAsync(page, "5.7.1"));
            Assert.Equal("0,2", await SurveyValueAsync(page, "5.7.2"));
            Assert.Equal(1, await page.Locator("[data-testid=survey-flag][data-item='5.7.2']").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=survey-flag][data-item='5.7.1']").CountAsync());
            var rankedAfter = await RankedSurveyAsync(browser);
            Assert.True(await page.Locator($"tr[data-unit='{Unit}'] a:has-text('{UnitName}')").IsVisibleAsync());
            var expected = rankedBefore + (0.8m + 0.2m - before);
            Assert.True(Math.Abs(rankedAfter - expected) <= 0.01m, $"the ranking shows {rankedAfter} as the survey subtotal of {Unit}, expected about {expected}");

            // 7. Paper answers: two respondents, four answers. 5.7.1: A, B, D, D → (1 + 0,6 + 0 + 0) / 4 = 0,4;
            // 5.7.2: C, E, A, D → (0,2 + 1 + 0) / 3 = 0,4.
            var good = Path.Combine(folder, "giay-p04.csv");
            await File.WriteAllTextAsync(good, Header + $"g-1,{Unit},P04,Q1,D\ng-1,{Unit},P04,Q2,A\ng-2,{Unit},P04,Q1,D\ng-2,{Unit},P04,Q2,D\n");
            await browser.GoAsync(Admin);
            await page.SetInputFilesAsync("input[name=file]", good);
            await SubmitAsync(page, "[data-testid=import]");
            Assert.Equal("Đã nhập 4 câu trả lời từ tệp giay-p04.csv; điểm điều tra của 1 đơn vị đã được tính lại.", await TextAsync(page, "[data-testid=flash]"));
            Assert.Equal("4", await ProgressAsync(page));

            // A file with three bad lines (an unknown option, an unknown unit, an unknown question) is refused whole.
            var bad = Path.Combine(folder, "giay-sai.csv");
            await File.WriteAllTextAsync(bad, Header + $"g-3,{Unit},P04,Q1,A\ng-3,{Unit},P04,Q2,X\ng-4,19-XXX,P04,Q1,A\ng-5,{Unit},P04,Q9,A\n");
            await page.SetInputFilesAsync("input[name=file]", bad);
            await SubmitAsync(page, "[data-testid=import]");
            var refusal = page.Locator("[data-testid=refusal]");
            Assert.Contains("Không nhập tệp giay-sai.csv: 3 lỗi, không có gì được lưu.", await refusal.Locator("strong").InnerTextAsync());
            var problems = await refusal.Locator("li").AllInnerTextsAsync();
            Assert.Equal(3, problems.Count);
            Assert.StartsWith("giay-sai.csv:3", problems[0]);
            Assert.Contains("X", problems[0]);
            Assert.StartsWith("giay-sai.csv:4", problems[1]);
            Assert.Contains("19-XXX", problems[1]);
            Assert.StartsWith("giay-sai.csv:5", problems[2]);
            Assert.Contains("Q9", problems[2]);
            await browser.ScreenshotAsync("dieu-tra-phieu-giay-loi");
            Assert.Equal("4", await ProgressAsync(page)); // nothing of it stored

            await browser.GoAsync(UnitPage);
            Assert.Equal("0,4", await SurveyValueAsync(page, "5.7.1"));
            Assert.Equal("0,4", await SurveyValueAsync(page, "5.7.2"));
            Assert.Equal(0, await page.Locator("[data-testid=survey-flag][data-item='5.7.2']").CountAsync()); // 3 counted now

            // 8. The round closes: no more links, and the form to make them is gone.
            await browser.GoAsync(Admin);
            await SubmitAsync(page, "[data-testid=close-round]");
            Assert.Equal("Đã kết thúc đợt điều tra: đường dẫn không còn nhận câu trả lời.", await TextAsync(page, "[data-testid=flash]"));
            Assert.Equal("Đã kết thúc", await TextAsync(page, "[data-testid=round-status]"));
            Assert.Equal(0, await page.Locator("[data-testid=generate-links]").CountAsync());
            Assert.Equal(0, await page.Locator("#link-questionnaire").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=close-round]").CountAsync());
            Assert.Equal("4", await ProgressAsync(page));
            await browser.ScreenshotAsync("dieu-tra-tong-quan");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
