using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Survey;

/// <summary>
/// /cycles/{cycle}/dieu-tra: the survey round of a cycle for those who run it: open and close the round,
/// questionnaires and their response rates, quotas and each unit's progress, one-time links, paper answers,
/// and the sample-size helper.
/// </summary>
[Authorize]
[RequestFormLimits(MultipartBodyLengthLimit = MaxImportBytes)]
[RequestSizeLimit(MaxImportBytes)]
public sealed class AdminModel(SurveyQueries queries, SurveyService survey, SurveyAnswers answers) : SurveyPage(queries)
{
    public const long MaxImportBytes = 50L * 1024 * 1024;

    [BindProperty] public string? ClosesOn { get; set; }
    [BindProperty] public string? MinimumAnswers { get; set; }
    [BindProperty(SupportsGet = true)] public string? Population { get; set; }
    [BindProperty(SupportsGet = true)] public string? Margin { get; set; }

    [TempData] public string? Flash { get; set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    /// <summary>The sample-size helper's answer, or why it has none.</summary>
    public string? SampleAnswer { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cycle)
    {
        if (!await LoadAsync(cycle, "")) return Access.Refuse(this);
        MinimumAnswers ??= Round.MinimumAnswers.ToString(CultureInfo.InvariantCulture);
        Refusal = TempData["SurveyRefusal"] as string; // from the links page, which shows only what it made
        if (!string.IsNullOrWhiteSpace(Population)) SampleAnswer = Sample(Population, Margin);
        return Page();
    }

    public Task<IActionResult> OnPostOpenAsync(string cycle) => RoundAsync(cycle, async user =>
    {
        var problems = new List<string>();
        DateOnly? last = null;
        if (!string.IsNullOrWhiteSpace(ClosesOn))
        {
            if (Vn.TryDate(ClosesOn, out var d)) last = d;
            else problems.Add($"Ngày kết thúc \"{ClosesOn}\" không hợp lệ (ngày/tháng/năm).");
        }
        if (!int.TryParse(MinimumAnswers, NumberStyles.None, CultureInfo.InvariantCulture, out var minimum))
            problems.Add($"Số phiếu tối thiểu \"{MinimumAnswers}\" phải là số nguyên dương.");
        if (problems.Count > 0) throw new DomainValidationException("Chưa mở được đợt điều tra:", problems);
        var round = await survey.OpenAsync(cycle, last, minimum, user, HttpContext.RequestAborted);
        return $"Đã mở đợt điều tra{(round.ClosesOn is { } c ? $" đến hết ngày {Vn.Date(c)}" : "")}.";
    });

    public Task<IActionResult> OnPostCloseAsync(string cycle) => RoundAsync(cycle, async user =>
    {
        await survey.CloseAsync(cycle, user, HttpContext.RequestAborted);
        return "Đã kết thúc đợt điều tra: đường dẫn không còn nhận câu trả lời.";
    });

    public async Task<IActionResult> OnPostQuotaAsync(string cycle, string questionnaire, string unit, string? target)
    {
        if (!await LoadAsync(cycle, "")) return Access.Refuse(this);
        if (Definition.Cycle.FindQuestionnaire(questionnaire) is not { } q || !Manages(q.GroupCode)) return Access.Refuse(this);
        if (!int.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return Refused($"Chỉ tiêu \"{target}\" của đơn vị {unit} phải là số nguyên không âm.", []);
        return await TryAsync(async () =>
        {
            await survey.SetQuotaAsync(cycle, questionnaire, unit, value, HttpContext.RequestAborted);
            return $"Đã đặt chỉ tiêu {value} phiếu {questionnaire} cho {Definition.NameOf(unit)}.";
        }, cycle);
    }

    public async Task<IActionResult> OnPostImportAsync(string cycle, IFormFile? file)
    {
        if (!await LoadAsync(cycle, "")) return Access.Refuse(this);
        if (file is null || file.Length == 0) return Refused("Chưa chọn tệp phiếu giấy (answers.csv hoặc .xlsx).", []);
        var name = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        var read = AnswersFile.Read(stream, name, a => SurveyAnswerRules.Check(Definition.Cycle, Definition.GroupOf, a) ??
            (Definition.GroupOf(a.UnitCode) is { } g && !Manages(g.Code) ? $"bạn không được giao điều tra nhóm {g.Code}." : null));
        if (!read.IsValid) return Refused($"Không nhập tệp {name}: {read.Problems.Count} lỗi, không có gì được lưu.", read.Problems.Select(p => p.ToString()).ToList());
        return await TryAsync(async () =>
        {
            var units = await answers.ImportAsync(cycle, read.Value.Select(r => new PaperAnswer(r.Line, r.Answer)).ToList(), name, Access.UserName(User),
                cancellationToken: HttpContext.RequestAborted);
            return $"Đã nhập {read.Value.Count:N0} câu trả lời từ tệp {name}; điểm điều tra của {units.Count} đơn vị đã được tính lại.";
        }, cycle);
    }

    private async Task<IActionResult> RoundAsync(string cycle, Func<string, Task<string>> change)
    {
        if (!await LoadAsync(cycle, "") || !CanRunRound) return Access.Refuse(this);
        return await TryAsync(() => change(Access.UserName(User)), cycle);
    }

    private async Task<IActionResult> TryAsync(Func<Task<string>> action, string cycle)
    {
        try
        {
            Flash = await action();
            return Redirect(Links.Survey(cycle));
        }
        catch (ImportRefusedException e) { return Refused(e.Summary, e.Problems); }
        catch (DomainValidationException e) { return Refused(e.Message.Split(Environment.NewLine)[0], e.Errors); }
        catch (DomainException e) { return Refused(e.Message, []); }
    }

    private IActionResult Refused(string message, IReadOnlyList<string> problems)
    {
        Refusal = message;
        Problems = problems;
        MinimumAnswers ??= Round.MinimumAnswers.ToString(CultureInfo.InvariantCulture);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>n = N / (1 + N·e²) for the population and margin (in percent) typed.</summary>
    private static string Sample(string population, string? margin)
    {
        if (!int.TryParse(population.Trim(), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var n) || n < 0)
            return $"Quy mô tổng thể \"{population}\" phải là số nguyên không âm.";
        var e = SampleSize.DefaultMargin;
        if (!string.IsNullOrWhiteSpace(margin))
        {
            if (!decimal.TryParse(margin.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
                return $"Sai số \"{margin}\" phải là phần trăm, ví dụ 5.";
            e = percent / 100m;
        }
        try
        {
            return $"Với tổng thể N = {n:N0} và sai số e = {Vn.Score(e * 100m)} %, cần ít nhất n = {SampleSize.Required(n, e):N0} phiếu (n = N / (1 + N·e²)).";
        }
        catch (DomainException x) { return x.Message; }
    }
}
