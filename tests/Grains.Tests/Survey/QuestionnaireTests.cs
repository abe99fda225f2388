using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using static ParIndex.Grains.Tests.Survey.SurveyCycles;

namespace ParIndex.Grains.Tests.Survey;

public class QuestionnaireTests
{
    private static readonly Cycle Cycle = Cycle();

    private static IReadOnlyList<string> Check(Questionnaire q) => q.Check(Cycle).ToList();

    private static string OneProblem(Questionnaire q) => Assert.Single(Check(q));

    [Fact]
    public void A_good_questionnaire_has_no_problem()
    {
        Assert.Empty(Check(P02));
        Assert.Empty(Check(P03 with { Quota = 30, Respondents = "Đại biểu HĐND tỉnh" }));
    }

    [Fact]
    public void An_unknown_group_is_named()
    {
        var problem = OneProblem(P02 with { GroupCode = "xa" });
        Assert.Equal("Phiếu P02: kỳ par-2024-06 không có nhóm xếp hạng \"xa\".", problem);
    }

    [Fact]
    public void A_question_on_an_item_not_in_the_framework_is_named()
    {
        var problem = OneProblem(MakeQuestionnaire("P02", new SurveyQuestion("Q1", "S.9", "…")));
        Assert.Equal("Phiếu P02, câu Q1: bộ tiêu chí test không có tiêu chí S.9.", problem);
    }

    [Fact]
    public void A_question_on_an_item_that_is_not_scored_by_the_survey_is_named()
    {
        var problem = OneProblem(MakeQuestionnaire("P02", new SurveyQuestion("Q1", "A.1.1", "…")));
        Assert.StartsWith("Phiếu P02, câu Q1: tiêu chí A.1.1 có nguồn điểm Appraisal", problem);
        Assert.Contains("không phải Survey", problem);
    }

    [Fact]
    public void Duplicate_option_and_question_codes_are_named()
    {
        var q = P02 with
        {
            Options = [new("A", "Tốt", 1m), new("A", "Kém", 0m)],
            Questions = [new("Q1", "S.1.1", "…"), new("Q1", "S.1.2", "…")],
        };
        var problems = Check(q);
        Assert.Contains("Phiếu P02: mã phương án A bị trùng.", problems);
        Assert.Contains("Phiếu P02: mã câu hỏi Q1 bị trùng.", problems);
        Assert.Equal(2, problems.Count);
    }

    [Theory]
    [InlineData("1.20", "1.2")]
    [InlineData("-0.1", "-0.1")]
    public void A_fraction_outside_0_to_1_is_named_as_people_write_it(string fraction, string written)
    {
        var value = decimal.Parse(fraction, System.Globalization.CultureInfo.InvariantCulture);
        var problem = OneProblem(P02 with { Options = [new("A", "Rất tốt", 1m), new("X", "Lạ", value)] });
        Assert.Equal($"Phiếu P02: phương án X có tỷ lệ điểm {written} ngoài khoảng 0–1.", problem);
    }

    [Fact]
    public void The_bounds_0_and_1_are_allowed()
    {
        Assert.Empty(Check(P02 with { Options = [new("A", "Có", 1m), new("B", "Không", 0m)] }));
    }

    [Fact]
    public void A_questionnaire_whose_options_are_all_not_counted_is_refused()
    {
        var problem = OneProblem(P02 with { Options = [new("E", "Không biết", null)] });
        Assert.Contains("cần ít nhất một phương án được tính điểm", problem);
    }

    [Fact]
    public void A_questionnaire_without_questions_is_refused()
    {
        Assert.Equal("Phiếu P02: không có câu hỏi nào.", OneProblem(P02 with { Questions = [] }));
    }

    [Fact]
    public void A_missing_code_or_title_a_negative_quota_and_an_uncoded_question_are_named()
    {
        var problems = Check(P02 with { Title = " ", Quota = -1, Questions = [new("", "S.1.1", "…")] });
        Assert.Contains("Phiếu P02: thiếu tiêu đề (title).", problems);
        Assert.Contains("Phiếu P02: chỉ tiêu số phiếu -1 âm.", problems);
        Assert.Contains("Phiếu P02: có câu hỏi không có mã.", problems);
        Assert.Contains("Phiếu điều tra không có mã (code).", Check(P02 with { Code = "" }));
    }

    [Fact]
    public void Uncoded_questions_are_named_once_even_when_the_group_is_unknown()
    {
        var problems = Check(P02 with { GroupCode = "xa", Questions = [new("", "S.1.1", "…"), new("", "S.1.2", "…")] });
        Assert.Equal(new[] { "Phiếu P02: có câu hỏi không có mã.", "Phiếu P02: kỳ par-2024-06 không có nhóm xếp hạng \"xa\"." }, problems);
    }

    [Fact]
    public void The_content_check_needs_no_cycle_and_leaves_the_group_and_items_to_the_cycle_check()
    {
        Assert.Empty((P02 with { GroupCode = "xa" }).CheckContent());
        Assert.Equal(new[] { "Phiếu P02: không có câu hỏi nào." }, (P02 with { Questions = [] }).CheckContent());
    }

    [Fact]
    public void Resolving_the_cycle_reports_every_questionnaire_problem()
    {
        var cycle = Cycle(P02, MakeQuestionnaire("P05", new SurveyQuestion("Q1", "S.9", "…")) with { GroupCode = "so" }, P03 with { GroupCode = "xa" });
        var error = Assert.Throws<DomainValidationException>(() => cycle.Resolve(Units()));
        Assert.Contains("Phiếu P05, câu Q1: bộ tiêu chí test không có tiêu chí S.9.", error.Errors);
        Assert.Contains("Phiếu P03: kỳ par-2024-06 không có nhóm xếp hạng \"xa\".", error.Errors);
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Resolving_the_cycle_refuses_two_questionnaires_with_the_same_code()
    {
        var cycle = Cycle(P02, P03 with { Code = "P02" });
        var error = Assert.Throws<DomainValidationException>(() => cycle.Resolve(Units()));
        Assert.Equal(new[] { "Mã phiếu điều tra P02 bị trùng." }, error.Errors);
    }

    [Fact]
    public void A_cycle_with_good_questionnaires_resolves()
    {
        var members = Cycle(P02, P03).Resolve(Units());
        Assert.Equal(2, members["so"].Count);
    }
}
