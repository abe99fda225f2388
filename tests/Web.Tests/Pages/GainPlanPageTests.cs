using System.Globalization;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;
using static ParIndex.Web.Tests.Support.PageHtml;

namespace ParIndex.Web.Tests.Pages;

/// <summary>Where a unit gains the most (issue 18) on the demo, checked against the rules worked out here, not GainPlan.</summary>
public class GainPlanPageTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static ItemValues Values(ScorecardView card, Item item) => card.Items.GetValueOrDefault(item.Code) ?? ItemValues.Empty;

    /// <summary>Rule 5 without allowOver100: obtained ÷ maximum × 100, limited to 0–100.</summary>
    private static decimal Index(decimal obtained, decimal maximum) => Math.Clamp(obtained * 100m / maximum, 0m, 100m);

    [Theory]
    [InlineData("par-2020-06", "so")]
    [InlineData("par-2020-06", "xa-058")]
    public async Task The_last_unit_of_a_group_sees_the_appraisal_items_below_the_best_and_what_it_would_reach(string cycle, string group)
    {
        var reader = app.Reader();
        var definition = await reader.CycleAsync(cycle);
        var framework = definition.Cycle.FrameworkOf(definition.Cycle.FindGroup(group)!);
        var cards = await reader.ScorecardsAsync(cycle, group);
        var unit = (await reader.RankingAsync(cycle, group)).Where(l => l.Rank is not null).MaxBy(l => l.Rank)!.UnitCode;
        var own = cards.Single(c => c.UnitCode == unit);

        // The items: applicable appraisal items where another unit counted more; each adds (best − counted) ÷ maximum × 100.
        var (obtained, maximum, _) = Independent.Component(own, framework.Items);
        var order = framework.Items.Select((item, n) => (item, n)).ToDictionary(x => x.item.Code, x => x.n);
        var expected = framework.Items.Where(i => i.Source == ItemSource.Appraisal)
            .Select(i => (Item: i, Counted: Independent.Counted(i, Values(own, i)),
                Best: cards.Where(c => c.UnitCode != unit).Select(c => Independent.Counted(i, Values(c, i))).Max()))
            .Where(x => x.Counted is not null && x.Best > x.Counted)
            .Select(x => (x.Item.Code, Points: x.Best!.Value - x.Counted!.Value))
            .OrderByDescending(x => x.Points).ThenBy(x => order[x.Code]).ToList();
        Assert.NotEmpty(expected);
        var reached = Index(obtained + expected.Sum(x => x.Points), maximum);
        var others = cards.Where(c => c.UnitCode != unit).Select(c => Independent.Component(c, framework.Items))
            .Select(c => Index(c.Obtained, c.Maximum)).ToList();
        var rank = 1 + others.Count(i => i > reached);

        var html = await app.PageAsync($"/cycles/{cycle}/units/{unit}/gain-plan");

        var plan = Section(html, "plan");
        Assert.Equal(expected.Select(x => x.Code), Attributes(plan, "data-item"));
        // To 10 decimals: a difference of two exact quotients may differ from one quotient in the 28th digit.
        Assert.Equal(expected.Select(x => decimal.Round(x.Points * 100m / maximum, 10)),
            Attributes(plan, "data-gain").Select(s => decimal.Round(decimal.Parse(s, CultureInfo.InvariantCulture), 10)));
        Assert.Equal(Vn.Number(ScoringPolicy.Display(reached, 2)), TestId(html, "reached-index"));
        Assert.Equal(rank.ToString(CultureInfo.InvariantCulture), TestId(html, "reached-rank"));
        Assert.Contains(Crumbs(html), c => c.Href == $"/cycles/{cycle}/units/{unit}");

        var unitPage = await app.PageAsync($"/cycles/{cycle}/units/{unit}");
        Assert.Contains($"href=\"{Links.GainPlan(cycle, unit)}\"", unitPage);
        Assert.Contains(Vn.Number(ScoringPolicy.Display(reached, 2)), Section(unitPage, "gain-plan", "</section>"));
    }

    [Fact]
    public async Task A_district_sees_the_plans_of_its_communes_and_offices_side_by_side()
    {
        var reader = app.Reader();
        var definition = await reader.CycleAsync("par-2020-06");

        var html = await app.PageAsync("/cycles/par-2020-06/districts/058/gain-plan");

        foreach (var group in definition.GroupsAssessedBy("058"))
        {
            var table = Section(html, $"plans-{group.Code}");
            var lines = await reader.RankingAsync("par-2020-06", group.Code);
            Assert.Equal(lines.Select(l => l.UnitCode).Order(StringComparer.Ordinal), Attributes(table, "data-unit").Order(StringComparer.Ordinal));
            foreach (var line in lines) Assert.Contains($"href=\"{Links.GainPlan("par-2020-06", line.UnitCode)}\"", table);
        }
        // A commune's line and its own page agree.
        var commune = definition.Members["xa-058"][^1].Code;
        var row = System.Text.RegularExpressions.Regex.Match(html, $"data-unit=\"{commune}\" data-reached-rank=\"(\\d*)\"").Groups[1].Value;
        Assert.Equal(row, TestId(await app.PageAsync($"/cycles/par-2020-06/units/{commune}/gain-plan"), "reached-rank"));
        Assert.Contains(Crumbs(html), c => c.Href == "/cycles/par-2020-06/districts/058");
        Assert.Contains($"href=\"{Links.DistrictGainPlan("par-2020-06", "058")}\"", await app.PageAsync("/cycles/par-2020-06/districts/058"));
    }

    [Fact]
    public async Task An_unknown_unit_or_district_is_not_found()
    {
        await app.AssertNotFoundAsync("/cycles/par-2020-06/units/99999/gain-plan");
        await app.AssertNotFoundAsync("/cycles/par-2020-06/districts/999/gain-plan");
    }
}
