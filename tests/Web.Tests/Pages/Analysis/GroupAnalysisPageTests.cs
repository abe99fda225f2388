using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;
using static ParIndex.Web.Tests.Support.PageHtml;

namespace ParIndex.Web.Tests.Pages.Analysis;

public class GroupAnalysisPageTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Theory]
    [InlineData("par-2020-06", "so")]
    [InlineData("par-2020-06", "xa-058")]
    [InlineData("par-2025-19", "xa")]
    public async Task The_heat_map_has_one_row_per_member_in_rank_order(string cycle, string group)
    {
        var reader = app.Reader();
        var definition = await reader.CycleAsync(cycle);
        var lines = await reader.RankingAsync(cycle, group);

        var html = await app.PageAsync($"/cycles/{cycle}/groups/{group}/heatmap");

        var rows = Attributes(Section(html, "heatmap"), "data-unit");
        Assert.Equal(definition.Members[group].Count, rows.Count);
        Assert.Equal(lines.Select(l => l.UnitCode), rows);
        Assert.Contains(Crumbs(html), c => c.Href == $"/cycles/{cycle}/groups/{group}");
    }

    [Fact]
    public async Task Heat_map_cells_show_component_indices_coloured_by_the_groups_bands_with_a_legend()
    {
        var reader = app.Reader();
        var card = await reader.ScorecardAsync("par-2020-06", "06-SCT");
        var definition = await reader.CycleAsync("par-2020-06");
        var group = definition.Cycle.FindGroup("so")!;
        var framework = definition.FrameworkOf("06-SCT");

        var html = await app.PageAsync("/cycles/par-2020-06/groups/so/heatmap");

        var row = Regex.Match(html, "<tr data-unit=\"06-SCT\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        foreach (var field in framework.Fields.Where(f => f.Items.Any(i => i.CountsInMaximum)))
        {
            var shown = Vn.Number(Independent.Component(card, field.Items).Index);
            var label = group.Bands.Classify(decimal.Parse(shown.Replace(",", "."), CultureInfo.InvariantCulture))!;
            Assert.Matches($"<td class=\"num pi-heat {Bands.Cell(group, label)}\"[^>]*>\\s*<a href=\"/cycles/par-2020-06/units/06-SCT/fields/{field.Code}\">{shown}</a>", row);
        }
        var legend = Regex.Match(html, "<div class=\"pi-legend.*?</div>", RegexOptions.Singleline).Value;
        foreach (var band in group.Bands.Bands) Assert.Contains(band.Label, legend);
        Assert.Contains("Trung bình nhóm", html);
    }

    [Theory]
    [InlineData("par-2020-06", "so")]
    [InlineData("par-2019-06", "xa-061")]
    [InlineData("par-2025-19", "xa")]
    public async Task Points_lost_start_with_the_item_that_lost_the_most_across_the_group(string cycle, string group)
    {
        var reader = app.Reader();
        var definition = await reader.CycleAsync(cycle);
        var framework = definition.Cycle.FrameworkOf(definition.Cycle.FindGroup(group)!);
        var cards = await reader.ScorecardsAsync(cycle, group);
        var expected = Independent.PointsLost(framework, cards);
        var most = expected.Max(e => e.Lost);

        var html = await app.PageAsync($"/cycles/{cycle}/groups/{group}/points-lost");

        var items = Attributes(Section(html, "items"), "data-item");
        var lost = Attributes(Section(html, "items"), "data-lost").Select(s => decimal.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected.First(e => e.Lost == most).Item, items[0]);
        Assert.Equal(most, lost[0]);
        Assert.Equal(lost.OrderByDescending(l => l), lost);
        Assert.Equal(expected.Where(e => e.Lost > 0).OrderBy(e => e.Item, StringComparer.Ordinal).Select(e => (e.Item, e.Lost)),
            items.Zip(lost).OrderBy(x => x.First, StringComparer.Ordinal));
        Assert.Contains(Vn.Score(expected.Sum(e => e.Lost)), html);
    }

    [Fact]
    public async Task Points_lost_name_the_units_that_lost_the_most_with_links_to_their_item()
    {
        var html = await app.PageAsync("/cycles/par-2020-06/groups/so/points-lost");
        var first = Regex.Match(Section(html, "items"), "<tr data-item=\"(?<item>[^\"]+)\".*?</tr>", RegexOptions.Singleline);
        var item = first.Groups["item"].Value;
        var links = Regex.Matches(first.Value, $"href=\"/cycles/par-2020-06/units/(?<unit>[^/]+)/items/{Regex.Escape(item)}\"");
        Assert.InRange(links.Count, 1, 3);
        Assert.Contains("%", first.Value);
        Assert.Contains(Crumbs(html), c => c.Href == "/cycles/par-2020-06/groups/so");
    }

    [Fact]
    public async Task Self_vs_appraisal_starts_with_the_unit_and_the_item_most_over_scored()
    {
        var reader = app.Reader();
        var definition = await reader.CycleAsync("par-2020-06");
        var framework = definition.Cycle.FrameworkOf(definition.Cycle.FindGroup("so")!);
        var cards = await reader.ScorecardsAsync("par-2020-06", "so");
        var lines = await reader.RankingAsync("par-2020-06", "so");
        var topUnit = lines.OrderByDescending(l => l.SelfSubtotal - l.AppraisalSubtotal).ThenBy(l => l.UnitCode, StringComparer.Ordinal).First();
        var items = Independent.SelfOverAppraised(framework, cards);
        var topItem = items.First(i => i.Difference == items.Max(x => x.Difference));

        var html = await app.PageAsync("/cycles/par-2020-06/groups/so/self-vs-appraisal");

        var units = Attributes(Section(html, "units"), "data-unit");
        Assert.Equal(lines.Count, units.Count);
        Assert.Equal(topUnit.UnitCode, units[0]);
        Assert.Contains($"+{Vn.Score(topUnit.SelfSubtotal - topUnit.AppraisalSubtotal)}", Section(html, "units"));
        var shown = Attributes(Section(html, "items"), "data-item");
        Assert.Equal(topItem.Item, shown[0]);
        Assert.Equal(items.Count(i => i.Difference > 0), shown.Count);
        Assert.Contains($"+{Vn.Score(topItem.Difference)}", Section(html, "items"));
    }

    [Theory]
    [InlineData("heatmap")]
    [InlineData("points-lost")]
    [InlineData("self-vs-appraisal")]
    public async Task The_analyses_link_to_each_other_and_to_the_ranking(string page)
    {
        var html = await app.PageAsync($"/cycles/par-2020-06/groups/huyen/{page}");
        foreach (var href in new[] { "", "/heatmap", "/points-lost", "/self-vs-appraisal" })
            Assert.Contains($"href=\"/cycles/par-2020-06/groups/huyen{href}\"", html);
        Assert.Contains("aria-current=\"page\"", html);
    }

    [Theory]
    [InlineData("/cycles/par-2020-06/groups/khong-co/heatmap")]
    [InlineData("/cycles/par-2020-06/groups/khong-co/points-lost")]
    [InlineData("/cycles/par-2020-06/groups/khong-co/self-vs-appraisal")]
    [InlineData("/cycles/khong-co/groups/so/heatmap")]
    [InlineData("/cycles/khong-co/groups/so/points-lost")]
    [InlineData("/cycles/khong-co/groups/so/self-vs-appraisal")]
    public async Task Unknown_groups_and_cycles_are_not_found(string path) => await app.AssertNotFoundAsync(path);
}
