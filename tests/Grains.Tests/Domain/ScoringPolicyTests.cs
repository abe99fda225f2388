using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Rules 2–6: effective scores, obtained, maximum, index, component indices.</summary>
public class ScoringPolicyTests
{
    private static ScoreEntry E(string item, ScoreKind kind, decimal? value, string? note = null) => new("u", item, kind, value, note);

    [Fact]
    public void A_special_unit_with_68_32_of_84_points_has_index_81_33()
    {
        // Thanh Hóa 2023, Ban Dân tộc: a smaller scale, still an index out of 100.
        var framework = Frameworks.Of([56m], [28m]);
        var result = Frameworks.Score(framework, "u", null, E("A.1.1", ScoreKind.Appraised, 45m), E("S.1.1", ScoreKind.Survey, 23.32m));
        Assert.Equal(68.32m, result.Obtained);
        Assert.Equal(84m, result.Maximum);
        Assert.Equal(81.33m, result.DisplayIndex);
        Assert.Equal(6832m / 84m, result.Index);
    }

    [Fact]
    public void The_appraised_score_counts_once_set_and_the_result_is_final()
    {
        var result = Frameworks.Score(Frameworks.Of([10m]), "u", null, E("A.1.1", ScoreKind.Self, 9m), E("A.1.1", ScoreKind.Appraised, 7m));
        Assert.Equal(7m, result.Obtained);
        Assert.Equal(9m, result.SelfSubtotal);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Before_appraisal_the_self_score_counts_and_the_result_is_provisional()
    {
        var result = Frameworks.Score(Frameworks.Of([10m]), "u", null, E("A.1.1", ScoreKind.Self, 9m));
        Assert.Equal(9m, result.Obtained);
        Assert.True(result.Provisional);
    }

    [Fact]
    public void A_missing_appraisal_or_survey_value_counts_zero_and_marks_provisional()
    {
        var result = Frameworks.Score(Frameworks.Of([10m, 10m], [5m]), "u", null, E("A.1.1", ScoreKind.Appraised, 8m), E("A.1.2", ScoreKind.Appraised, 6m));
        Assert.Equal(14m, result.Obtained);
        Assert.Equal(25m, result.Maximum);
        Assert.True(result.Provisional);
    }

    [Fact]
    public void A_missing_bonus_or_penalty_counts_zero_without_marking_provisional()
    {
        var result = Frameworks.Score(Frameworks.Of([10m], bonusMax: 1m, penaltyMax: 1m), "u", null, E("A.1.1", ScoreKind.Appraised, 8m));
        Assert.Equal(8m, result.Obtained);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void A_not_applicable_item_counts_neither_in_obtained_nor_in_maximum()
    {
        var result = Frameworks.Score(Frameworks.Of([10m, 5m]), "u", null,
            E("A.1.1", ScoreKind.Appraised, 9m), E("A.1.2", ScoreKind.Self, 5m), E("A.1.2", ScoreKind.NotApplicable, null, "Không phát sinh"));
        Assert.Equal(9m, result.Obtained);
        Assert.Equal(10m, result.Maximum);
        Assert.Equal(90m, result.Index);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void A_unit_whose_survey_items_are_all_not_applicable_is_scored_out_of_its_appraisal_maximum()
    {
        var result = Frameworks.Score(Frameworks.Of([70m], [20m, 10m]), "u", null,
            E("A.1.1", ScoreKind.Appraised, 63m),
            E("S.1.1", ScoreKind.NotApplicable, null, "Không khảo sát"), E("S.1.2", ScoreKind.NotApplicable, null, "Không khảo sát"));
        Assert.Equal(70m, result.Maximum);
        Assert.Equal(90m, result.Index);
        Assert.Equal(0m, result.SurveySubtotal);
        Assert.False(result.Provisional);
    }

    [Fact]
    public void Bonus_adds_and_penalty_subtracts_without_changing_the_maximum()
    {
        var result = Frameworks.Score(Frameworks.Of([50m], [50m], bonusMax: 3m, penaltyMax: 2m), "u", null,
            E("A.1.1", ScoreKind.Appraised, 40m), E("S.1.1", ScoreKind.Survey, 40m), E("B.1", ScoreKind.Bonus, 2.5m), E("P.1", ScoreKind.Penalty, 1.5m));
        Assert.Equal(81m, result.Obtained);
        Assert.Equal(100m, result.Maximum);
        Assert.Equal(2.5m, result.BonusSubtotal);
        Assert.Equal(1.5m, result.PenaltySubtotal);
        Assert.Equal(81m, result.Index);
    }

    [Fact]
    public void Bonus_lifts_the_index_up_to_100_and_no_further_by_default()
    {
        var result = Frameworks.Score(Frameworks.Of([10m], bonusMax: 2m), "u", null, E("A.1.1", ScoreKind.Appraised, 9.5m), E("B.1", ScoreKind.Bonus, 2m));
        Assert.Equal(11.5m, result.Obtained);
        Assert.Equal(100m, result.Index);
        Assert.Equal("Xuất sắc", result.Classification);
    }

    [Fact]
    public void Bonus_lifts_the_index_past_100_when_the_group_allows_it()
    {
        var settings = ScoringSettings.Default with { AllowOver100 = true };
        var result = Frameworks.Score(Frameworks.Of([10m], bonusMax: 2m), "u", settings, E("A.1.1", ScoreKind.Appraised, 9.5m), E("B.1", ScoreKind.Bonus, 2m));
        Assert.Equal(115m, result.Index);
    }

    [Fact]
    public void Penalty_never_takes_the_index_below_zero()
    {
        var result = Frameworks.Score(Frameworks.Of([10m], penaltyMax: 5m), "u", null, E("A.1.1", ScoreKind.Appraised, 1m), E("P.1", ScoreKind.Penalty, 5m));
        Assert.Equal(-4m, result.Obtained);
        Assert.Equal(0m, result.Index);
    }

    [Fact]
    public void There_is_no_index_when_the_maximum_is_zero()
    {
        var result = Frameworks.Score(Frameworks.Of([10m]), "u", null, E("A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh"));
        Assert.Equal(0m, result.Maximum);
        Assert.Null(result.Index);
        Assert.Null(result.DisplayIndex);
        Assert.Null(result.Classification);
    }

    [Fact]
    public void The_displayed_index_rounds_half_away_from_zero()
    {
        Assert.Equal(90.01m, ScoringPolicy.Display(90.005m, 2));
        Assert.Equal(90.00m, ScoringPolicy.Display(90.00499m, 2));
    }

    [Fact]
    public void Three_decimal_display_keeps_three_decimals()
    {
        // Đồng Nai publishes 92.830: 92.83 points of 100, shown with three decimals.
        var settings = ScoringSettings.Default with { DisplayDecimals = 3 };
        var result = Frameworks.Score(Frameworks.Of([100m]), "u", settings, E("A.1.1", ScoreKind.Appraised, 92.83m));
        Assert.Equal("92.830", result.DisplayIndex!.Value.ToString("F3", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(3, result.DisplayDecimals);
        Assert.Equal(92.8305m, ScoringPolicy.Display(92.8305m, 4));
        Assert.Equal(92.831m, ScoringPolicy.Display(92.8305m, 3));
    }

    [Fact]
    public void Component_indices_are_each_fields_and_criterions_obtained_over_maximum()
    {
        var framework = Frameworks.Of([6m, 4m], [20m]);
        var result = Frameworks.Score(framework, "u", null,
            E("A.1.1", ScoreKind.Appraised, 6m), E("A.1.2", ScoreKind.Appraised, 2m), E("S.1.1", ScoreKind.Survey, 15m));
        var a = Assert.Single(result.Fields, f => f.Code == "A");
        Assert.Equal(8m, a.Obtained);
        Assert.Equal(10m, a.Maximum);
        Assert.Equal(80m, a.Index);
        Assert.Equal(75m, Assert.Single(result.Fields, f => f.Code == "S").Index);
        Assert.Equal(80m, Assert.Single(result.Criteria, c => c.Code == "A.1").Index);
        Assert.Equal(23m / 30m * 100m, result.Index!.Value, 20);
    }

    [Fact]
    public void Subtotals_separate_appraisal_and_survey()
    {
        var result = Frameworks.Score(Frameworks.Of([70m], [30m]), "u", null, E("A.1.1", ScoreKind.Appraised, 60.5m), E("S.1.1", ScoreKind.Survey, 25.25m));
        Assert.Equal(60.5m, result.AppraisalSubtotal);
        Assert.Equal(25.25m, result.SurveySubtotal);
        Assert.Equal(85.75m, result.Obtained);
    }
}
