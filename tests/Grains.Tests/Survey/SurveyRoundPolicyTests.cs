using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using static ParIndex.Grains.Tests.Survey.SurveyCycles;

namespace ParIndex.Grains.Tests.Survey;

public class SurveyRoundPolicyTests
{
    private static readonly DateOnly Today = new(2026, 3, 10);
    private static readonly SurveyLink Link = new("par-2024-06", "P02", "06-SNV", UsedAt: null);
    private static readonly SurveyRound Draft = SurveyRound.Initial("par-2024-06");
    private static readonly SurveyRound Open = SurveyRoundPolicy.Open(Draft, Today, closesOn: Today.AddDays(14), minimumAnswers: 5);

    [Fact]
    public void A_fresh_link_in_an_open_round_may_answer()
    {
        Assert.Null(SurveyRoundPolicy.CheckAnswer(Link, Open, Today));
        Assert.Null(SurveyRoundPolicy.CheckAnswer(Link, Open with { ClosesOn = null }, Today.AddYears(1)));
    }

    [Fact]
    public void A_used_link_is_refused_with_the_time_it_was_used_in_Vietnam()
    {
        var used = Link with { UsedAt = new DateTimeOffset(2026, 3, 9, 2, 30, 0, TimeSpan.Zero) };
        Assert.Equal("Phiếu này đã được trả lời lúc 09:30 09/03/2026; mỗi đường dẫn chỉ dùng được một lần.",
            SurveyRoundPolicy.CheckAnswer(used, Open, Today));
    }

    [Fact]
    public void A_link_to_a_unit_whose_result_is_published_is_refused()
    {
        Assert.Contains("đã được công bố", SurveyRoundPolicy.CheckAnswer(Link with { UnitPublished = true }, Open, Today));
    }

    [Fact]
    public void An_unknown_or_forged_code_is_refused()
    {
        Assert.StartsWith("Mã phiếu không đúng hoặc không tồn tại.", SurveyRoundPolicy.CheckAnswer(null, Open, Today));
    }

    [Fact]
    public void A_round_not_yet_opened_refuses_answers()
    {
        Assert.Equal("Đợt điều tra chưa mở.", SurveyRoundPolicy.CheckAnswer(Link, Draft, Today));
        Assert.Equal("Đợt điều tra chưa mở.", SurveyRoundPolicy.CheckAnswer(Link, null, Today));
    }

    [Fact]
    public void A_closed_round_refuses_answers()
    {
        Assert.Equal("Đợt điều tra đã kết thúc; không nhận thêm câu trả lời.", SurveyRoundPolicy.CheckAnswer(Link, SurveyRoundPolicy.Close(Open), Today));
    }

    [Fact]
    public void An_open_round_takes_answers_on_its_last_day_and_refuses_them_the_day_after()
    {
        var last = Open.ClosesOn!.Value;
        Assert.Null(SurveyRoundPolicy.CheckAnswer(Link, Open, last));
        Assert.Equal("Đợt điều tra đã hết hạn ngày 24/03/2026; không nhận thêm câu trả lời.", SurveyRoundPolicy.CheckAnswer(Link, Open, last.AddDays(1)));
    }

    [Fact]
    public void Opening_a_draft_sets_its_last_day_and_minimum()
    {
        var round = SurveyRoundPolicy.Open(Draft, Today, Today, minimumAnswers: 3);
        Assert.Equal(SurveyRoundStatus.Open, round.Status);
        Assert.Equal(Today, round.ClosesOn);
        Assert.Equal(3, round.MinimumAnswers);
        Assert.Equal("par-2024-06", round.CycleId);
    }

    [Fact]
    public void An_open_round_may_be_opened_again_to_move_its_last_day()
    {
        var later = SurveyRoundPolicy.Open(Open, Today, Today.AddDays(30), minimumAnswers: 5);
        Assert.Equal(Today.AddDays(30), later.ClosesOn);
    }

    [Fact]
    public void Opening_is_refused_after_closing_with_a_past_last_day_or_a_minimum_below_1()
    {
        Assert.Equal("Đợt điều tra đã đóng; không mở lại được.",
            Assert.Throws<DomainException>(() => SurveyRoundPolicy.Open(SurveyRoundPolicy.Close(Open), Today, null, 5)).Message);
        Assert.Equal("Ngày kết thúc 09/03/2026 đã qua.",
            Assert.Throws<DomainException>(() => SurveyRoundPolicy.Open(Draft, Today, Today.AddDays(-1), 5)).Message);
        Assert.Equal("Số phiếu tối thiểu mỗi tiêu chí phải từ 1 trở lên (đã nhập 0).",
            Assert.Throws<DomainException>(() => SurveyRoundPolicy.Open(Draft, Today, null, 0)).Message);
    }

    [Fact]
    public void Only_an_open_round_can_be_closed()
    {
        Assert.Equal(SurveyRoundStatus.Closed, SurveyRoundPolicy.Close(Open).Status);
        Assert.Equal("Đợt điều tra chưa mở.", Assert.Throws<DomainException>(() => SurveyRoundPolicy.Close(Draft)).Message);
        Assert.Equal("Đợt điều tra đã đóng.", Assert.Throws<DomainException>(() => SurveyRoundPolicy.Close(SurveyRoundPolicy.Close(Open))).Message);
    }

    [Fact]
    public void Questionnaires_are_edited_only_while_the_round_is_a_draft()
    {
        Assert.Null(SurveyRoundPolicy.CheckEditQuestionnaires(Draft));
        Assert.StartsWith("Đợt điều tra đã mở: không sửa được phiếu điều tra nữa", SurveyRoundPolicy.CheckEditQuestionnaires(Open));
        Assert.NotNull(SurveyRoundPolicy.CheckEditQuestionnaires(SurveyRoundPolicy.Close(Open)));
    }

    [Fact]
    public void Paper_answers_are_imported_once_the_round_has_opened_even_after_it_closed()
    {
        Assert.StartsWith("Đợt điều tra chưa mở", SurveyRoundPolicy.CheckImport(Draft));
        Assert.NotNull(SurveyRoundPolicy.CheckImport(null));
        Assert.Null(SurveyRoundPolicy.CheckImport(Open));
        Assert.Null(SurveyRoundPolicy.CheckImport(SurveyRoundPolicy.Close(Open)));
    }

    private static IReadOnlyList<string> Response(params (string Question, string? Option)[] answers) =>
        SurveyRoundPolicy.CheckResponse(P02, answers.ToDictionary(a => a.Question, a => a.Option));

    [Fact]
    public void A_complete_response_has_no_problem()
    {
        Assert.Empty(Response(("Q1", "A"), ("Q2", "E")));
    }

    [Fact]
    public void An_unanswered_question_is_named_whether_absent_or_blank()
    {
        Assert.Equal(new[] { "Câu Q2: chưa chọn câu trả lời." }, Response(("Q1", "A")));
        Assert.Equal(new[] { "Câu Q1: chưa chọn câu trả lời.", "Câu Q2: chưa chọn câu trả lời." }, Response(("Q1", " "), ("Q2", null)));
    }

    [Fact]
    public void An_option_not_in_the_questionnaire_is_named()
    {
        Assert.Equal(new[] { "Câu Q1: phương án \"Z\" không có trong phiếu P02." }, Response(("Q1", "Z"), ("Q2", "B")));
    }

    [Fact]
    public void A_question_not_in_the_questionnaire_is_named()
    {
        Assert.Equal(new[] { "Phiếu P02 không có câu Q9." }, Response(("Q1", "A"), ("Q2", "B"), ("Q9", "A")));
    }
}
