using ParIndex.Grains.Domain.Survey;
using ParIndex.Web.Pages.Survey;

namespace ParIndex.Web.Tests.Survey;

/// <summary>The questionnaire editor's text: options and questions one per line, read back exactly, every bad line named.</summary>
public class QuestionnaireFormTests
{
    [Fact]
    public void Options_and_questions_are_read_with_percentages_and_a_not_counted_option()
    {
        var problems = new List<string>();
        var q = QuestionnaireForm.Read("P02", "Phiếu 02", "so", "Người dân", "15",
            "A | Rất tốt | 100\nB | Tốt | 60%\n\nC | Chưa tốt | 20\nE | Không biết | không tính\nF | Bỏ trống |", "Q1 | 8.1 | Ông/bà hài lòng? | rất chi tiết", problems);
        Assert.Empty(problems);
        Assert.Equal([1m, 0.6m, 0.2m, null, null], q!.Options.Select(o => o.Fraction));
        Assert.Equal(("Q1", "8.1", "Ông/bà hài lòng? | rất chi tiết"), (q.Questions[0].Code, q.Questions[0].ItemCode, q.Questions[0].Text));
        Assert.Equal((15, "Người dân"), (q.Quota, q.Respondents));
    }

    [Fact]
    public void What_it_writes_it_reads_back_the_same()
    {
        var original = new Questionnaire("P01", "Phiếu 01", "xa", Questionnaire.CommonOptions, [new SurveyQuestion("Q1", "8.1", "Hài lòng?"), new SurveyQuestion("Q2", "8.2", "Phiền hà?")]);
        var back = QuestionnaireForm.Read("P01", "Phiếu 01", "xa", "", "0", QuestionnaireForm.OptionsText(original), QuestionnaireForm.QuestionsText(original), []);
        Assert.Equal(original.Options, back!.Options);
        Assert.Equal(original.Questions, back.Questions);
    }

    [Fact]
    public void Every_bad_line_is_named_and_nothing_is_made()
    {
        var problems = new List<string>();
        var q = QuestionnaireForm.Read("", "", "", "", "nhiều", "A\nB | Tốt | sáu mươi", "Q1 | 8.1", problems);
        Assert.Null(q);
        Assert.Contains(problems, p => p.Contains("mã phiếu"));
        Assert.Contains(problems, p => p.Contains("tên phiếu"));
        Assert.Contains(problems, p => p.Contains("nhóm"));
        Assert.Contains(problems, p => p.Contains("\"nhiều\""));
        Assert.Contains(problems, p => p.Contains("dòng 1") && p.StartsWith("Phương án"));
        Assert.Contains(problems, p => p.Contains("\"sáu mươi\""));
        Assert.Contains(problems, p => p.StartsWith("Câu hỏi, dòng 1"));
    }
}
