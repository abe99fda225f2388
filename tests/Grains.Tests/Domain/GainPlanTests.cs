using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Where a unit gains the most (issue 18): expected figures worked by hand from rules 2–8.</summary>
public class GainPlanTests
{
    private static RankGroup Group(params TieBreaker[] tieBreakers) =>
        new() { Code = "g", Name = "Nhóm thử", AssessorCode = "p", FrameworkCode = "test", Members = new UnitList([]), TieBreakers = tieBreakers };

    /// <summary>A scorecard from (item, appraised or survey score); null marks the item not applicable.</summary>
    private static IReadOnlyDictionary<string, ItemValues> Card(params (string Item, decimal? Value)[] values) =>
        values.ToDictionary(v => v.Item, v => v.Value is not { } x ? new ItemValues { NotApplicableReason = "Không phát sinh" }
            : v.Item.StartsWith('S') ? new ItemValues { Survey = x }
            : v.Item.StartsWith('B') ? new ItemValues { Bonus = x }
            : v.Item.StartsWith('P') ? new ItemValues { Penalty = x }
            : new ItemValues { Self = x, Appraised = x });

    // Framework: appraisal A.1.1–A.1.5 with maxima 4, 3, 2, 1, 5; survey S.1.1 max 10 (maximum 25).
    //   X: 3.5, 3, 0.5, 0, not applicable, survey 6 → 13 of 20 (A.1.5 leaves the maximum) = 65
    //   Y: 4,   2, 1,   1, 5,              survey 2 → 15 of 25 = 60
    //   Z: 3,   3, 2,   0.5, 0,            survey 9 → 17.5 of 25 = 70
    // Now: Z 70 (1st), X 65 (2nd), Y 60 (3rd).
    // X below the group's best: A.1.1 best 4 (Y), +0.5 → +0.5/20×100 = +2.5; A.1.2 best 3 = X's 3, nothing;
    // A.1.3 best 2 (Z), +1.5 → +7.5; A.1.4 best 1 (Y), +1 → +5; A.1.5 not applicable to X, left out although Y has 5;
    // survey S.1.1 best 9 (Z), +3 → +15, listed apart and not in the plan.
    // Plan, most first: A.1.3 → 72.5 (1st, above Z's 70); + A.1.4 → 77.5 (1st); + A.1.1 → 80 (1st).
    private static readonly Framework Six = Frameworks.Of([4, 3, 2, 1, 5], [10]);
    private static readonly Dictionary<string, IReadOnlyDictionary<string, ItemValues>> ThreeUnits = new()
    {
        ["X"] = Card(("A.1.1", 3.5m), ("A.1.2", 3), ("A.1.3", 0.5m), ("A.1.4", 0), ("A.1.5", null), ("S.1.1", 6)),
        ["Y"] = Card(("A.1.1", 4), ("A.1.2", 2), ("A.1.3", 1), ("A.1.4", 1), ("A.1.5", 5), ("S.1.1", 2)),
        ["Z"] = Card(("A.1.1", 3), ("A.1.2", 3), ("A.1.3", 2), ("A.1.4", 0.5m), ("A.1.5", 0), ("S.1.1", 9)),
    };

    [Fact]
    public void The_plan_lists_the_appraisal_items_below_the_groups_best_most_index_first()
    {
        var plan = GainPlan.For("X", Six, Group(), ThreeUnits);

        Assert.Equal((65m, 2), (plan.Current.Result.Index!.Value, plan.Current.Rank!.Value));
        Assert.Equal(["A.1.3", "A.1.4", "A.1.1"], plan.Steps.Select(s => s.Gain.Item.Code));
        Assert.Equal([7.5m, 5m, 2.5m], plan.Steps.Select(s => s.Gain.IndexGain));
        Assert.Equal([1.5m, 1m, 0.5m], plan.Steps.Select(s => s.Gain.Points));
        Assert.Equal([(0.5m, 2m), (0m, 1m), (3.5m, 4m)], plan.Steps.Select(s => (s.Gain.Counted, s.Gain.Best)));
        Assert.Equal(["Z", "Y", "Y"], plan.Steps.Select(s => string.Join(",", s.Gain.BestUnits)));
        Assert.Equal([(72.5m, 1), (77.5m, 1), (80m, 1)], plan.Steps.Select(s => (s.Index!.Value, s.Rank!.Value)));
        Assert.Equal((80m, 1), (plan.Reached.Result.Index!.Value, plan.Reached.Rank!.Value));
        Assert.Equal(15m, plan.IndexGain);
    }

