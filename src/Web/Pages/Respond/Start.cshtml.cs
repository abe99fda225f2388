using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Respond;

/// <summary>/khao-sat: the code printed on a paper invitation, typed in and taken to its questionnaire.</summary>
[AllowAnonymous]
public sealed class StartModel : PageModel
{
    /// <summary>What was typed, shown again when it cannot be a code.</summary>
    [BindProperty(Name = "ma")]
    public string? Typed { get; set; }

    public string? Error { get; private set; }

    public void OnGet() => ViewData["Title"] = "Nhập mã phiếu";

    /// <summary>Posted (not a query string) so that the code is not left in a proxy's access log by this step.</summary>
    public IActionResult OnPost()
    {
        ViewData["Title"] = "Nhập mã phiếu";
        if (SurveyCodes.Normalize(Typed) is { } code) return Redirect(Links.SurveyAnswer(Printed(code)));
        // The policy's words for a code that matches no link: one that cannot even be a code is no different.
        Error = SurveyRoundPolicy.CheckAnswer(null, null, default);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The code as printed on the invitation: XXXX-XXXX-XXXX.</summary>
    public static string Printed(string normalized) => string.Join('-', normalized.Chunk(4).Select(c => new string(c)));
}
