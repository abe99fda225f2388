using System.Globalization;
using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Web.Pages.Survey;

/// <summary>
/// A questionnaire as an administrator types it: options one per line "A | Rất tốt | 100" (percent of the
/// item's points; empty or "không tính" for a "không biết" option), questions one per line
/// "Q1 | 8.1 | Nội dung câu hỏi". Reading only: whether it fits the framework is the domain's (Questionnaire.Check).
/// </summary>
public static class QuestionnaireForm
{
    public static string OptionsText(Questionnaire q) => string.Join("\n", q.Options.Select(o =>
        $"{o.Code} | {o.Label} | {(o.Fraction is { } f ? (f * 100m).ToString("0.###", CultureInfo.InvariantCulture) : "không tính")}"));

    public static string QuestionsText(Questionnaire q) => string.Join("\n", q.Questions.Select(x => $"{x.Code} | {x.ItemCode} | {x.Text}"));

    public static string DefaultOptionsText => OptionsText(new Questionnaire("", "", "", Questionnaire.CommonOptions, []));

    /// <returns>The questionnaire, or null with every problem of the form listed.</returns>
    public static Questionnaire? Read(string? code, string? title, string? group, string? respondents, string? quota, string? options, string? questions, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(code)) problems.Add("Cần nhập mã phiếu (ví dụ P02).");
        if (string.IsNullOrWhiteSpace(title)) problems.Add("Cần nhập tên phiếu.");
        if (string.IsNullOrWhiteSpace(group)) problems.Add("Cần chọn nhóm xếp hạng mà phiếu đánh giá.");
        var target = 0;
        if (!string.IsNullOrWhiteSpace(quota) && !int.TryParse(quota.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out target))
            problems.Add($"Chỉ tiêu số phiếu mỗi đơn vị \"{quota}\" phải là số nguyên không âm.");

        var parsedOptions = new List<AnswerOption>();
        foreach (var (line, parts) in Lines(options))
        {
            if (parts.Length is < 2 or > 3) { problems.Add($"Phương án, dòng {line}: cần dạng \"Mã | Nội dung | Phần trăm điểm\"."); continue; }
            var percentText = parts.Length == 3 ? parts[2] : "";
            decimal? fraction = null;
            if (percentText.Length > 0 && !percentText.Equals("không tính", StringComparison.OrdinalIgnoreCase))
            {
                if (!decimal.TryParse(percentText.TrimEnd('%', ' '), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                { problems.Add($"Phương án {parts[0]}, dòng {line}: \"{percentText}\" không phải phần trăm (ví dụ 60) hay \"không tính\"."); continue; }
                fraction = percent / 100m;
            }
            parsedOptions.Add(new AnswerOption(parts[0], parts[1].Length > 0 ? parts[1] : parts[0], fraction));
        }
        if (parsedOptions.Count == 0) problems.Add("Cần ít nhất một phương án trả lời.");

        var parsedQuestions = new List<SurveyQuestion>();
        foreach (var (line, parts) in Lines(questions))
        {
            if (parts.Length < 3 || parts[2].Length == 0) { problems.Add($"Câu hỏi, dòng {line}: cần dạng \"Mã câu | Mã tiêu chí | Nội dung câu hỏi\"."); continue; }
            parsedQuestions.Add(new SurveyQuestion(parts[0], parts[1], string.Join(" | ", parts[2..])));
        }
        if (parsedQuestions.Count == 0) problems.Add("Cần ít nhất một câu hỏi.");

        return problems.Count > 0 ? null : new Questionnaire(code!.Trim(), title!.Trim(), group!.Trim(), parsedOptions, parsedQuestions)
        {
            Respondents = respondents?.Trim() ?? "", Quota = target,
        };
    }

    private static IEnumerable<(int Line, string[] Parts)> Lines(string? text) =>
        (text ?? "").Replace("\r", "").Split('\n')
            .Select((l, i) => (Line: i + 1, Text: l.Trim()))
            .Where(l => l.Text.Length > 0)
            .Select(l => (l.Line, l.Text.Split('|').Select(p => p.Trim()).ToArray()));
}
