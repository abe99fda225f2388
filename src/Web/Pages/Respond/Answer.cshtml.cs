using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Respond;

/// <summary>
/// /khao-sat/{code}: one questionnaire about one unit, answered through a one-time link without an
/// account. Whether the link may answer, and whether the answers are complete, is SurveyAnswers' (the
/// round's policy) to say; this page shows its words. A refusal is 404 for a code no link has, 403
/// while the round has not opened (the link will work later), and 410 for a link that is used up or
/// whose round is over, expired, or whose unit's result is published (it will never work again).
/// </summary>
[AllowAnonymous]
[SecretRoute]
public sealed class AnswerModel(SurveyAnswers survey) : PageModel
{
    /// <summary>Form fields of the answers: "cau-" + the question's code.</summary>
    public const string FieldPrefix = "cau-";

    public LinkLookup? Link { get; private set; }
    /// <summary>Why the link cannot answer (then no form is shown).</summary>
    public string? Refusal { get; private set; }
    /// <summary>The heading of a refused submission, and problems not about one question.</summary>
    public string? ErrorSummary { get; private set; }
    public List<string> GeneralErrors { get; } = [];

    private IReadOnlyDictionary<string, string?> _chosen = new Dictionary<string, string?>();
    private IReadOnlyList<string> _errors = [];

    public string CycleTitle => Link!.Cycle.Cycle.Title;
    public Questionnaire Questionnaire => Link!.Questionnaire;
    public string UnitName => Link!.Cycle.NameOf(Link.UnitCode);

    public async Task<IActionResult> OnGetAsync(string code)
    {
        Link = await survey.FindAsync(code, HttpContext.RequestAborted);
        if (Link is null) return Refused(SurveyRoundPolicy.CheckAnswer(null, null, default)!);
        return Link.Refusal is { } refusal ? Refused(refusal) : Shown();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        var answers = Request.Form.Where(f => f.Key.StartsWith(FieldPrefix, StringComparison.Ordinal))
            .ToDictionary(f => f.Key[FieldPrefix.Length..], f => (string?)f.Value.ToString(), StringComparer.Ordinal);
        try
        {
            await survey.AnswerAsync(code, answers, HttpContext.RequestAborted);
            return Redirect(Links.SurveyThanks);
        }
        catch (DomainValidationException e)
        {
            Link = await survey.FindAsync(code, HttpContext.RequestAborted);
            if (Link is null) return Refused(e.Message);
            _chosen = answers;
            _errors = e.Errors;
            ErrorSummary = e.Message.Split(Environment.NewLine)[0];
            GeneralErrors.AddRange(e.Errors.Where(error => Questionnaire.Questions.All(q => !IsAbout(error, q))));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        catch (DomainException e)
        {
            Link = await survey.FindAsync(code, HttpContext.RequestAborted);
            return Refused(e.Message);
        }
    }

    /// <summary>The option chosen for a question: as posted after a refusal, else none.</summary>
    public bool IsChosen(SurveyQuestion question, AnswerOption option) => _chosen.GetValueOrDefault(question.Code) == option.Code;

    /// <summary>The policy's problems with this question's answer ("Câu Q1: …").</summary>
    public IEnumerable<string> ErrorsOf(SurveyQuestion question) => _errors.Where(e => IsAbout(e, question));

    private static bool IsAbout(string error, SurveyQuestion question) => error.StartsWith($"Câu {question.Code}:", StringComparison.Ordinal);

    private PageResult Shown()
    {
        ViewData["Title"] = Questionnaire.Title;
        return Page();
    }

    private PageResult Refused(string message)
    {
        Refusal = message;
        ViewData["Title"] = "Không nhận phiếu";
        Response.StatusCode = Link is null ? StatusCodes.Status404NotFound
            : Link.Round.Status == SurveyRoundStatus.Draft ? StatusCodes.Status403Forbidden
            : StatusCodes.Status410Gone;
        return Page();
    }
}
