using System.Globalization;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages;

public class GroupRankingPageTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string So2020 = "/cycles/par-2020-06/groups/so";

    [Fact]
    public async Task The_2020_departments_are_led_by_So_Cong_Thuong_with_93_44_Xuat_sac()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), So2020);
        var units = PageHtml.RowUnits(html);
        Assert.Equal(19, units.Count);
        Assert.Equal("06-SCT", units[0]);
        Assert.Equal("06-VP", units[1]);
        var first = PageHtml.Row(html, "06-SCT");
        Assert.Contains("href=\"/cycles/par-2020-06/units/06-SCT\"", first);
        Assert.Contains("Sở Công Thương", first);
        Assert.Contains("93,44", first);
        Assert.Contains("<span class=\"band band-0\">Xuất sắc</span>", first);
        // Previous rank 3, moved up 2.
        Assert.Contains("<td class=\"num\">3</td>", first);
        Assert.Contains("class=\"pi-up\"", first);
        Assert.Contains("↑2", first);
    }

    [Fact]
    public async Task A_unit_that_moved_down_shows_a_red_arrow_and_the_class_word()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), So2020);
        var row = PageHtml.Row(html, "06-BDT"); // Ban Dân tộc: 1st in 2019, 5th in 2020
        Assert.Contains("class=\"pi-down\"", row);
        Assert.Contains("↓4", row);
        Assert.Contains("<span class=\"band band-1\">Tốt</span>", row);
        var last = PageHtml.Row(html, "06-STTTT");
        Assert.Contains("78,12", last);
        Assert.Contains("<span class=\"band band-2\">Khá</span>", last);
    }

    [Fact]
    public async Task Shows_the_group_summary_above_the_table()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), So2020);
        var table = html.IndexOf("<table", StringComparison.Ordinal);
        var summary = html.IndexOf("2 xuất sắc, 16 tốt, 1 khá", StringComparison.Ordinal);
        Assert.True(summary >= 0 && summary < table);
        Assert.True(html.IndexOf("86,28", StringComparison.Ordinal) < table, "average above the table");
        Assert.Contains("Số đơn vị", html);
        Assert.Contains("Chỉ số bình quân", html);
    }

    [Fact]
    public async Task Sort_links_in_the_headers_reorder_the_rows_on_the_server()
    {
        var client = (await app.ReaderAsync());
        var html = await PageHtml.OkAsync(client, So2020);
        Assert.Contains($"href=\"{So2020}?sort=unit&dir=asc\"", html);
        Assert.Contains($"href=\"{So2020}?sort=index&dir=desc\"", html);
        Assert.Contains($"href=\"{So2020}?sort=rank&dir=desc\"", html); // the current column flips
        foreach (var column in new[] { "self", "appraised", "survey", "change" })
            Assert.Contains($"{So2020}?sort={column}&dir=desc", html);

        var byRank = PageHtml.RowUnits(html);
        var byIndexAscending = PageHtml.RowUnits(await PageHtml.OkAsync(client, $"{So2020}?sort=index&dir=asc"));
        Assert.Equal(byRank.Reverse(), byIndexAscending);
        Assert.Equal("06-STTTT", byIndexAscending[0]);

        var rankDescending = PageHtml.RowUnits(await PageHtml.OkAsync(client, $"{So2020}?sort=rank&dir=desc"));
        Assert.Equal("06-STTTT", rankDescending[0]);

        var vi = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);
        var byName = PageHtml.RowNames(await PageHtml.OkAsync(client, $"{So2020}?sort=unit&dir=asc"));
        Assert.Equal(19, byName.Count);
        Assert.Equal(byName.Order(vi), byName);
        Assert.NotEqual(PageHtml.RowNames(html), byName);
        var byNameDescending = PageHtml.RowNames(await PageHtml.OkAsync(client, $"{So2020}?sort=unit&dir=desc"));
        Assert.Equal(byName.Reverse(), byNameDescending);
    }

    [Fact]
    public async Task Sorting_by_change_puts_the_biggest_climber_first()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), $"{So2020}?sort=change&dir=desc");
        var units = PageHtml.RowUnits(html);
        Assert.Equal("06-SGDDT", units[0]); // ↑3, the largest rise in 2020
        Assert.Contains("↑3", PageHtml.Row(html, units[0]));
        Assert.Equal("06-BDT", units[^1]); // ↓4
        Assert.Contains("aria-sort=\"descending\"", html);
    }

    [Fact]
    public async Task An_unknown_sort_falls_back_to_rank()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), $"{So2020}?sort=nonsense&dir=sideways");
        Assert.Equal("06-SCT", PageHtml.RowUnits(html)[0]);
    }

    [Fact]
    public async Task Links_to_exports_and_analyses_and_draws_a_chart_with_band_lines()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), So2020);
        foreach (var suffix in new[] { "/export.csv", "/export.xlsx", "/heatmap", "/points-lost", "/self-vs-appraisal" })
            Assert.Contains($"href=\"{So2020}{suffix}\"", html);
        const string open = "<script type=\"application/json\" id=\"chart-ranking\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        using var chart = System.Text.Json.JsonDocument.Parse(html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)]);
        Assert.Equal(19, chart.RootElement.GetProperty("values").GetArrayLength());
        Assert.Equal(93.44m, chart.RootElement.GetProperty("values")[0].GetDecimal());
        var lines = chart.RootElement.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("label").GetString(), l.GetProperty("min").GetDecimal())).ToList();
        Assert.Equal([("Xuất sắc", 90m), ("Tốt", 80m), ("Khá", 70m), ("Trung bình", 50m)], lines);
        Assert.Contains("/lib/chart.js/chart.umd.js", html);
    }

    [Fact]
    public async Task Breadcrumbs_lead_back_through_the_cycle_and_for_communes_through_their_district()
    {
        var client = (await app.ReaderAsync());
        var so = PageHtml.Breadcrumbs(await PageHtml.OkAsync(client, So2020));
        Assert.Contains("href=\"/cycles/par-2020-06\"", so);
        Assert.Contains("Sở, ban, ngành", so);

        var communes = await PageHtml.OkAsync(client, "/cycles/par-2020-06/groups/xa-058");
        var crumbs = PageHtml.Breadcrumbs(communes);
        Assert.Contains("href=\"/cycles/par-2020-06/districts/058\"", crumbs);
        Assert.Contains("UBND các xã, phường, thị trấn thuộc thành phố Bắc Kạn", crumbs);
        Assert.Equal("01855", PageHtml.RowUnits(communes)[0]); // Phường Xuất Hóa
    }

    [Fact]
    public async Task A_unit_formed_by_merger_shows_a_derived_previous_index_and_no_previous_rank()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/cycles/par-2025-19/groups/xa");
        var row = PageHtml.Row(html, "02008"); // Xã Cẩm Giàng, formed from Bắc Kạn communes
        Assert.Contains("91,93", row);
        Assert.Contains("<sup title=\"Trung bình chỉ số của các đơn vị tiền thân\">*</sup>", row);
        Assert.Contains("đơn vị tiền thân", html);
    }

    [Theory]
    [InlineData("/cycles/par-2020-06/groups/khong-co")]
    [InlineData("/cycles/par-1999-00/groups/so")]
    [InlineData("/cycles/par-2025-19/groups/huyen")]
    public async Task An_unknown_cycle_or_group_is_a_Vietnamese_404(string url)
    {
        var (status, html) = await PageHtml.GetAsync((await app.ReaderAsync()), url);
        PageHtml.AssertNotFound(status, html);
    }
}
