using ParIndex.Web.Tests.Support;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Tests.Pages.Analysis;

/// <summary>GroupAnalysis on small hand-made scorecards: every figure can be checked by hand.</summary>
public class GroupAnalysisTests
{
    // Field 1: A1 (appraisal, 2), A2 (appraisal, 1) in criterion 1.1; S1 (survey, 3) as criterion 1.2.
    // Field 2: A3 (appraisal, 4) as criterion 2.1; B (bonus, 1) and P (penalty, 1) in criterion 2.2.
    private static readonly Framework Framework = Framework.Create("t", "Thử", [
        new Field("1", "Một", [
            new Criterion("1.1", "Tiêu chí 1.1", [new Item("A1", "A1", 2m, ItemSource.Appraisal), new Item("A2", "A2", 1m, ItemSource.Appraisal)]),
            Framework.CriterionAsItem("S1", "S1", 3m, ItemSource.Survey),
        ]),
        new Field("2", "Hai", [
            Framework.CriterionAsItem("A3", "A3", 4m, ItemSource.Appraisal),
            new Criterion("2.2", "Thưởng, trừ", [new Item("B", "B", 1m, ItemSource.Bonus), new Item("P", "P", 1m, ItemSource.Penalty)]),
        ]),
    ]);

    private static ScorecardView Card(string unit, params (string Item, ItemValues Values)[] items)
    {
        var values = items.ToDictionary(i => i.Item, i => i.Values);
        var result = ScoringPolicy.Compute(new Scorecard(unit, Framework, values), ScoringSettings.Default);
        return new ScorecardView("c", unit, "g", values, result, "1");
    }

    private static ItemValues V(decimal? self = null, decimal? appraised = null, decimal? survey = null, decimal? bonus = null, decimal? penalty = null, string? na = null) =>
        new() { Self = self, Appraised = appraised, Survey = survey, Bonus = bonus, Penalty = penalty, NotApplicableReason = na };

    // u1: A1 self 2 appraised 1.5 (lost .5), A2 self 1 appraised 1 (0), S1 survey 2 (lost 1), A3 self 4 appraised 2 (lost 2), bonus 1, penalty .5
    // u2: A1 self 2 appraised 1 (lost 1), A2 self only .5 (provisional, lost .5), S1 missing (lost 3), A3 not applicable
    // u3: A1 appraised 2 without self (0), A2 self .5 appraised 1 (0), S1 survey 3 (0), A3 self 3 appraised 3.5 (lost .5)
    private static readonly ScorecardView[] Cards =
    [
        Card("u1", ("A1", V(2m, 1.5m)), ("A2", V(1m, 1m)), ("S1", V(survey: 2m)), ("A3", V(4m, 2m)), ("B", V(bonus: 1m)), ("P", V(penalty: 0.5m))),
        Card("u2", ("A1", V(2m, 1m)), ("A2", V(0.5m)), ("A3", V(3m, na: "Không phát sinh"))),
        Card("u3", ("A1", V(appraised: 2m)), ("A2", V(0.5m, 1m)), ("S1", V(survey: 3m)), ("A3", V(3m, 3.5m))),
    ];

    [Fact]
    public void Points_lost_are_summed_over_the_units_where_the_item_applies_most_first()
    {
        var lost = GroupAnalysis.PointsLost(Framework, Cards);

        Assert.Equal(["S1", "A3", "A1", "A2"], lost.Select(l => l.Item.Code));
        var s1 = lost[0];
        Assert.Equal(4m, s1.Lost);            // u1 1 + u2 3 (no survey yet counts 0) + u3 0
        Assert.Equal(9m, s1.Possible);        // 3 units × 3
        Assert.Equal(3, s1.UnitsApplicable);
        Assert.Equal(2, s1.UnitsLosing);
        Assert.Equal(4m / 9m, s1.Share);
        Assert.Equal([new UnitLoss("u2", 3m), new UnitLoss("u1", 1m)], s1.WorstUnits);

        var a3 = lost[1];
        Assert.Equal(2.5m, a3.Lost);          // u1 2 + u3 0.5; u2 not applicable
        Assert.Equal(8m, a3.Possible);        // 2 applicable units × 4
        Assert.Equal(2, a3.UnitsApplicable);
        Assert.Equal("2", a3.FieldCode);
        Assert.Equal("A3", a3.CriterionCode);
    }

    [Fact]
    public void An_unappraised_item_loses_what_the_self_score_leaves_and_ties_keep_framework_order()
    {
        var lost = GroupAnalysis.PointsLost(Framework, Cards);
        var a1 = lost.Single(l => l.Item.Code == "A1");
        var a2 = lost.Single(l => l.Item.Code == "A2");
        Assert.Equal(1.5m, a1.Lost);          // u1 .5 + u2 1 + u3 0
        Assert.Equal(0.5m, a2.Lost);          // u2 self .5 stands until appraised
        Assert.Equal("1.1", a1.CriterionCode);

        var tied = GroupAnalysis.PointsLost(Framework, [Card("x", ("A1", V(appraised: 1m)), ("A2", V(appraised: 0m)), ("S1", V(survey: 3m)), ("A3", V(appraised: 4m)))]);
        Assert.Equal(["A1", "A2", "S1", "A3"], tied.Select(l => l.Item.Code));
        Assert.Equal([1m, 1m, 0m, 0m], tied.Select(l => l.Lost));
    }

