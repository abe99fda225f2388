using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;
using static ParIndex.Web.Tests.Support.PageHtml;

namespace ParIndex.Web.Tests.Pages.DrillDown;

public class DrillDownTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Sct = "/cycles/par-2020-06/units/06-SCT";

    private static readonly (string, string?)[] UpToUnit =
    [
        ("Trang chủ", "/"),
        ("Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn", "/cycles/par-2020-06"),
        ("Sở, ban, ngành", "/cycles/par-2020-06/groups/so"),
        ("Sở Công Thương", Sct),
    ];

    [Fact]
    public async Task A_field_shows_its_component_index_as_the_domain_computes_it_and_its_criteria()
    {
        var reader = app.Reader();
        var card = await reader.ScorecardAsync("par-2020-06", "06-SCT");
        var field = (await reader.CycleAsync("par-2020-06")).FrameworkOf("06-SCT").FindField("3")!;
        var (obtained, maximum, index) = Independent.Component(card, field.Items);

        var html = await app.PageAsync($"{Sct}/fields/3");

        Assert.Equal(Vn.Number(index), TestId(html, "component-index"));
        Assert.Equal(Vn.Score(obtained), TestId(html, "obtained"));
        Assert.Contains($"<span class=\"pi-kpi-of\">/ {Vn.Score(maximum)}</span>", html);
        var criteria = Section(html, "criteria");
        foreach (var criterion in field.Criteria)
        {
            Assert.Contains($"href=\"{Sct}/criteria/{criterion.Code}\"", criteria);
            Assert.Contains($">{Vn.Number(Independent.Component(card, criterion.Items).Index)}</td>", criteria);
        }
        foreach (var item in field.Items) Assert.Contains($"href=\"{Sct}/items/{item.Code}\"", html);
        Assert.Equal([.. UpToUnit, ($"Lĩnh vực 3. {field.Title}", null)], Crumbs(html));
    }

    [Fact]
    public async Task A_criterion_shows_its_index_and_its_items_and_leads_back_to_its_field()
    {
        var reader = app.Reader();
        var card = await reader.ScorecardAsync("par-2020-06", "06-SCT");
        var framework = (await reader.CycleAsync("par-2020-06")).FrameworkOf("06-SCT");
        var criterion = framework.Fields[0].Criteria.Single(c => c.Code == "1.7");
        var (obtained, _, index) = Independent.Component(card, criterion.Items);

        var html = await app.PageAsync($"{Sct}/criteria/1.7");

        Assert.Equal(Vn.Number(index), TestId(html, "component-index"));
        Assert.Equal(Vn.Score(obtained), TestId(html, "obtained"));
        Assert.True(criterion.Items.Count > 1);
        foreach (var item in criterion.Items) Assert.Contains($"href=\"{Sct}/items/{item.Code}\"", html);
        var field = framework.Fields[0];
        Assert.Equal([.. UpToUnit, ($"Lĩnh vực 1. {field.Title}", $"{Sct}/fields/1"), ("Tiêu chí 1.7", null)], Crumbs(html));
    }

    [Fact]
    public async Task An_item_shows_its_scores_the_appraisers_comment_and_the_evidence_placeholder()
    {
        var reader = app.Reader();
        var card = await reader.ScorecardAsync("par-2020-06", "06-SCT");
        var values = card.Items["1.5"];
        Assert.NotNull(values.AppraisedNote);

        var html = await app.PageAsync($"{Sct}/items/1.5");

        Assert.Equal(Vn.Score(values.Appraised), TestId(html, "counted"));
        Assert.Contains($"<span class=\"num\">{Vn.Score(values.Self)}</span>", html);
        Assert.Contains(values.AppraisedNote!, html);
        Assert.Contains("Chưa có tài liệu kiểm chứng", Section(html, "evidence", "</section>"));
        // 1.5 is a criterion scored as its own item: the breadcrumbs end at the criterion.
        var field = (await reader.CycleAsync("par-2020-06")).FrameworkOf("06-SCT").Fields[0];
        Assert.Equal([.. UpToUnit, ($"Lĩnh vực 1. {field.Title}", $"{Sct}/fields/1"), ("Tiêu chí 1.5", null)], Crumbs(html));
    }

    [Fact]
    public async Task An_item_of_a_criterion_leads_back_to_its_criterion_and_field()
    {
        var html = await app.PageAsync($"{Sct}/items/1.7.1");
        var crumbs = Crumbs(html);
        Assert.Equal(("Tiêu chí 1.7", $"{Sct}/criteria/1.7"), crumbs[^2]);
        Assert.Equal(("Tiêu chí thành phần 1.7.1", null), crumbs[^1]);
        Assert.Contains(crumbs, c => c.Href == $"{Sct}/fields/1");
        Assert.Contains(crumbs, c => c.Href == Sct);
    }

    [Fact]
    public async Task A_bonus_item_shows_the_points_it_adds()
    {
        var values = (await app.Reader().ScorecardAsync("par-2020-06", "06-VP")).Items["9.1.2"];
        Assert.Equal(0.5m, values.Bonus);
        var html = await app.PageAsync("/cycles/par-2020-06/units/06-VP/items/9.1.2");
        Assert.Equal("+0,5", TestId(html, "counted"));
        Assert.Contains("Điểm thưởng", html);
    }

    [Fact]
    public async Task A_bonus_and_penalty_field_has_no_component_index_and_loses_nothing()
    {
        var html = await app.PageAsync("/cycles/par-2020-06/units/06-VP/fields/9");
        Assert.Equal("—", TestId(html, "component-index"));
        Assert.Equal("+0,5", TestId(html, "obtained"));
        Assert.DoesNotContain("Bị mất", html);
        Assert.DoesNotContain("−0,5", html);
    }

    [Fact]
    public async Task A_not_applicable_item_shows_the_reason_and_counts_nothing()
    {
        var html = await app.PageAsync("/cycles/par-2019-06/units/06-VP/items/5.2.2");
        Assert.Contains("Lý do không phát sinh", html);
        Assert.Contains("Trong năm không phát sinh bổ nhiệm", html);
        Assert.DoesNotContain("data-testid=\"counted\"", html);
    }

    [Fact]
    public async Task A_commune_field_leads_back_through_its_district()
    {
        var html = await app.PageAsync("/cycles/par-2020-06/units/01840/fields/2");
        var crumbs = Crumbs(html);
        Assert.Contains(crumbs, c => c.Href == "/cycles/par-2020-06/districts/058");
        Assert.Contains(crumbs, c => c.Href == "/cycles/par-2020-06/groups/xa-058");
        Assert.Contains(crumbs, c => c.Href == "/cycles/par-2020-06/units/01840");
    }

    [Theory]
    [InlineData(Sct + "/fields/99")]
    [InlineData(Sct + "/criteria/9.9")]
    [InlineData(Sct + "/criteria/1.1.1")]
    [InlineData(Sct + "/items/khong-co")]
    [InlineData(Sct + "/items/1.1")]
    [InlineData("/cycles/par-2020-06/units/khong-co/fields/1")]
    [InlineData("/cycles/khong-co/units/06-SCT/items/1.1.1")]
    public async Task Unknown_fields_criteria_and_items_are_not_found(string path) => await app.AssertNotFoundAsync(path);
}
