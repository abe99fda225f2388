using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using static ParIndex.Grains.Tests.Survey.SurveyCycles;

namespace ParIndex.Grains.Tests.Survey;

public class SurveyAnswerRulesTests
{
    private static readonly Cycle Cycle = Cycle(P02, P03);

    private static RankGroup? GroupOf(string unit) => unit switch
    {
        "06-SNV" or "06-SCT" => Cycle.FindGroup("so"),
        "06-H1" => Cycle.FindGroup("huyen"),
        _ => null,
    };

    private static string? Check(SurveyAnswer answer, Cycle? cycle = null) => SurveyAnswerRules.Check(cycle ?? Cycle, GroupOf, answer);

    private static readonly SurveyAnswer Good = new("r-0001", "06-SNV", "P02", "Q1", "A");

    [Fact]
    public void A_good_answer_is_accepted()
    {
        Assert.Null(Check(Good));
        Assert.Null(Check(Good with { QuestionCode = "Q2", OptionCode = "E" }));
    }

    [Fact]
    public void An_answer_without_respondent_is_refused()
    {
        Assert.Equal("thiếu mã người trả lời (respondent_id).", Check(Good with { RespondentId = " " }));
    }

    [Fact]
    public void An_unknown_questionnaire_is_refused_listing_the_cycles_questionnaires()
    {
        Assert.Equal("kỳ par-2024-06 không có phiếu điều tra \"P09\" (các phiếu: P02, P03).", Check(Good with { Questionnaire = "P09" }));
        Assert.Equal("kỳ par-2024-06 không có phiếu điều tra \"P02\" (kỳ này chưa có phiếu nào).", Check(Good, Cycle()));
    }

    [Fact]
    public void A_unit_outside_every_group_is_refused()
    {
        Assert.Equal("đơn vị 06-XX không thuộc nhóm nào của kỳ đánh giá.", Check(Good with { UnitCode = "06-XX" }));
    }

    [Fact]
    public void A_unit_of_another_group_than_the_questionnaires_is_refused()
    {
        Assert.Equal("phiếu P02 dành cho nhóm so, còn đơn vị 06-H1 thuộc nhóm huyen.", Check(Good with { UnitCode = "06-H1" }));
    }

    [Fact]
    public void A_question_not_in_the_questionnaire_is_refused()
    {
        Assert.Equal("phiếu P03 không có câu hỏi \"Q2\".", Check(Good with { Questionnaire = "P03", QuestionCode = "Q2" }));
    }

    [Fact]
    public void An_option_not_in_the_questionnaire_is_refused_listing_its_options()
    {
        Assert.Equal("câu Q1: phương án \"F\" không có trong phiếu P02 (các phương án: A, B, C, D, E).", Check(Good with { OptionCode = "F" }));
    }
}