    [Fact]
    public void Bonus_and_penalty_items_lose_nothing_and_are_left_out()
    {
        var lost = GroupAnalysis.PointsLost(Framework, Cards);
        Assert.DoesNotContain(lost, l => l.Item.Source is ItemSource.Bonus or ItemSource.Penalty);
        Assert.Null(GroupAnalysis.CountedInMaximum(Framework.GetItem("B"), V(bonus: 1m)));
    }

    [Fact]
    public void Worst_units_are_limited_and_only_name_units_that_lost_points()
    {
        var lost = GroupAnalysis.PointsLost(Framework, Cards, worstUnits: 1);
        Assert.Equal([new UnitLoss("u2", 3m)], lost[0].WorstUnits);
        Assert.Equal([new UnitLoss("u1", 2m)], lost.Single(l => l.Item.Code == "A3").WorstUnits);
        // u3 lost nothing on A1, so even with room for three it is not named.
        Assert.Equal([new UnitLoss("u2", 1m), new UnitLoss("u1", 0.5m)], GroupAnalysis.PointsLost(Framework, Cards).Single(l => l.Item.Code == "A1").WorstUnits);
    }

    [Fact]
    public void An_item_not_applicable_anywhere_has_no_share()
    {
        var lost = GroupAnalysis.PointsLost(Framework, [Card("u", ("A3", V(na: "Không phát sinh")))]);
        var a3 = lost.Single(l => l.Item.Code == "A3");
        Assert.Equal(0, a3.UnitsApplicable);
        Assert.Null(a3.Share);
    }

    [Fact]
    public void Points_lost_by_field_add_up_the_items_of_each_field()
    {
        var fields = GroupAnalysis.PointsLostByField(Framework, GroupAnalysis.PointsLost(Framework, Cards));
        Assert.Equal(["1", "2"], fields.Select(f => f.FieldCode));
        Assert.Equal(4m + 1.5m + 0.5m, fields[0].Lost);
        Assert.Equal(9m + 6m + 3m, fields[0].Possible);
        Assert.Equal(2.5m, fields[1].Lost);
        Assert.Equal(2.5m / 8m, fields[1].Share);
    }

    [Fact]
    public void Units_are_ordered_by_self_subtotal_minus_appraisal_subtotal()
    {
        var units = GroupAnalysis.SelfVsAppraisalByUnit(Framework, Cards);

        // u1: self 2+1+4 = 7, appraisal 1.5+1+2 = 4.5 → 2.5; u2: self 2+.5 = 2.5, appraisal 1+.5 (self stands) = 1.5 → 1;
        // u3: self 0+.5+3 = 3.5, appraisal 2+1+3.5 = 6.5 → −3.
        Assert.Equal(["u1", "u2", "u3"], units.Select(u => u.UnitCode));
        Assert.Equal([2.5m, 1m, -3m], units.Select(u => u.Difference));
        Assert.Equal((7m, 4.5m), (units[0].Self, units[0].Appraisal));
        Assert.Equal((2, 0), (units[0].ItemsOverScored, units[0].ItemsUnderScored));
        Assert.Equal((1, 0), (units[1].ItemsOverScored, units[1].ItemsUnderScored)); // A2 without appraisal is not compared
        Assert.Equal((0, 2), (units[2].ItemsOverScored, units[2].ItemsUnderScored)); // A1 without self is not compared
    }

    [Fact]
    public void Items_are_ordered_by_self_minus_appraised_where_both_are_set()
    {
        var items = GroupAnalysis.SelfVsAppraisalByItem(Framework, Cards);

        // A3: u1 4−2, u3 3−3.5 (u2 not applicable) → 1.5; A1: u1 2−1.5, u2 2−1 (u3 has no self) → 1.5; A2: u1 1−1, u3 .5−1 → −.5.
        Assert.Equal(["A1", "A3", "A2"], items.Select(i => i.Item.Code));
        Assert.Equal([1.5m, 1.5m, -0.5m], items.Select(i => i.Difference));
        var a1 = items[0];
        Assert.Equal((4m, 2.5m, 2, 2, 0), (a1.Self, a1.Appraised, a1.UnitsCompared, a1.UnitsOverScored, a1.UnitsUnderScored));
        var a3 = items[1];
        Assert.Equal((2, 1, 1), (a3.UnitsCompared, a3.UnitsOverScored, a3.UnitsUnderScored));
    }

    [Fact]
    public void Items_no_unit_has_both_scores_for_are_left_out()
    {
        var items = GroupAnalysis.SelfVsAppraisalByItem(Framework, [Card("u", ("A1", V(self: 2m)), ("A2", V(appraised: 1m)), ("A3", V(3m, 3m)))]);
        Assert.Equal(["A3"], items.Select(i => i.Item.Code));
        Assert.Empty(GroupAnalysis.SelfVsAppraisalByItem(Framework, []));
        Assert.Empty(GroupAnalysis.SelfVsAppraisalByUnit(Framework, []));
    }
}
