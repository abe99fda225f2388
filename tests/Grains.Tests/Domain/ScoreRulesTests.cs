using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Rule 1: what may be entered, and that a refused batch stores nothing.</summary>
public class ScoreRulesTests
{
    private static readonly Framework Framework = Frameworks.Of([2m], [10m], bonusMax: 1m, penaltyMax: 1m);

    private static string? Check(ScoreKind kind, decimal value, string item = "A.1.1") =>
        ScoreRules.Check(Framework, new ScoreEntry("06-SNV", item, kind, value));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(1.125)]
    public void Values_from_zero_to_the_maximum_with_three_decimals_are_accepted(decimal value)
    {
        Assert.Null(Check(ScoreKind.Self, value));
        Assert.Null(Check(ScoreKind.Appraised, value));
    }

    [Fact]
    public void A_negative_score_is_refused_naming_unit_item_and_limit()
    {
        var error = Check(ScoreKind.Self, -0.5m);
        Assert.NotNull(error);
        Assert.Contains("06-SNV", error);
        Assert.Contains("A.1.1", error);
        Assert.Contains("âm", error);
        Assert.Contains("2", error);
    }

    [Fact]
    public void A_score_over_the_maximum_is_refused_naming_the_maximum()
    {
        var error = Check(ScoreKind.Appraised, 2.001m);
        Assert.NotNull(error);
        Assert.Contains("vượt điểm tối đa 2", error);
    }

    [Fact]
    public void More_than_three_decimals_is_refused()
    {
        var error = Check(ScoreKind.Self, 1.1255m);
        Assert.NotNull(error);
        Assert.Contains("3 chữ số thập phân", error);
    }

    [Fact]
    public void Only_a_survey_score_may_be_given_as_none_which_clears_it()
    {
        Assert.Null(ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "S.1.1", ScoreKind.Survey, null)));
        Assert.Contains("thiếu", ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, null)));
        Assert.Contains("thiếu", ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Appraised, null)));

        var card = new Scorecard("06-SNV", Framework);
        card.Apply(new ScoreEntry("06-SNV", "S.1.1", ScoreKind.Survey, 7m));
        var change = Assert.Single(card.Apply(new ScoreEntry("06-SNV", "S.1.1", ScoreKind.Survey, null)));
        Assert.Equal((7m, (decimal?)null), (change.OldValue, card["S.1.1"].Survey));
    }

    [Fact]
    public void A_not_applicable_mark_is_lifted_only_with_a_reason_and_only_when_there_is_one()
    {
        var card = new Scorecard("06-SNV", Framework);
        Assert.Contains("phải có lý do", ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Applicable, null, "")));
        var nothing = Assert.Throws<DomainValidationException>(() => card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Applicable, null, "Có phát sinh")));
        Assert.Contains("không có đánh dấu không phát sinh để bỏ", nothing.Errors.Single());

        card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh TTHC"));
        var change = Assert.Single(card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Applicable, null, "Có phát sinh")));
        Assert.Equal("Không phát sinh TTHC", change.OldNote);
        Assert.False(card["A.1.1"].IsNotApplicable);
        Assert.Equal("applicable", ScoreKind.Applicable.ToFileName());
    }

    [Fact]
    public void Computed_survey_scores_keep_full_precision()
    {
        Assert.Null(Check(ScoreKind.Survey, 7.8512345678m, "S.1.1"));
        Assert.NotNull(Check(ScoreKind.Survey, 10.0001m, "S.1.1"));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("1,5")]
    [InlineData("Infinity")]
    public void Text_and_NaN_are_refused_as_not_a_number(string text)
    {
        var error = ScoreRules.Check(Framework, "06-SNV", "A.1.1", ScoreKind.Self, text, null, out var entry);
        Assert.Null(entry);
        Assert.NotNull(error);
        Assert.Contains("không phải là số", error);
        Assert.Contains("A.1.1", error);
    }

    [Theory]
    [InlineData(ScoreKind.Self, "S.1.1")]
    [InlineData(ScoreKind.Survey, "A.1.1")]
    [InlineData(ScoreKind.Bonus, "A.1.1")]
    [InlineData(ScoreKind.Penalty, "B.1")]
    [InlineData(ScoreKind.Appraised, "P.1")]
    public void A_kind_that_does_not_fit_the_items_source_is_refused(ScoreKind kind, string item)
    {
        var error = Check(kind, 0.5m, item);
        Assert.NotNull(error);
        Assert.Contains("nguồn điểm", error);
    }

    [Fact]
    public void An_unknown_item_is_refused()
    {
        Assert.Contains("không có tiêu chí thành phần", Check(ScoreKind.Self, 1m, "9.9.9"));
    }

    [Fact]
    public void Not_applicable_needs_a_reason()
    {
        Assert.NotNull(ScoreRules.Check(Framework, new ScoreEntry("u", "A.1.1", ScoreKind.NotApplicable, null, " ")));
        Assert.Null(ScoreRules.Check(Framework, new ScoreEntry("u", "A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh TTHC")));
        Assert.NotNull(ScoreRules.Check(Framework, "u", "A.1.1", ScoreKind.NotApplicable, "", "", out var refused));
        Assert.Null(refused);
    }

    [Fact]
    public void A_batch_with_one_bad_value_stores_nothing_and_lists_every_bad_value()
    {
        var card = new Scorecard("06-SNV", Framework);
        var error = Assert.Throws<DomainValidationException>(() => card.Apply(
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m),
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Appraised, 5m),
            new ScoreEntry("06-SNV", "B.1", ScoreKind.Bonus, -1m)));
        Assert.Equal(2, error.Errors.Count);
        Assert.Null(card["A.1.1"].Self);
    }

    [Fact]
    public void A_change_reports_the_old_value_for_the_audit()
    {
        var card = new Scorecard("06-SNV", Framework);
        card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m));
        var change = Assert.Single(card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1.5m, "Bổ sung")));
        Assert.Equal(1m, change.OldValue);
        Assert.Equal(1.5m, card["A.1.1"].Self);
        Assert.Equal("Bổ sung", card["A.1.1"].SelfNote);
    }

    [Fact]
    public void A_note_up_to_the_limit_is_kept_and_one_character_more_is_refused_naming_the_limit()
    {
        Assert.Null(ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m, new string('a', 4000))));
        var error = ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m, new string('a', 4001)));
        Assert.Equal("Đơn vị 06-SNV, tiêu chí A.1.1: ghi chú dài 4001 ký tự, vượt giới hạn 4000 ký tự.", error);
        var reason = ScoreRules.Check(Framework, new ScoreEntry("06-SNV", "A.1.1", ScoreKind.NotApplicable, null, new string('a', 4001)));
        Assert.Contains("lý do không phát sinh dài 4001 ký tự", reason);
    }

    [Fact]
    public void An_entered_value_is_stored_with_no_more_than_three_decimals_of_scale()
    {
        var zero = new decimal(0, 0, 0, false, 28); // what 1e-400 becomes when read as a decimal
        Assert.Equal("0.000", ScoreRules.Stored(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, zero))!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.5", ScoreRules.Stored(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 0.5m))!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(7.8512345678m, ScoreRules.Stored(new ScoreEntry("06-SNV", "S.1.1", ScoreKind.Survey, 7.8512345678m))); // computed: full precision
    }

    [Fact]
    public void One_item_and_kind_twice_in_one_change_is_refused_and_nothing_is_applied()
    {
        var card = new Scorecard("06-SNV", Framework);
        var error = Assert.Throws<DomainValidationException>(() => card.Apply(
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m), new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 2m),
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Appraised, 1m)));
        Assert.Equal(["Tiêu chí A.1.1: điểm tự đánh giá được gửi 2 lần trong một lần ghi (chỉ được một lần)."], error.Errors);
        Assert.Null(card["A.1.1"].Self);
        Assert.Null(card["A.1.1"].Appraised);
    }

    [Fact]
    public void A_scorecard_keeps_an_entered_value_at_three_decimals_of_scale_and_a_survey_value_whole()
    {
        var card = new Scorecard("06-SNV", Framework);
        var zeros = new decimal(15000, 0, 0, false, 4); // 1.5000
        var changes = card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, zeros), new ScoreEntry("06-SNV", "S.1.1", ScoreKind.Survey, 7.8512345678m));

        Assert.Equal("1.500", card["A.1.1"].Self!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1.500", changes[0].Entry.Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("7.8512345678", card["S.1.1"].Survey!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_change_records_the_entry_as_given_when_it_is_already_as_stored()
    {
        var card = new Scorecard("06-SNV", Framework);
        var given = new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1.25m, "kế hoạch");
        var marked = new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Appraised, 1m, "chậm\u202E");

        var changes = card.Apply(given, marked);

        Assert.Same(given, changes[0].Entry);
        Assert.Equal(marked with { Note = "chậm" }, changes[1].Entry); // a bidirectional control taken out: a new entry
        Assert.Equal("chậm", card["A.1.1"].AppraisedNote);
    }

    [Fact]
    public void A_refused_batch_lists_bad_values_then_marks_to_lift_then_repeats()
    {
        var card = new Scorecard("06-SNV", Framework);
        var error = Assert.Throws<DomainValidationException>(() => card.Apply(
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Applicable, null, "có phát sinh"),
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 3m),
            new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m)));
        Assert.Equal(
        [
            "Đơn vị 06-SNV, tiêu chí A.1.1: điểm tự đánh giá 3 vượt điểm tối đa 2.",
            "Đơn vị 06-SNV, tiêu chí A.1.1: không có đánh dấu không phát sinh để bỏ.",
            "Tiêu chí A.1.1: điểm tự đánh giá được gửi 2 lần trong một lần ghi (chỉ được một lần).",
        ], error.Errors);
    }
}
