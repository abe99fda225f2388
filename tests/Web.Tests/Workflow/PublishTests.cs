using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>Publication through the page: the district publishes its communes, the public page lists it, the result is frozen.</summary>
public class PublishTests
{
    private const string Publish = "/cycles/par-2020-06/groups/xa-058/cong-bo";
    private const string Ranking = "/cycles/par-2020-06/groups/xa-058";
    private const string Work = "/cycles/par-2020-06/units/01834/cham-diem";

    private static IScorecardGrain Card(DemoApp app, string unit) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", unit));

    private static Task<HttpResponseMessage> PublishAsync(Staff staff, string number = "15/QĐ-UBND", string date = "2021-01-25", string signer = "Chủ tịch UBND thành phố Bắc Kạn") =>
        staff.PostAsync(Publish, ("Number", number), ("Date", date), ("Signer", signer));

    [Fact]
    public Task The_city_publishes_its_communes_the_public_sees_it_and_the_result_is_frozen() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await Staff.SignInAsync(app, "pnv.tpbackan");
        Assert.Contains("data-testid=\"publish-link\"", await district.OkAsync(Ranking));
        var page = await district.OkAsync(Publish);
        Assert.Contains("Quyết định công bố", page);
        Assert.Contains("8/8 đơn vị có kết quả chính thức", page);
        // The demo's scorecards are drafts with imported appraisal: publishing them is allowed, and the page says so.
        var note = page[page.IndexOf("data-testid=\"drafts-note\"", StringComparison.Ordinal)..];
        Assert.Contains("8 đơn vị chưa chốt thẩm định", note);
        Assert.Contains("Công bố vẫn được phép", note);

        var response = await PublishAsync(district);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        page = await district.OkAsync(Publish);
        Assert.Contains("Đã công bố kết quả UBND các xã, phường, thị trấn thuộc thành phố Bắc Kạn theo Quyết định số 15/QĐ-UBND ngày 25/01/2021.", page);
        Assert.Contains("data-testid=\"decisions\"", page);
        Assert.DoesNotContain("data-testid=\"publish\"", page); // no second form

        // Anyone reads it on the public page, with the decision and a link to the ranking.
        var anonymous = await Staff.SignInAsync(app, null);
        var list = await anonymous.OkAsync("/cong-bo");
        var row = list[list.IndexOf("data-group=\"xa-058\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains($"href=\"{Ranking}\"", row);
        Assert.Contains("15/QĐ-UBND", row);
        Assert.Contains("25/01/2021", row);
        Assert.Contains("Chủ tịch UBND thành phố Bắc Kạn", row);
        Assert.Contains($"href=\"{Publish}/phien-ban/1\" data-testid=\"version-link\">1</a>", row);
        Assert.DoesNotContain("data-group=\"xa-060\"", list);
        Assert.Contains("Đã công bố theo QĐ", await anonymous.OkAsync(Ranking));

        // Frozen: every member's grain knows at once; a later self score is refused with the domain's message.
        Assert.Equal(ScorecardStatus.Published, (await Card(app, "01834").GetAsync()).Workflow.Status);
        Assert.Equal(ScorecardStatus.Published, (await Card(app, "01855").GetAsync()).Workflow.Status);
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        page = await unit.OkAsync(Work);
        Assert.Contains("data-status=\"Published\"", page);
        Assert.DoesNotContain("name=\"self-1.2\"", page);
        var before = await Card(app, "01834").GetAsync();
        var change = await unit.ActAsync(Work, "SaveSelf", ("self-1.2", "0,5"));
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains("đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh", await Staff.HtmlAsync(change));
        Assert.Equal(before.Items["1.2"], (await Card(app, "01834").GetAsync()).Items["1.2"]);
        var appraiser = await Staff.SignInAsync(app, "thamdinh.xa058");
        Assert.Contains("đã được công bố", await Staff.HtmlAsync(await appraiser.ActAsync(Work, "Appraise", ("appraised-1.2", "0"))));

        // A second publication is refused, and the audit page shows the decision.
        var again = await PublishAsync(district, number: "16/QĐ-UBND");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh", await Staff.HtmlAsync(again));
        Assert.Contains("15/QĐ-UBND", await unit.OkAsync("/cycles/par-2020-06/units/01834/nhat-ky"));
    });

    [Fact]
    public Task A_group_with_a_provisional_result_is_not_published_and_the_page_says_which_unit() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        // 01837 as an import without one appraised score would leave it: its result is provisional.
        var contexts = app.Services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
            await db.ItemValues.Where(v => v.CycleId == "par-2020-06" && v.UnitCode == "01837" && v.ItemCode == "1.2")
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Appraised, (decimal?)null));
        var view = await Card(app, "01837").ReloadAsync();
        await Card(app, "01837").SetValuesAsync(new ScoreChange([new ScoreEntry("01837", "1.3", ScoreKind.Self, view.Items["1.3"].Self)], "test", ExpectedVersion: view.Version));
        Assert.True((await Card(app, "01837").GetAsync()).Result.Provisional);

        var province = await Staff.SignInAsync(app, "snv.backan");
        Assert.Contains("Còn 1 đơn vị có kết quả tạm tính", await province.OkAsync(Publish));

        var missing = await PublishAsync(province, number: " ", date: "", signer: "");
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var html = await Staff.HtmlAsync(missing);
        Assert.Contains("Cần nhập số quyết định công bố.", html);
        Assert.Contains("Cần nhập ngày ký quyết định", html);
        Assert.Contains("Cần nhập người ký quyết định.", html);

        var refused = await PublishAsync(province);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        html = await Staff.HtmlAsync(refused);
        Assert.Contains("Không công bố: 1 đơn vị chưa thẩm định xong; không có gì thay đổi.", html);
        Assert.Contains("đơn vị 01837 (Phường Sông Cầu) chưa thẩm định xong", html);

        Assert.Contains("Chưa có kết quả nào được công bố.", await (await Staff.SignInAsync(app, null)).OkAsync("/cong-bo"));
        Assert.Equal(ScorecardStatus.Draft, (await Card(app, "01834").GetAsync()).Workflow.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await (await Staff.SignInAsync(app, "phuong.ntmk")).ActAsync(Work, "SaveSelf", ("self-1.2", "0,5"))).StatusCode);
    });
}
