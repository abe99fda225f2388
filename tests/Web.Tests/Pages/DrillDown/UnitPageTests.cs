using System.Text.Json;
using ParIndex.Silo.Demo;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;
using static ParIndex.Web.Tests.Support.PageHtml;

namespace ParIndex.Web.Tests.Pages.DrillDown;

public class UnitPageTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Sct = "/cycles/par-2020-06/units/06-SCT";

    [Fact]
    public async Task The_unit_page_shows_the_published_result_of_Bac_Kan_2020_first()
    {
        var html = await app.PageAsync(Sct);
        var line = await app.Reader().LineAsync("par-2020-06", "06-SCT");

        Assert.Equal("93,44", TestId(html, "index"));
        Assert.Contains("<span class=\"band band-0\">Xuất sắc</span>", html);
        Assert.Equal(1, line.Rank);
        Assert.Contains("<span class=\"num\" data-testid=\"unit-rank\">1</span><span class=\"pi-kpi-of\">/ 19</span>", html);
        Assert.Contains(Vn.Score(line.Obtained), html);
        foreach (var subtotal in new[] { line.SelfSubtotal, line.AppraisalSubtotal, line.SurveySubtotal })
            Assert.Contains($"<td class=\"num\">{Vn.Score(subtotal)}</td>", html);
        Assert.Contains($"<span class=\"num\">{Vn.Number(line.PreviousIndex)}</span>", html);
        Assert.Contains($"Xếp hạng năm trước: <span class=\"num\">{line.PreviousRank}</span>", html);
        Assert.DoesNotContain("data-testid=\"derived\"", html);
        Assert.DoesNotContain("Tạm tính", html);
        Assert.Contains(DemoSeeder.Notice, html);
    }

    [Fact]
    public async Task Breadcrumbs_lead_back_to_the_group_the_cycle_and_home()
    {
        var crumbs = Crumbs(await app.PageAsync(Sct));
        Assert.Equal([
            ("Trang chủ", "/"),
            ("Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn", "/cycles/par-2020-06"),
            ("Sở, ban, ngành", "/cycles/par-2020-06/groups/so"),
            ("Sở Công Thương", null),
        ], crumbs);
    }

    [Fact]
    public async Task Component_indices_are_shown_against_the_group_average_in_a_table_and_the_chart_data()
    {
        var html = await app.PageAsync(Sct);
        var reader = app.Reader();
        var card = await reader.ScorecardAsync("par-2020-06", "06-SCT");
        var framework = (await reader.CycleAsync("par-2020-06")).FrameworkOf("06-SCT");
        var summary = await reader.GroupSummaryAsync("par-2020-06", "so");
        var table = Section(html, "fields");
        var scored = framework.Fields.Where(f => f.Items.Any(i => i.CountsInMaximum)).ToList();

        foreach (var field in scored)
        {
            var (_, _, index) = Independent.Component(card, field.Items);
            Assert.Contains($">{Vn.Number(index)}</td>", table);
            Assert.Contains($"<td class=\"num\">{Vn.Number(summary.Fields.Single(f => f.FieldCode == field.Code).Average)}</td>", table);
            Assert.Contains($"href=\"{Sct}/fields/{field.Code}\"", table);
        }

        var json = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/json\" id=\"fields-chart-data\">(.*?)</script>").Groups[1].Value;
        using var chart = JsonDocument.Parse(json);
        Assert.Equal(scored.Count, chart.RootElement.GetProperty("labels").GetArrayLength());
        var unitBars = chart.RootElement.GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(e => e.GetDecimal()).ToList();
        Assert.Equal(scored.Select(f => decimal.Round(Independent.Component(card, f.Items).Index!.Value, 2, MidpointRounding.AwayFromZero)), unitBars);
        Assert.Contains("/lib/chart.js/chart.umd.js", html);
        Assert.Contains("/js/unit-charts.js", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_item_is_listed_with_its_scores_comment_and_the_evidence_placeholder()
    {
        var html = await app.PageAsync(Sct);
        var reader = app.Reader();
        var card = await reader.ScorecardAsync("par-2020-06", "06-SCT");
        var framework = (await reader.CycleAsync("par-2020-06")).FrameworkOf("06-SCT");

        foreach (var item in framework.Items)
            Assert.Contains($"href=\"{Sct}/items/{item.Code}\"", html);
        var commented = card.Items.Where(i => i.Value.AppraisedNote is not null).ToList();
        Assert.NotEmpty(commented);
        foreach (var (_, values) in commented) Assert.Contains(values.AppraisedNote!, html);
        Assert.Equal(framework.Items.Count(), CountOf(html, "<span class=\"pi-evidence-none\">Chưa có tài liệu kiểm chứng</span>"));
    }

    [Fact]
    public async Task The_history_lists_every_cycle_that_assessed_the_unit()
    {
        var html = await app.PageAsync(Sct);
        var history = Section(html, "history");
        var earlier = await app.Reader().LineAsync("par-2019-06", "06-SCT");
        Assert.Contains("<td class=\"num text-start\">2020</td>", history);
        Assert.Contains("<td class=\"num text-start\">2019</td>", history);
        Assert.Contains("href=\"/cycles/par-2019-06/units/06-SCT\"", history);
        Assert.Contains($"<td class=\"num\">{Vn.Number(earlier.IndexDisplay)}</td>", history);
        Assert.Contains($"<td class=\"num\">{earlier.Rank}/19</td>", history);
    }

    [Fact]
    public async Task A_merged_commune_shows_its_previous_index_derived_from_its_predecessors()
    {
        var line = await app.Reader().LineAsync("par-2025-19", "01840");
        Assert.True(line.PreviousIndexDerived);

        var html = await app.PageAsync("/cycles/par-2025-19/units/01840");
        Assert.Contains("Phường Đức Xuân", html);
        Assert.Contains($"<span class=\"num\">{Vn.Number(line.PreviousIndex)}</span>", html);
        Assert.Contains("được tính từ các đơn vị tiền thân", html);
        Assert.Contains("data-testid=\"derived\"", html);
        Assert.DoesNotContain("Xếp hạng năm trước", html);
    }

    [Fact]
    public async Task A_not_applicable_item_shows_its_reason()
    {
        var html = await app.PageAsync("/cycles/par-2019-06/units/06-VP");
        Assert.Contains("Không phát sinh", html);
        Assert.Contains("Trong năm không phát sinh bổ nhiệm", html);
    }

    [Theory]
    [InlineData("/cycles/par-2020-06/units/khong-co")]
    [InlineData("/cycles/khong-co/units/06-SCT")]
    [InlineData("/cycles/par-2025-19/units/06-SCT")]
    public async Task An_unknown_unit_or_cycle_is_not_found(string path) => await app.AssertNotFoundAsync(path);

    private static int CountOf(string html, string text) =>
        (html.Length - html.Replace(text, "", StringComparison.Ordinal).Length) / text.Length;
}
