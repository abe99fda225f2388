using ParIndex.Grains.Contracts;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>
/// The public reads published results only: before publication a group's pages, exports and API are for staff
/// who may read every member's scorecard; after it, for anyone (docs/rules.md, issue 5). On the demo before its
/// decisions, so that each test decides what is published.
/// </summary>
public class ReadAccessTests
{
    private const string Cycle = "/cycles/par-2020-06";
    private static readonly string[] GroupPages =
        [$"{Cycle}/groups/xa-058", $"{Cycle}/groups/xa-058/heatmap", $"{Cycle}/groups/xa-058/points-lost", $"{Cycle}/groups/xa-058/self-vs-appraisal",
         $"{Cycle}/groups/xa-058/export.csv", $"{Cycle}/groups/xa-058/export.xlsx"];
    private static readonly string[] UnitPages =
        [$"{Cycle}/units/01834", $"{Cycle}/units/01834/fields/1", $"{Cycle}/units/01834/criteria/1.1", $"{Cycle}/units/01834/items/1.1", $"{Cycle}/units/01834/gain-plan"];
    private static readonly string[] Api = ["/api/cycles/par-2020-06/groups/xa-058/ranking", "/api/cycles/par-2020-06/units/01834"];

    [Fact]
    public Task Unpublished_results_send_the_public_to_sign_in_and_refuse_staff_without_the_right() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var anonymous = await Staff.SignInAsync(app, null);
        foreach (var url in GroupPages.Concat(UnitPages).Append(Cycle).Append($"{Cycle}/districts/058").Append($"{Cycle}/districts/058/gain-plan"))
            Assert.True(Staff.IsSignIn(await anonymous.Client.GetAsync(url)), $"anonymous read {url}");
        foreach (var url in Api)
        {
            var response = await anonymous.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("chưa được công bố", await response.Content.ReadAsStringAsync());
        }

        // Thái Nguyên's administrator may not read Bắc Kạn's drafts; Bắc Kạn's leaders may.
        var other = await Staff.SignInAsync(app, "snv.thainguyen");
        foreach (var url in GroupPages.Concat(UnitPages).Append(Cycle))
            Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(url)).Status);
        foreach (var url in Api) Assert.Equal(HttpStatusCode.Forbidden, (await other.Client.GetAsync(url)).StatusCode);
        var leaders = await Staff.SignInAsync(app, "lanhdao.backan");
        foreach (var url in GroupPages.Concat(UnitPages).Concat(Api).Append(Cycle)) Assert.Equal(HttpStatusCode.OK, (await leaders.Client.GetAsync(url)).StatusCode);

        // A ward's editor reads its own unit, not the ward next door nor the group's ranking.
        var ward = await Staff.SignInAsync(app, "phuong.ntmk");
        Assert.Equal(HttpStatusCode.OK, (await ward.GetAsync($"{Cycle}/units/01834")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync($"{Cycle}/units/01837")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync($"{Cycle}/groups/xa-058")).Status);

        // Its plan says what it could reach, but names none of the others: their drafts are not its to read.
        var others = (await app.Services.GetRequiredService<ParIndex.Web.Queries.ParIndexReader>().CycleAsync("par-2020-06")).Members["xa-058"]
            .Where(u => u.Code != "01834").Select(u => u.Name).ToList();
        var wardPlan = PageHtml.Section(await ward.OkAsync($"{Cycle}/units/01834/gain-plan"), "plan");
        Assert.DoesNotContain(others, wardPlan.Contains);
        Assert.Contains(others, PageHtml.Section(await leaders.OkAsync($"{Cycle}/units/01834/gain-plan"), "plan").Contains);
    });

    [Fact]
    public Task Once_a_group_is_published_anyone_reads_it_and_nothing_else() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        await app.Services.GetRequiredService<PublicationService>().PublishAsync("par-2020-06", "xa-058",
            new Decision("15/QĐ-UBND", new DateOnly(2021, 1, 25), "Chủ tịch UBND thành phố Bắc Kạn"), "pnv.tpbackan");
        var anonymous = await Staff.SignInAsync(app, null);
        foreach (var url in GroupPages.Concat(UnitPages).Concat(Api)) Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.GetAsync(url)).StatusCode);

        // The rest of the cycle is still unpublished: its other groups, its overview and the home page's figures.
        Assert.True(Staff.IsSignIn(await anonymous.Client.GetAsync($"{Cycle}/groups/so")));
        Assert.True(Staff.IsSignIn(await anonymous.Client.GetAsync($"{Cycle}/units/06-SCT")));
        Assert.True(Staff.IsSignIn(await anonymous.Client.GetAsync(Cycle)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.GetAsync("/api/cycles/par-2020-06/groups/so/ranking")).StatusCode);
        var home = await anonymous.OkAsync("/");
        Assert.DoesNotContain($"href=\"{Cycle}\"", home);
        Assert.Contains("data-readable=\"false\"", home);
        Assert.Contains($"href=\"{Cycle}\" data-readable=\"true\"", await (await Staff.SignInAsync(app, DemoApp.Reader)).OkAsync("/"));
    });
}
