using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>
/// /cycles/{cycle}/nhat-ky: the audit rows of the whole cycle (the self-assessment deadline set or moved: who, when,
/// old → new), newest first, <c>?trang=N</c> for page N. For those who may open the cycle (Access.CanManageCycle), as
/// the deadline page it records. Read-only.
/// </summary>
[Authorize]
public sealed class CycleAuditModel(ParIndexReader reader, WorkflowQueries queries) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;
    public AuditPage History { get; private set; } = new([], 1, 1, 0);

    public async Task<IActionResult> OnGetAsync(string cycle, int? trang)
    {
        Definition = await reader.CycleAsync(cycle);
        var crumbs = Breadcrumbs.Cycle(Definition);
        crumbs.Add(new("Nhật ký của kỳ"));
        SetPage($"Nhật ký của kỳ — {Definition.Cycle.Title}", crumbs, cycle);
        if (!Access.CanManageCycle(User, Definition)) return Access.Refuse(this);
        // The cycle's own rows are kept under the unit and item "*" (EfCycleStore.WholeCycle).
        History = await queries.AuditAsync(cycle, EfCycleStore.WholeCycle, null, trang ?? 1, HttpContext.RequestAborted);
        return Page();
    }

    public string PageLink(int page) => $"{Links.CycleAudit(Definition.Cycle.Id)}?trang={page}";
}
