using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>
/// /cycles/{cycle}/nhat-ky: the changes that concern the whole cycle rather than one unit (each setting of the
/// self-assessment deadline: who, when, old → new), newest first, <c>?trang=N</c> for page N. For whoever may set the
/// deadline (Access.CanManageCycle), as the deadline page is: read-only.
/// </summary>
[Authorize]
public sealed class CycleAuditModel(ParIndexReader reader, WorkflowQueries queries) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;
    public AuditPage History { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<AuditLine> Lines => History.Lines;

    public async Task<IActionResult> OnGetAsync(string cycle, int? trang)
    {
        Definition = await reader.CycleAsync(cycle);
        var crumbs = Breadcrumbs.Cycle(Definition);
        crumbs.Add(new("Nhật ký của kỳ đánh giá"));
        SetPage($"Nhật ký của kỳ đánh giá — {Definition.Cycle.Title}", crumbs, cycle);
        if (!Access.CanManageCycle(User, Definition)) return Access.Refuse(this);

        History = await queries.CycleAuditAsync(cycle, trang ?? 1, HttpContext.RequestAborted);
        return Page();
    }

    public string PageLink(int page) => Links.CycleAudit(Definition.Cycle.Id, page);
}
