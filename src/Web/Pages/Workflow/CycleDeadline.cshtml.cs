using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>
/// /cycles/{cycle}/han-tu-danh-gia: the province opens its cycle with a self-assessment deadline, or moves
/// it. Only for a ProvinceAdmin over every assessor of the cycle (Access.CanManageCycle). The cycle grain owns the
/// deadline (stores it, holds it), and the scorecards ask it at every step, so the new deadline holds at once.
/// </summary>
[Authorize]
public sealed class CycleDeadlineModel(ParIndexReader reader, IGrainFactory grains) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;

    [BindProperty] public string? Deadline { get; set; }
    [TempData] public string? Flash { get; set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(string cycle)
    {
        if (!await LoadAsync(cycle)) return Access.Refuse(this);
        Deadline ??= Definition.Cycle.SelfAssessmentDeadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cycle)
    {
        if (!await LoadAsync(cycle)) return Access.Refuse(this);
        if (!Vn.TryDate(Deadline, out var deadline))
        {
            Refusal = string.IsNullOrWhiteSpace(Deadline)
                ? "Cần nhập hạn tự đánh giá (ngày/tháng/năm); không có gì thay đổi."
                : $"Ngày \"{Deadline.Trim()}\" không hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 31/03/2021. Không có gì thay đổi.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycle)).SetSelfAssessmentDeadlineAsync(deadline, Access.UserName(User));
        Flash = $"Đã đặt hạn tự đánh giá của {Definition.Cycle.Title}: {Vn.Date(deadline)}.";
        return Redirect(Links.CycleDeadline(cycle));
    }

    /// <summary>Loads the cycle (unknown: 404); false when the person may not open it.</summary>
    private async Task<bool> LoadAsync(string cycle)
    {
        Definition = await reader.CycleAsync(cycle);
        var crumbs = Breadcrumbs.Cycle(Definition);
        crumbs.Add(new("Hạn tự đánh giá"));
        SetPage($"Hạn tự đánh giá — {Definition.Cycle.Title}", crumbs, cycle);
        return Access.CanManageCycle(User, Definition);
    }
}