    [Fact]
    public void Survey_items_are_listed_apart_and_not_applicable_items_not_at_all()
    {
        var plan = GainPlan.For("X", Six, Group(), ThreeUnits);

        var survey = Assert.Single(plan.Survey);
        Assert.Equal(("S.1.1", 6m, 9m, 15m), (survey.Item.Code, survey.Counted, survey.Best, survey.IndexGain));
        Assert.DoesNotContain(plan.Steps, s => s.Gain.Item.Code == "A.1.5");
        // Y (60) on the same group: A.1.2 best 3 (Z), +1 → +4; A.1.3 best 2 (Z), +1 → +4, equal gains in framework order;
        // A.1.1 and A.1.4 Y is best, A.1.5 best is Z's 0 < 5. 16 of 25 = 64 is still 3rd (X 65); 17 of 25 = 68 is 2nd.
        var y = GainPlan.For("Y", Six, Group(), ThreeUnits);
        Assert.Equal(["A.1.2", "A.1.3"], y.Steps.Select(s => s.Gain.Item.Code));
        Assert.Equal([(64m, 3), (68m, 2)], y.Steps.Select(s => (s.Index!.Value, s.Rank!.Value)));
        Assert.Equal(["X,Z", "Z"], y.Steps.Select(s => string.Join(",", s.Gain.BestUnits)));
        Assert.Equal(3, y.Current.Rank);
    }

    // Framework: appraisal A.1.1 max 4, A.1.2 max 6; survey S.1.1 max 10 (maximum 20: index = obtained × 5).
    //   T: 3, 4, survey 8 → 15 → 75;  U: 2, 5, survey 9 → 16 → 80;  V: 1, 2, survey 5 → 8 → 40.
    // T: A.1.1 best of the others 2 < 3, nothing; A.1.2 best 5 (U), +1 → 16 → 80, exactly U's index.
    private static readonly Framework Three = Frameworks.Of([4, 6], [10]);
    private static readonly Dictionary<string, IReadOnlyDictionary<string, ItemValues>> Tie = new()
    {
        ["T"] = Card(("A.1.1", 3), ("A.1.2", 4), ("S.1.1", 8)),
        ["U"] = Card(("A.1.1", 2), ("A.1.2", 5), ("S.1.1", 9)),
        ["V"] = Card(("A.1.1", 1), ("A.1.2", 2), ("S.1.1", 5)),
    };

    [Fact]
    public void A_gain_that_ties_with_another_unit_ranks_by_the_groups_tie_breakers()
    {
        // No tie-breaker: T and U share 1st (rule 8.3).
        var shared = GainPlan.For("T", Three, Group(), Tie);
        Assert.Equal(2, shared.Current.Rank);
        Assert.Equal((80m, 1), (shared.Reached.Result.Index!.Value, shared.Reached.Rank!.Value));
        Assert.Equal((80m, 1), (Assert.Single(shared.Steps).Index!.Value, shared.Steps[0].Rank!.Value));
        // Appraisal subtotal first: T 3 + 5 = 8 against U's 2 + 5 = 7, so T alone is 1st.
        Assert.Equal(1, GainPlan.For("T", Three, Group(TieBreaker.AppraisalSubtotal), Tie).Reached.Rank);
        // Survey subtotal first: T 8 against U's 9 (the survey item is not in the plan), so T is 2nd.
        Assert.Equal(2, GainPlan.For("T", Three, Group(TieBreaker.SurveySubtotal), Tie).Reached.Rank);
    }

    [Fact]
    public void A_unit_already_best_everywhere_has_an_empty_plan_and_keeps_its_index_and_rank()
    {
        // Framework [4, 6] + survey 10. W: 4, 6, survey 9 → 19 → 95; O: 4, 5, survey 7 → 16 → 80. A tie on A.1.1 is no gain.
        var cards = new Dictionary<string, IReadOnlyDictionary<string, ItemValues>>
        {
            ["W"] = Card(("A.1.1", 4), ("A.1.2", 6), ("S.1.1", 9)),
            ["O"] = Card(("A.1.1", 4), ("A.1.2", 5), ("S.1.1", 7)),
        };
        var plan = GainPlan.For("W", Three, Group(), cards);
        Assert.Empty(plan.Steps);
        Assert.Empty(plan.Survey);
        Assert.Equal((95m, 1), (plan.Reached.Result.Index!.Value, plan.Reached.Rank!.Value));
        Assert.Equal(0m, plan.IndexGain);
    }

