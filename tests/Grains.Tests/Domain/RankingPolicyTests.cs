using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Rule 8: ranking by exact index, shared ranks, tie-breakers, units not ranked.</summary>
public class RankingPolicyTests
{
    private static Dictionary<string, int?> Ranks(IEnumerable<RankedResult> ranking) => ranking.ToDictionary(r => r.UnitCode, r => r.Rank);

    [Fact]
    public void Two_units_both_shown_as_90_02_rank_2nd_and_3rd_when_their_exact_indices_differ()
    {
        // Thanh Hóa 2024: the displayed value ties, the exact one does not.
        var ranking = RankingPolicy.Rank([Frameworks.WithIndex("x", 90.0151m), Frameworks.WithIndex("first", 93m), Frameworks.WithIndex("y", 90.0249m)], []);
        Assert.Equal(90.02m, ranking[1].Result.DisplayIndex);
        Assert.Equal(90.02m, ranking[2].Result.DisplayIndex);
        Assert.Equal(new Dictionary<string, int?> { ["first"] = 1, ["y"] = 2, ["x"] = 3 }, Ranks(ranking));
    }

    [Fact]
    public void Exact_ties_share_a_rank_and_the_next_rank_skips()
    {
        var ranking = RankingPolicy.Rank([Frameworks.WithIndex("a", 95m), Frameworks.WithIndex("b", 90m), Frameworks.WithIndex("c", 90m), Frameworks.WithIndex("d", 85m)], []);
        Assert.Equal([1, 2, 2, 4], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void Tie_breakers_apply_in_order_appraisal_then_survey()
    {
        var results = new[]
        {
            Frameworks.WithIndex("low-appraisal", 90m, appraisal: 60m, survey: 30m),
            Frameworks.WithIndex("high-appraisal", 90m, appraisal: 65m, survey: 25m),
            Frameworks.WithIndex("same-appraisal-more-survey", 90m, appraisal: 65m, survey: 26m),
        };
        var ranking = RankingPolicy.Rank(results, [TieBreaker.AppraisalSubtotal, TieBreaker.SurveySubtotal]);
        Assert.Equal(["same-appraisal-more-survey", "high-appraisal", "low-appraisal"], ranking.Select(r => r.UnitCode));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));

        var surveyFirst = RankingPolicy.Rank(results, [TieBreaker.SurveySubtotal]);
        Assert.Equal("low-appraisal", surveyFirst[0].UnitCode);
    }

    [Fact]
    public void A_field_code_breaks_ties_by_that_fields_obtained_points()
    {
        var framework = Frameworks.Of([10m], [10m]);
        var a = Frameworks.Score(framework, "a", null, new ScoreEntry("a", "A.1.1", ScoreKind.Appraised, 9m), new ScoreEntry("a", "S.1.1", ScoreKind.Survey, 7m));
        var b = Frameworks.Score(framework, "b", null, new ScoreEntry("b", "A.1.1", ScoreKind.Appraised, 7m), new ScoreEntry("b", "S.1.1", ScoreKind.Survey, 9m));
        Assert.Equal([1, 1], RankingPolicy.Rank([a, b], []).Select(r => r.Rank));
        Assert.Equal(["b", "a"], RankingPolicy.Rank([a, b], [TieBreaker.Parse("S")]).Select(r => r.UnitCode));
    }

    [Fact]
    public void Units_without_an_index_or_not_ranked_follow_the_ranked_ones_without_a_rank()
    {
        var ranking = RankingPolicy.Rank(
            [Frameworks.WithIndex("none", null), Frameworks.WithIndex("special", 99m), Frameworks.WithIndex("a", 80m), Frameworks.WithIndex("b", 85m)],
            [], new HashSet<string> { "special" });
        Assert.Equal(["b", "a", "special", "none"], ranking.Select(r => r.UnitCode));
        Assert.Equal([1, 2, null, null], ranking.Select(r => r.Rank));
    }

    [Fact]
    public void A_unit_listed_twice_is_refused()
    {
        Assert.Throws<DomainException>(() => RankingPolicy.Rank([Frameworks.WithIndex("a", 1m), Frameworks.WithIndex("a", 2m)], []));
        // The first unit listed twice, in the order given, is the one named.
        var refused = Assert.Throws<DomainException>(() => RankingPolicy.Rank(
            [Frameworks.WithIndex("b", 1m), Frameworks.WithIndex("c", 3m), Frameworks.WithIndex("c", 2m), Frameworks.WithIndex("b", 2m)], []));
        Assert.StartsWith("Đơn vị b có hai kết quả", refused.Message);
    }
}
