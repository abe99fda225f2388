using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ParIndex.Web.Pages.Respond;

/// <summary>/khao-sat/cam-on: where an accepted questionnaire leads (never showing its code again).</summary>
[AllowAnonymous]
public sealed class ThanksModel : PageModel
{
    public void OnGet() => ViewData["Title"] = "Cảm ơn";
}
