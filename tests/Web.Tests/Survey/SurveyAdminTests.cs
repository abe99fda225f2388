using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Survey;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Survey;

/// <summary>Running the demo's Thái Nguyên 2025 survey through the staff pages: questionnaires, the round, links, quotas, paper answers.</summary>
public class SurveyAdminTests
{
    private const string Cycle = "par-2025-19";
    private const string Admin = "/cycles/par-2025-19/dieu-tra";
    private const string Header = "respondent_id,unit_code,questionnaire,question_code,answer\n";

    private static Task<Staff> ProvinceAsync(DemoApp app) => Staff.SignInAsync(app, "snv.thainguyen");

    private static async Task<HttpResponseMessage> UploadAsync(Staff staff, string name, string csv)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await staff.TokenAsync()), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
        return await staff.Client.PostAsync($"{Admin}?handler=Import", form);
    }

    [Fact]
    public Task Only_who_runs_the_survey_sees_the_page() => OwnDemoApp.RunAsync(async app =>
    {
        Assert.True(Staff.IsSignIn(await (await Staff.SignInAsync(app, null)).Client.GetAsync(Admin)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, "snv.backan")).GetAsync(Admin)).Status); // another province
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, "phuong.ntmk")).GetAsync(Admin)).Status);
        var staff = await ProvinceAsync(app);
        var work = await staff.OkAsync("/cham-diem");
        Assert.Contains($"href=\"{Admin}\"", work);
        Assert.DoesNotContain("/cycles/par-2020-06/dieu-tra", work);
        var page = await staff.OkAsync(Admin);
        Assert.Contains("Đang chuẩn bị", page);
        foreach (var code in new[] { "P01", "P02", "P03" }) Assert.Contains($"data-questionnaire=\"{code}\"", page);
    });

    [Fact]
    public Task A_questionnaire_is_edited_and_added_while_the_round_is_a_draft_and_locked_once_it_opens() => OwnDemoApp.RunAsync(async app =>
    {
        var staff = await ProvinceAsync(app);
        var edit = $"{Admin}/phieu/P02";
        Assert.Contains("3.6.1 | ", await staff.OkAsync(edit));

        var options = "A | Rất hài lòng | 100\nB | Hài lòng | 60\nC | Chưa hài lòng | 20\nD | Rất không hài lòng | 0\nE | Không biết | không tính";
        var saved = await staff.PostAsync(edit, ("Title", "Phiếu 02 — người dân đánh giá sở (sửa)"), ("Group", "so"), ("Respondents", "Người dân"), ("Quota", "20"),
            ("Options", options), ("Questions", "Q1 | 3.6.1 | Thủ tục có được công khai?\nQ2 | 8.2.1 | Ông/bà có hài lòng?"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await staff.OkAsync(Admin);
        Assert.Contains("Phiếu 02 — người dân đánh giá sở (sửa)", page);
        Assert.Contains("Rất hài lòng", await staff.OkAsync(edit));

        // A question on an appraisal item is refused by the domain, and nothing changes.
        var wrong = await staff.PostAsync(edit, ("Title", "Sai"), ("Group", "so"), ("Quota", "20"), ("Options", options), ("Questions", "Q1 | 1.1.1 | Hỏi về tiêu chí thẩm định"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("1.1.1", await Staff.HtmlAsync(wrong));
        Assert.DoesNotContain(">Sai<", await staff.OkAsync(Admin));

        var added = await staff.PostAsync($"{Admin}/phieu", ("Code", "P04"), ("Title", "Phiếu 04 — công chức đánh giá sở"), ("Group", "so"), ("Quota", "5"),
            ("Options", options), ("Questions", "Q1 | 5.7.1 | Năng lực chuyên môn của công chức?"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("data-questionnaire=\"P04\"", await staff.OkAsync(Admin));

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"{Admin}?handler=Open", ("ClosesOn", ""), ("MinimumAnswers", "3"))).StatusCode);
        Assert.Contains("Đang điều tra", await staff.OkAsync(Admin));
        var locked = await staff.PostAsync(edit, ("Title", "Muộn"), ("Group", "so"), ("Quota", "20"), ("Options", options), ("Questions", "Q1 | 3.6.1 | ?"));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("đã mở", await Staff.HtmlAsync(locked));
    });

    [Fact]
    public Task Links_are_shown_once_answers_count_against_the_quota_and_the_round_closes() => OwnDemoApp.RunAsync(async app =>
    {
        var staff = await ProvinceAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"{Admin}?handler=Open", ("ClosesOn", "2099-12-31"), ("MinimumAnswers", "3"))).StatusCode);
        var response = await staff.PostAsync($"{Admin}/duong-dan", ("questionnaire", "P02"), ("unit", "19-SNV"), ("perUnit", "2"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        var html = await Staff.HtmlAsync(response);
        var codes = System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"code\">([0-9A-Z-]{14})<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, codes.Count);
        var csv = Encoding.UTF8.GetString(Convert.FromBase64String(System.Text.RegularExpressions.Regex.Match(html, "base64,([A-Za-z0-9+/=]+)\"").Groups[1].Value));
        Assert.All(codes, c => Assert.Contains(c, csv));

        await app.Services.GetRequiredService<SurveyAnswers>().AnswerAsync(codes[0], new Dictionary<string, string?> { ["Q1"] = "A", ["Q2"] = "B", ["Q3"] = "C", ["Q4"] = "A" });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"{Admin}?handler=Quota", ("questionnaire", "P02"), ("unit", "19-SNV"), ("target", "4"))).StatusCode);
        var page = await staff.OkAsync(Admin);
        var row = page[page.IndexOf("data-testid=\"progress-P02\"", StringComparison.Ordinal)..];
        row = row[row.IndexOf("data-unit=\"19-SNV\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains(">1<", row);
        Assert.Contains("value=\"4\"", row);
        Assert.Contains("25 %", row);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"{Admin}?handler=Close")).StatusCode);
        Assert.Contains("Đã kết thúc", await staff.OkAsync(Admin));
        await Assert.ThrowsAsync<ParIndex.Grains.Domain.DomainException>(() =>
            app.Services.GetRequiredService<SurveyAnswers>().AnswerAsync(codes[1], new Dictionary<string, string?> { ["Q1"] = "A", ["Q2"] = "A", ["Q3"] = "A", ["Q4"] = "A" }));
    });

    [Fact]
    public Task Paper_answers_are_imported_whole_or_not_at_all() => OwnDemoApp.RunAsync(async app =>
    {
        var staff = await ProvinceAsync(app);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"{Admin}?handler=Open", ("MinimumAnswers", "3"))).StatusCode);

        var bad = await UploadAsync(staff, "giay.csv", Header + "g-1,19-SNV,P02,Q1,A\ng-1,19-SNV,P02,Q2,X\ng-2,19-XXX,P02,Q1,A\n");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refusal = await Staff.HtmlAsync(bad);
        Assert.Contains("giay.csv:3", refusal);
        Assert.Contains("giay.csv:4", refusal);
        Assert.Contains("không có gì được lưu", refusal);
        Assert.Equal(0, (await app.Services.GetRequiredService<SurveyQueries>().OverviewAsync(Cycle))!.Rates.Sum(r => r.Respondents));

        var good = await UploadAsync(staff, "giay.csv", Header + "g-1,19-SNV,P02,Q1,A\ng-1,19-SNV,P02,Q2,B\ng-2,19-SNV,P02,Q1,D\n");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Đã nhập 3 câu trả lời từ tệp giay.csv", await staff.OkAsync(Admin));
        var unit = (await app.Services.GetRequiredService<SurveyQueries>().UnitAsync(Cycle, "19-SNV"))!;
        Assert.Equal(0.5m, unit.Items.Single(i => i.ItemCode == "3.6.1").Score); // (1 + 0) / 2 × 1
    });

    [Fact]
    public Task The_sample_size_helper_answers_n_for_a_population() => OwnDemoApp.RunAsync(async app =>
    {
        var staff = await ProvinceAsync(app);
        Assert.Contains("cần ít nhất n = 286 phiếu", await staff.OkAsync($"{Admin}?Population=1000&Margin=5"));
        Assert.Contains("không âm", await staff.OkAsync($"{Admin}?Population=-3"));
    });
}
