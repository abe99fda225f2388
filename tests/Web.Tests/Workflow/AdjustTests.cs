using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Persistence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>
/// Adjustment in the browser: the city adjusts its published communes by a decision, with a scores.csv and
/// rows of the table; the new version shows what changed; every version stays readable on the page and the API.
/// </summary>
public class AdjustTests
{
    private const string Publish = "/cycles/par-2020-06/groups/xa-058/cong-bo";
    private const string Api = "/api/cycles/par-2020-06/groups/xa-058/ranking";

    private static IScorecardGrain Card(DemoApp app, string unit) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", unit));

    private static async Task<Staff> PublishedAsync(DemoApp app)
    {
        var district = await Staff.SignInAsync(app, "pnv.tpbackan");
        var published = await district.PostAsync(Publish, ("Number", "15/QĐ-UBND"), ("Date", "2021-01-25"), ("Signer", "Chủ tịch UBND thành phố Bắc Kạn"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return district;
    }

    /// <summary>Posts the adjustment form as the browser does (multipart, with the file when given).</summary>
    private static async Task<HttpResponseMessage> AdjustAsync(Staff staff, (string Name, string Value)[] fields, string? csv = null, string url = Publish)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await staff.TokenAsync()), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (csv is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(file, "ScoresFile", "dieu-chinh.csv");
        }
        return await staff.Client.PostAsync(url + "?handler=Adjust", form);
    }

    private static (string, string)[] Decision(string reason = "Phường Phùng Chí Kiên bổ sung tài liệu kiểm chứng", params (string, string)[] rows) =>
        [("Number", "1243/QĐ-UBND"), ("Date", "2021-07-30"), ("Signer", ""), ("Reason", reason), .. rows];

