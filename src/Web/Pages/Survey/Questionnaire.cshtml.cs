using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Survey;

/// <summary>
/// /cycles/{cycle}/dieu-tra/phieu/{code} and /phieu (a new one): a questionnaire, editable while the round is a draft:
/// its respondents, quota, answer options with the share of points each is worth, and questions mapped to survey items.
/// </summary>
[Authorize]
public sealed class QuestionnaireModel(SurveyQueries queries, SurveyService survey) : SurveyPage(queries)
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Group { get; set; }
    [BindProperty] public string? Respondents { get; set; }
    [BindProperty] public string? Quota { get; set; }
    [BindProperty] public string? Options { get; set; }
    [BindProperty] public string? Questions { get; set; }

    public bool IsNew { get; private set; }
    /// <summary>Why it cannot be edited now (the round has opened), or null.</summary>
    public string? Locked => SurveyRoundPolicy.CheckEditQuestionnaires(Round);
    public string? Refusal { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycle, string? code)
    {
        if (!await LoadAsync(cycle, code is null ? "Phiếu mới" : $"Phiếu {code}")) return Access.Refuse(this);
        IsNew = code is null;
        if (code is null)
        {
            Options = QuestionnaireForm.DefaultOptionsText;
            Group = Groups[0].Code;
            return Page();
        }
        var q = Definition.Cycle.FindQuestionnaire(code) ?? throw new NotFoundException($"Kỳ {cycle} không có phiếu điều tra \"{code}\".");
        if (!Manages(q.GroupCode)) return Access.Refuse(this);
        (Code, Title, Group, Respondents, Quota) = (q.Code, q.Title, q.GroupCode, q.Respondents, q.Quota.ToString());
        (Options, Questions) = (QuestionnaireForm.OptionsText(q), QuestionnaireForm.QuestionsText(q));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cycle, string? code)
    {
        if (!await LoadAsync(cycle, code is null ? "Phiếu mới" : $"Phiếu {code}")) return Access.Refuse(this);
        IsNew = code is null;
        if (code is not null) Code = code; // the code names the page; it is not renamed
        if (!Manages(Group ?? "") || (code is not null && Definition.Cycle.FindQuestionnaire(code) is { } old && !Manages(old.GroupCode))) return Access.Refuse(this);
        if (IsNew && Definition.Cycle.FindQuestionnaire(Code?.Trim() ?? "") is not null)
            return Refused($"Mã phiếu {Code} đã có trong kỳ này; hãy chọn mã khác hoặc sửa phiếu đó.", []);
        var problems = new List<string>();
        var questionnaire = QuestionnaireForm.Read(Code, Title, Group, Respondents, Quota, Options, Questions, problems);
        if (questionnaire is null) return Refused("Chưa lưu được phiếu:", problems);
        try
        {
            await survey.SaveQuestionnaireAsync(cycle, questionnaire, HttpContext.RequestAborted);
        }
        catch (DomainValidationException e) { return Refused("Chưa lưu được phiếu:", e.Errors); }
        catch (DomainException e) { return Refused(e.Message, []); }
        TempData["Flash"] = $"Đã lưu phiếu {questionnaire.Code}.";
        return Redirect(Links.Survey(cycle));
    }

    public async Task<IActionResult> OnPostDeleteAsync(string cycle, string code)
    {
        if (!await LoadAsync(cycle, $"Phiếu {code}")) return Access.Refuse(this);
        var q = Definition.Cycle.FindQuestionnaire(code) ?? throw new NotFoundException($"Kỳ {cycle} không có phiếu điều tra \"{code}\".");
        if (!Manages(q.GroupCode)) return Access.Refuse(this);
        try
        {
            await survey.DeleteQuestionnaireAsync(cycle, code, HttpContext.RequestAborted);
        }
        catch (DomainException e) { return Refused(e.Message, []); }
        TempData["Flash"] = $"Đã xóa phiếu {code}.";
        return Redirect(Links.Survey(cycle));
    }

    private IActionResult Refused(string message, IReadOnlyList<string> problems)
    {
        Refusal = message;
        Problems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
