using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages;

public class CycleOverviewPageTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static readonly string[] BacKanDistricts = ["058", "060", "061", "062", "063", "064", "065", "066"];

    [Fact]
    public async Task Shows_communes_province_wide_through_their_districts()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/cycles/par-2020-06");
        Assert.Contains("Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn", html);
        Assert.Contains("UBND các xã, phường, thị trấn", html);
        Assert.Contains("12 xuất sắc, 78 tốt, 18 khá", html);
        Assert.Contains("108 đơn vị", html);
        Assert.Contains("Toàn tỉnh: gộp 8 nhóm xếp hạng", html);
    }

    [Fact]
    public async Task Lists_every_group_with_counts_average_best_and_worst()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/cycles/par-2020-06");
        foreach (var group in new[] { "so", "huyen" }.Concat(BacKanDistricts.SelectMany(d => new[] { $"xa-{d}", $"phong-{d}" })))
            Assert.Contains($"href=\"/cycles/par-2020-06/groups/{group}\"", html);
        // Departments: 2 xuất sắc, 16 tốt, 1 khá; average 86,28; best Sở Công Thương 93,44; worst 78,12.
        Assert.Contains("2 xuất sắc, 16 tốt, 1 khá", html);
        Assert.Contains("86,28", html);
        Assert.Contains("<span class=\"pi-standing-index\">93,44</span><a href=\"/cycles/par-2020-06/units/06-SCT\">Sở Công Thương</a>", html);
        Assert.Contains("<span class=\"pi-standing-index\">78,12</span>", html);
    }

    [Fact]
    public async Task Links_into_each_district()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/cycles/par-2020-06");
        foreach (var district in BacKanDistricts)
            Assert.Contains($"href=\"/cycles/par-2020-06/districts/{district}\"", html);
        Assert.Contains("Huyện Pác Nặm", html);
    }

    [Fact]
    public async Task Has_breadcrumbs_and_a_class_chart_readable_without_javascript()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/cycles/par-2020-06");
        var crumbs = PageHtml.Breadcrumbs(html);
        Assert.Contains("href=\"/\">Trang chủ</a>", crumbs);
        Assert.Contains("Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn", crumbs);
        Assert.Contains("<script type=\"application/json\" id=\"chart-class-counts\">", html);
        Assert.Contains("/lib/chart.js/chart.umd.js", html);
        Assert.Contains("/js/charts.js", html);
        Assert.Contains("/css/pages.css", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_cycle_after_the_reform_has_no_districts()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/cycles/par-2025-19");
        Assert.Contains("Tỉnh Thái Nguyên", html);
        Assert.Contains("href=\"/cycles/par-2025-19/groups/so\"", html);
        Assert.Contains("href=\"/cycles/par-2025-19/groups/xa\"", html);
        Assert.Contains("12 xuất sắc, 71 tốt, 9 khá", html);
        Assert.DoesNotContain("/districts/", html);
        Assert.Contains(ParIndex.Silo.Demo.DemoSeeder.Notice, html);
    }

    [Fact]
    public async Task An_unknown_cycle_is_a_Vietnamese_404()
    {
        var (status, html) = await PageHtml.GetAsync((await app.ReaderAsync()), "/cycles/par-1999-00");
        PageHtml.AssertNotFound(status, html);
        Assert.Contains("Không có kỳ đánh giá \"par-1999-00\"", html);
    }
}