    private static string Row(string html, string unit)
    {
        var start = html.IndexOf($"data-unit=\"{unit}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {unit}");
        var row = html[start..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }

    [Fact]
    public Task The_city_adjusts_its_published_communes_and_sees_what_changed_and_every_version_stays_readable() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await PublishedAsync(app);
        Assert.Contains("data-testid=\"adjust\"", await district.OkAsync(Publish));

        // Phường Phùng Chí Kiên (3rd, 85.91) gains 0.75 on 1.3 (the table) and 1.25 on 2.2 (the file): 87.91, ahead of Nguyễn Thị Minh Khai (86.92).
        var response = await AdjustAsync(district,
            Decision(rows: [("Rows[0].Unit", "01843"), ("Rows[0].Item", "1.3"), ("Rows[0].Kind", "appraised"), ("Rows[0].Value", "1,5"), ("Rows[0].Note", "Đã bổ sung")]),
            csv: "unit_code,item_code,kind,value,note\n01843,2.2,appraised,1.5,Bổ sung báo cáo\n");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var version2 = Publish + "/phien-ban/2";
        Assert.Equal(version2, response.Headers.Location!.OriginalString);

        var page = await district.OkAsync(version2);
        Assert.Contains("Đã điều chỉnh kết quả UBND các xã, phường, thị trấn thuộc thành phố Bắc Kạn theo Quyết định số 1243/QĐ-UBND ngày 30/07/2021: phiên bản 2.", page);
        Assert.Contains("Lý do điều chỉnh: Phường Phùng Chí Kiên bổ sung tài liệu kiểm chứng", page);
        var changes = page[page.IndexOf("data-testid=\"changes\"", StringComparison.Ordinal)..];
        changes = changes[..changes.IndexOf("</table>", StringComparison.Ordinal)];
        var moved = Row(changes, "01843");
        Assert.Contains("85,91 → 87,91", moved);
        Assert.Contains("3 → 2", moved);
        Assert.Contains("Tốt → Tốt", moved);
        Assert.Contains("86,92 → 86,92", Row(changes, "01834"));
        Assert.Contains("2 → 3", Row(changes, "01834"));
        Assert.DoesNotContain("data-unit=\"01855\"", changes); // first before and after: unchanged, not listed

        // The grains read it at once: the current ranking is the new version.
        var current = await Json.GetAsync((await app.ReaderAsync()), Api);
        var line = current.EnumerateArray().Single(l => l.String("unitCode") == "01843");
        Assert.Equal(2, line.Int("rank"));
        Assert.Equal(2, line.Int("version"));
        Assert.Equal(1.5m, (await Card(app, "01843").GetAsync()).Items["2.2"].Appraised);

        // Version 1 as it was, for anyone: the page (with the decision, marked superseded) and the API.
        var anonymous = await Staff.SignInAsync(app, null);
        var version1 = await anonymous.OkAsync(Publish + "/phien-ban/1");
        Assert.Contains("Công bố theo Quyết định số", version1);
        Assert.Contains("15/QĐ-UBND", version1);
        Assert.Contains("data-testid=\"superseded\"", version1);
        var old = Row(version1[version1.IndexOf("data-testid=\"lines\"", StringComparison.Ordinal)..], "01843");
        Assert.Contains("<td class=\"num\">3</td>", old);
        Assert.Contains("85,91", old);
        var v1 = await Json.GetAsync((await app.ReaderAsync()), Api + "?version=1");
        var oldLine = v1.EnumerateArray().Single(l => l.String("unitCode") == "01843");
        Assert.Equal((3, 85.91m, 1), (oldLine.Int("rank")!.Value, oldLine.Decimal("indexDisplay")!.Value, oldLine.Int("version")!.Value));
        var v2 = await Json.GetAsync((await app.ReaderAsync()), Api + "?version=2");
        Assert.Equal(87.91m, v2.EnumerateArray().Single(l => l.String("unitCode") == "01843").Decimal("indexDisplay"));
        var unknown = await (await app.ReaderAsync()).GetAsync(Api + "?version=3");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Nhóm xa-058 của kỳ par-2020-06 không có phiên bản công bố 3.", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(Publish + "/phien-ban/3")).Status);

        // Linked from the publish page's decisions and from the public list.
        var publishPage = await district.OkAsync(Publish);
        Assert.Contains($"href=\"{Publish}/phien-ban/1\"", publishPage);
        Assert.Contains($"href=\"{version2}\" data-testid=\"version-link\">2 · Điều chỉnh</a>", publishPage);
        var list = await anonymous.OkAsync("/cong-bo");
        var entry = Row(list.Replace("data-group=\"xa-058\"", "data-unit=\"xa-058\""), "xa-058");
        Assert.Contains($"href=\"{version2}\"", entry);
        Assert.Contains($"href=\"{Publish}/phien-ban/1\"", entry);
        Assert.Contains("Điều chỉnh: Phường Phùng Chí Kiên bổ sung tài liệu kiểm chứng", entry);
    });

    [Fact]
    public Task Every_bad_row_is_listed_in_Vietnamese_and_nothing_is_stored() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await PublishedAsync(app);
        var before = await Card(app, "01834").GetAsync();

        var response = await AdjustAsync(district,
            Decision(rows:
            [
                ("Rows[0].Unit", "01843"), ("Rows[0].Item", "1.3"), ("Rows[0].Kind", "appraised"), ("Rows[0].Value", "1.5"), // good on its own
                ("Rows[1].Unit", ""), ("Rows[1].Item", ""), ("Rows[1].Kind", ""), ("Rows[1].Value", ""), // an empty row, as the form sends it
                ("Rows[2].Unit", "99999"), ("Rows[2].Item", "1.3"), ("Rows[2].Kind", "appraised"), ("Rows[2].Value", "1"),
                ("Rows[3].Unit", "01834"), ("Rows[3].Item", "1.2"), ("Rows[3].Kind", "diem"), ("Rows[3].Value", "1"),
                ("Rows[4].Unit", "01858"), ("Rows[4].Item", "1.2"), ("Rows[4].Kind", "appraised"), ("Rows[4].Value", "1"), // Pác Nặm's commune
            ]),
            csv: "unit_code,item_code,kind,value,note\n01834,1.2,appraised,5,\n01834,1.1,appraised,abc,\n");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        Assert.Contains("Chưa điều chỉnh được; không có gì thay đổi:", html);
        Assert.Contains("dieu-chinh.csv:2: đơn vị 01834, tiêu chí 1.2: điểm thẩm định 5 vượt điểm tối đa 2.", html);
        Assert.Contains("dieu-chinh.csv:3: đơn vị 01834, tiêu chí 1.1:", html);
        Assert.Contains("Bảng, dòng 3: đơn vị 99999, tiêu chí 1.3: đơn vị 99999 không thuộc nhóm nào của kỳ đánh giá.", html);
        Assert.Contains("Bảng, dòng 4: đơn vị 01834, tiêu chí 1.2: loại điểm (kind) \"diem\" không hợp lệ", html);
        Assert.Contains("Bảng, dòng 5: đơn vị 01858 không thuộc nhóm UBND các xã, phường, thị trấn thuộc thành phố Bắc Kạn", html);
        Assert.Contains("value=\"99999\"", html); // the table comes back as typed

        // Without a reason, or values, it is refused too; the service's own refusals (a later check) are shown as well.
        html = await Staff.HtmlAsync(await AdjustAsync(district, [("Number", ""), ("Date", "30/07/2021"), ("Reason", " ")]));
        Assert.Contains("Cần nhập số quyết định điều chỉnh.", html);
        Assert.Contains("Cần nêu lý do điều chỉnh.", html);
        Assert.Contains("Cần tải lên tệp scores.csv hoặc nhập ít nhất một dòng", html);

        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync(Publish + "/phien-ban/2")).Status);
        Assert.Equal(before.Items["1.2"], (await Card(app, "01834").GetAsync()).Items["1.2"]);
        Assert.Equal(0.75m, (await Card(app, "01843").ReloadAsync()).Items["1.3"].Appraised); // the good row was not stored either
        Assert.All((await Json.GetAsync((await app.ReaderAsync()), Api)).EnumerateArray(), l => Assert.Equal(1, l.Int("version")));
    });

    [Fact]
    public Task A_file_with_many_bad_rows_lists_every_one() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await PublishedAsync(app);
        var csv = new StringBuilder("unit_code,item_code,kind,value,note\n");
        for (var i = 0; i < 40; i++) csv.Append($"01834,1.2,appraised,{3 + i},\n");

        var response = await AdjustAsync(district, Decision(), csv: csv.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        for (var line = 2; line <= 41; line++)
            Assert.Contains($"dieu-chinh.csv:{line}: đơn vị 01834, tiêu chí 1.2: điểm thẩm định {line + 1} vượt điểm tối đa 2.", html);
    });

    [Fact]
    public Task A_refusal_by_the_service_is_shown_and_nothing_of_the_decision_is_stored() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await PublishedAsync(app);
        // One member's scorecard as if it had not been frozen: the reader passes every row, PublicationService refuses the whole decision.
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
            await db.Scorecards.Where(c => c.CycleId == "par-2020-06" && c.UnitCode == "01843").ExecuteUpdateAsync(x => x.SetProperty(c => c.Status, "Appraised"));

        var response = await AdjustAsync(district, Decision(rows:
        [
            ("Rows[0].Unit", "01834"), ("Rows[0].Item", "1.3"), ("Rows[0].Kind", "appraised"), ("Rows[0].Value", "0.5"),
            ("Rows[1].Unit", "01843"), ("Rows[1].Item", "1.3"), ("Rows[1].Kind", "appraised"), ("Rows[1].Value", "1.5"),
        ]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        Assert.Contains("Không nhập điểm: 1 lỗi, không có gì được lưu.", html);
        Assert.Contains("Đơn vị 01843: kết quả chưa được công bố", html);
        var stored = (await Card(app, "01834").ReloadAsync()).Items["1.3"].Appraised;
        Assert.NotEqual(0.5m, stored); // the good row went nowhere either
        Assert.Equal(HttpStatusCode.NotFound, (await district.GetAsync(Publish + "/phien-ban/2")).Status);
        Assert.DoesNotContain("2 · Điều chỉnh", await district.OkAsync(Publish)); // no second decision in the list
    });

    [Fact]
    public Task An_adjustment_of_an_unpublished_group_is_refused_with_a_clear_message() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await Staff.SignInAsync(app, "pnv.tpbackan");
        Assert.DoesNotContain("data-testid=\"adjust\"", await district.OkAsync(Publish));

        var response = await AdjustAsync(district,
            Decision(rows: [("Rows[0].Unit", "01843"), ("Rows[0].Item", "1.3"), ("Rows[0].Kind", "appraised"), ("Rows[0].Value", "1.5")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("chưa được công bố: chưa thể điều chỉnh", await Staff.HtmlAsync(response));
        Assert.Equal(0.75m, (await Card(app, "01843").GetAsync()).Items["1.3"].Appraised);

        // And those who may not publish the group may not adjust it either.
        var other = await Staff.SignInAsync(app, "thamdinh.xa058");
        Assert.Equal(HttpStatusCode.Forbidden, (await AdjustAsync(other, Decision())).StatusCode);
        Assert.True(Staff.IsSignIn(await AdjustAsync(await Staff.SignInAsync(app, null), Decision())));
    });
}
