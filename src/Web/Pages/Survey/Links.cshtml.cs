using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Survey;

/// <summary>
/// /cycles/{cycle}/dieu-tra/duong-dan (POST): makes one-time links and shows them once, printable, with the same
/// list as a CSV file to mail-merge. The codes are not kept (only their hashes), so this page cannot be shown again.
/// </summary>
[Authorize]
public sealed class LinksModel(SurveyQueries queries, SurveyService survey) : SurveyPage(queries)
{
    public IReadOnlyList<IssuedLink> Issued { get; private set; } = [];
    public string QuestionnaireTitle { get; private set; } = "";

    public IActionResult OnGet(string cycle) => Redirect(Links.Survey(cycle));

    public async Task<IActionResult> OnPostAsync(string cycle, string? questionnaire, string? unit, string? perUnit)
    {
        if (!await LoadAsync(cycle, "Đường dẫn dùng một lần")) return Access.Refuse(this);
        if (Definition.Cycle.FindQuestionnaire(questionnaire ?? "") is not { } q) throw new NotFoundException($"Kỳ {cycle} không có phiếu điều tra \"{questionnaire}\".");
        if (!Manages(q.GroupCode)) return Access.Refuse(this);
        if (!int.TryParse(perUnit, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            return Problem($"Số đường dẫn mỗi đơn vị \"{perUnit}\" phải là số nguyên từ 1 đến {SurveyService.MaxLinksPerUnit}.", cycle);
        IReadOnlyList<string> units = string.IsNullOrWhiteSpace(unit) ? Definition.Members[q.GroupCode].Select(u => u.Code).ToList() : [unit];
        try
        {
            Issued = await survey.GenerateLinksAsync(cycle, q.Code, units, count, Access.UserName(User), HttpContext.RequestAborted);
        }
        catch (DomainException e) { return Problem(e.Message, cycle); }
        QuestionnaireTitle = $"{q.Code} — {q.Title}";
        Response.Headers.CacheControl = "no-store"; // the codes are credentials: not kept by the browser's cache
        return Page();
    }

    public string Address(string code) => $"{Request.Scheme}://{Request.Host}{Links.SurveyAnswer(code)}";

    /// <summary>The list as a CSV file in a data: address, so that it downloads without being stored on the server.</summary>
    public string CsvDataUri()
    {
        var text = new StringWriter();
        Csv.WriteRecord(text, ["unit_code", "unit_name", "questionnaire", "code", "link"]);
        foreach (var l in Issued) Csv.WriteRecord(text, [l.UnitCode, l.UnitName, l.Questionnaire, l.Code, Address(l.Code)]);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        return "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(bytes);
    }

    private IActionResult Problem(string message, string cycle)
    {
        TempData["SurveyRefusal"] = message;
        return Redirect(Links.Survey(cycle));
    }
}