    [Fact]
    public void Bonus_and_penalty_are_never_in_the_plan_and_stay_as_scored()
    {
        // Framework [4, 6], bonus max 1, penalty max 1 (maximum 10: index = obtained × 10).
        //   M: 2, 6, bonus 0, penalty 1 → 7 → 70;  N: 4, 6, bonus 1, penalty 0 → 11 → 110, clamped to 100.
        // M: A.1.1 best 4 (N), +2 → 9 → 90 (+20), 2nd; the bonus and penalty N did better on are not items to gain.
        var framework = Frameworks.Of([4, 6], bonusMax: 1, penaltyMax: 1);
        var cards = new Dictionary<string, IReadOnlyDictionary<string, ItemValues>>
        {
            ["M"] = Card(("A.1.1", 2), ("A.1.2", 6), ("B.1", 0), ("P.1", 1)),
            ["N"] = Card(("A.1.1", 4), ("A.1.2", 6), ("B.1", 1), ("P.1", 0)),
        };
        var plan = GainPlan.For("M", framework, Group(), cards);
        var step = Assert.Single(plan.Steps);
        Assert.Equal(("A.1.1", 20m, 90m, 2), (step.Gain.Item.Code, step.Gain.IndexGain, step.Index!.Value, step.Rank!.Value));
    }

    [Fact]
    public void A_unit_without_a_scorecard_in_the_group_is_refused()
    {
        var e = Assert.Throws<DomainException>(() => GainPlan.For("Q", Three, Group(), Tie));
        Assert.Contains("Q", e.Message);
    }
}

/// <summary>What holds of every plan, over generated groups (FsCheck).</summary>
public class GainPlanPropertyTests
{
    private static readonly Framework Framework = Frameworks.Of([10m, 5.5m, 2.25m], [20m], bonusMax: 3m, penaltyMax: 4m);

    private static Gen<ItemValues> Values(Item item) => Gen.Choose(0, (int)(item.Max * 1000)).Select(v => v / 1000m).Select(v => item.Source switch
    {
        ItemSource.Appraisal => new ItemValues { Appraised = v },
        ItemSource.Survey => new ItemValues { Survey = v },
        ItemSource.Bonus => new ItemValues { Bonus = v },
        _ => new ItemValues { Penalty = v },
    });

    private static Gen<IReadOnlyDictionary<string, ItemValues>> Card =>
        Gen.CollectToArray(Framework.Items.Select(i => Values(i).Select(v => (i.Code, v))))
            .Select(pairs => (IReadOnlyDictionary<string, ItemValues>)pairs.ToDictionary(p => p.Code, p => p.v));

    [Fact]
    public void A_plan_never_lowers_the_index_or_the_rank_and_ends_where_it_says()
    {
        var group = new RankGroup { Code = "g", Name = "g", AssessorCode = "p", FrameworkCode = "test", Members = new UnitList([]) };
        var gen = Gen.Choose(1, 5).SelectMany(n => Gen.CollectToArray(Enumerable.Range(0, n).Select(_ => Card)));
        Prop.ForAll(gen.ToArbitrary(), cards =>
        {
            var all = cards.Select((c, i) => ($"u{i}", c)).ToDictionary(x => x.Item1, x => x.c);
            var plan = GainPlan.For("u0", Framework, group, all);
            var indices = plan.Steps.Select(s => s.Index!.Value).Prepend(plan.Current.Result.Index!.Value).ToList();
            return plan.Steps.All(s => s.Gain.Points > 0m && s.Gain.Item.Source == ItemSource.Appraisal)
                && indices.Zip(indices.Skip(1)).All(p => p.Second >= p.First)
                && plan.Reached.Rank <= plan.Current.Rank
                && (plan.Steps.Count == 0 ? plan.Reached == plan.Current : plan.Steps[^1].Index == plan.Reached.Result.Index)
                && plan.Steps.Zip(plan.Steps.Skip(1)).All(p => p.First.Gain.IndexGain >= p.Second.Gain.IndexGain);
        }).QuickCheckThrowOnFailure();
    }
}
