using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using static ParIndex.Grains.Tests.Survey.SurveyCycles;

namespace ParIndex.Grains.Tests.Survey;

public class SurveyScoringTests
{
    private static int _respondent;

    private static SurveyAnswer Answer(string questionnaire, string question, string option, string unit = "06-SNV") =>
        new($"r-{Interlocked.Increment(ref _respondent)}", unit, questionnaire, question, option);

    private static IEnumerable<SurveyAnswer> Answers(string questionnaire, string question, params string[] options) =>
        options.Select(o => Answer(questionnaire, question, o)).ToList();

    private static IReadOnlyList<ItemSurveyTally> Tally(IEnumerable<SurveyAnswer> answers, int minimumAnswers = SurveyScoring.DefaultMinimumAnswers) =>
        SurveyScoring.Tally(SurveyFramework, [P02, P03], "06-SNV", answers, minimumAnswers);

    private static ItemSurveyTally Item(IReadOnlyList<ItemSurveyTally> tallies, string code) => Assert.Single(tallies, t => t.ItemCode == code);

    [Fact]
    public void The_score_is_the_mean_counted_fraction_times_the_items_maximum()
    {
        var t = Item(Tally(Answers("P02", "Q1", "A", "B", "C", "D")), "S.1.1");
        Assert.Equal(2m, t.Max);
        Assert.Equal(4, t.Answers);
        Assert.Equal(4, t.Counted);
        Assert.Equal(0.45m, t.MeanFraction); // (1 + 0.6 + 0.2 + 0) / 4
        Assert.Equal(0.9m, t.Score);
    }

    [Fact]
    public void A_dont_know_answer_is_counted_as_an_answer_but_not_in_the_mean()
    {
        var t = Item(Tally(Answers("P02", "Q1", "A", "E", "C")), "S.1.1");
        Assert.Equal(3, t.Answers);
        Assert.Equal(2, t.Counted);
        Assert.Equal(0.6m, t.MeanFraction); // (1 + 0.2) / 2, not / 3
        Assert.Equal(1.2m, t.Score);
    }

    [Fact]
    public void Questions_of_different_questionnaires_on_the_same_item_are_pooled()
    {
        var t = Item(Tally(Answers("P02", "Q1", "A", "A", "B").Concat(Answers("P03", "Q1", "D"))), "S.1.1");
        Assert.Equal(4, t.Counted);
        Assert.Equal(0.65m, t.MeanFraction); // (1 + 1 + 0.6 + 0) / 4: one pool, not the mean of the two questionnaires' means
        Assert.Equal(1.3m, t.Score);
    }

    [Fact]
    public void An_item_with_only_dont_know_answers_or_none_has_no_score()
    {
        var tallies = Tally(Answers("P02", "Q1", "E", "E"));
        var onlyDontKnow = Item(tallies, "S.1.1");
        Assert.Equal(2, onlyDontKnow.Answers);
        Assert.Equal(0, onlyDontKnow.Counted);
        Assert.Null(onlyDontKnow.MeanFraction);
        Assert.Null(onlyDontKnow.Score);
        var unanswered = Item(tallies, "S.1.2");
        Assert.Equal(0, unanswered.Answers);
        Assert.Null(unanswered.Score);
    }

    [Fact]
    public void An_item_is_below_the_minimum_when_it_has_fewer_counted_answers_than_the_minimum()
    {
        Assert.False(Item(Tally(Answers("P02", "Q1", "A", "A", "A"), minimumAnswers: 3), "S.1.1").BelowMinimum);
        // "Không biết" answers do not make up the minimum: 2 counted of 3 answers.
        Assert.True(Item(Tally(Answers("P02", "Q1", "A", "A", "E"), minimumAnswers: 3), "S.1.1").BelowMinimum);
        Assert.True(Item(Tally(Answers("P02", "Q1", "A", "A", "A", "A"), minimumAnswers: 5), "S.1.1").BelowMinimum);
        Assert.False(Item(Tally(Answers("P02", "Q1", "A", "A", "A", "A", "A")), "S.1.1").BelowMinimum); // default minimum 5
    }

    [Fact]
    public void Means_are_kept_at_full_precision_not_rounded()
    {
        var t = Item(Tally(Answers("P02", "Q2", "A", "D", "D")), "S.1.2");
        Assert.Equal(1m / 3m, t.MeanFraction);
        Assert.Equal(1m / 3m * 3m, t.Score);
        Assert.NotEqual(1m, t.Score); // 0.9999…, exactly what the decimal arithmetic gives; rounding is the display's
        Assert.True(t.MeanFraction!.Value.Scale > 20);
    }

    [Fact]
    public void Answers_about_other_units_are_ignored()
    {
        var answers = Answers("P02", "Q1", "A").Append(Answer("P02", "Q1", "D", unit: "06-SCT"));
        var t = Item(Tally(answers), "S.1.1");
        Assert.Equal(1, t.Answers);
        Assert.Equal(2m, t.Score);
    }

    [Fact]
    public void Only_survey_items_that_a_questionnaire_asks_about_are_tallied()
    {
        var appraisalQuestion = MakeQuestionnaire("P09", new SurveyQuestion("Q1", "A.1.1", "Câu về mục thẩm định"));
        var tallies = SurveyScoring.Tally(SurveyFramework, [P03, appraisalQuestion], "06-SNV", [Answer("P09", "Q1", "A"), Answer("P03", "Q1", "B")]);
        Assert.Equal(new[] { "S.1.1" }, tallies.Select(t => t.ItemCode));
    }

    [Fact]
    public void Entries_score_the_answered_items_and_clear_those_answered_only_dont_know()
    {
        // S.1.1: A (1) and B (0.6) → mean 0.8 × max 2 = 1.6. S.1.2: one "không biết" → no score, cleared.
        // Every other survey item of the framework: nobody answered → no entry, the scorecard keeps what it has.
        var tallies = Tally(Answers("P02", "Q1", "A", "B").Concat(Answers("P02", "Q2", "E")));
        var entries = SurveyScoring.Entries("06-SNV", tallies);
        Assert.Equal(["S.1.1", "S.1.2"], entries.Select(e => e.ItemCode));
        var scored = entries[0];
        Assert.Equal(("06-SNV", ScoreKind.Survey, 1.6m), (scored.UnitCode, scored.Kind, scored.Value));
        Assert.Contains("2 phiếu", scored.Note);
        var cleared = entries[1];
        Assert.Equal((ScoreKind.Survey, (decimal?)null), (cleared.Kind, cleared.Value));
        Assert.Contains("không biết", cleared.Note);
    }
}
