using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Pages;

/// <summary>
/// Issue 16: the demo as shipped tells its story without a password. Bắc Kạn 2019 and 2020 were published, so an
/// anonymous visitor reads the rankings with their decisions, the drill-down to an item, the heat maps, the points
/// lost and the change since the year before; Thái Nguyên 2025 is in progress and stays for staff. The 2020 figures
/// are those of Quyết định 202/QĐ-UBND of 09/02/2021 (README, "The demo").
/// </summary>
public class PublishedDemoTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Cycle = "/cycles/par-2020-06";

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task An_anonymous_visitor_reads_the_2020_departments_as_published_with_the_year_before()
    {
        var html = await PageHtml.OkAsync(Anonymous(), $"{Cycle}/groups/so");
        Assert.Contains("Đã công bố theo QĐ <strong>202/QĐ-UBND</strong> ngày 09/02/2021", html);
        Assert.Equal("06-SCT", PageHtml.RowUnits(html)[0]);
        Assert.Contains("93,44", PageHtml.Row(html, "06-SCT"));
        Assert.Contains("Xuất sắc", PageHtml.Row(html, "06-SCT"));
        // The Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh was 4th in 2019 and is 2nd in 2020.
        var office = PageHtml.Row(html, "06-VP");
        Assert.Equal("06-VP", PageHtml.RowUnits(html)[1]);
        Assert.Contains("<td class=\"num\">4</td>", office);
        Assert.Contains("↑2", office);

        var districts = await PageHtml.OkAsync(Anonymous(), $"{Cycle}/groups/huyen");
        Assert.Equal("058", PageHtml.RowUnits(districts)[0]);
        Assert.Contains("83,38", PageHtml.Row(districts, "058"));
    }

    [Fact]
    public async Task An_anonymous_visitor_reads_every_page_of_a_published_commune_and_its_group()
    {
        foreach (var url in new[]
        {
            Cycle, $"{Cycle}/districts/058", $"{Cycle}/groups/xa-058", $"{Cycle}/groups/xa-058/heatmap", $"{Cycle}/groups/xa-058/points-lost",
            $"{Cycle}/groups/xa-058/self-vs-appraisal", $"{Cycle}/units/01834", $"{Cycle}/units/01834/fields/1", $"{Cycle}/units/01834/criteria/1.1",
            $"{Cycle}/units/01834/items/1.1", $"{Cycle}/units/01834/gain-plan", $"{Cycle}/districts/058/gain-plan", "/cycles/par-2019-06/groups/so", "/cycles/par-2019-06/units/01834",
        })
            await PageHtml.OkAsync(Anonymous(), url);
        foreach (var url in new[] { $"{Cycle}/groups/xa-058/export.csv", $"{Cycle}/groups/xa-058/export.xlsx", $"/api{Cycle}/groups/xa-058/ranking", $"/api{Cycle}/units/01834" })
            Assert.True((await Anonymous().GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
    }

    [Fact]
    public async Task Thai_Nguyen_2025_in_progress_stays_for_staff()
    {
        foreach (var url in new[] { "/cycles/par-2025-19", "/cycles/par-2025-19/groups/xa", "/cycles/par-2025-19/units/01840" })
            Assert.True(Staff.IsSignIn(await Anonymous().GetAsync(url)), url);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/cycles/par-2025-19/groups/xa/ranking")).StatusCode);
        await PageHtml.OkAsync(await app.ReaderAsync(), "/cycles/par-2025-19/groups/xa");
    }

    [Fact]
    public async Task The_public_list_names_the_decisions()
    {
        var html = await PageHtml.OkAsync(Anonymous(), "/cong-bo");
        Assert.DoesNotContain("Chưa có kết quả nào được công bố.", html);
        Assert.Contains("202/QĐ-UBND", html);
        Assert.Contains("09/02/2021", html);
        Assert.Contains($"href=\"{Cycle}/groups/xa-058\"", html);
        Assert.DoesNotContain("par-2025-19", html);
    }
}
