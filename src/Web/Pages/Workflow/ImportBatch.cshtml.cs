using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Import;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>
/// /cycles/{cycle}/units/{unit}/nhat-ky/lo/{batch}: an import batch seen from a unit's history — who imported which file
/// when — and the unit's rows in the stored copy with their line numbers (<c>?item=</c> keeps one item's). Only the
/// unit's rows are shown, to those who may read its scorecard: the file holds other units' values too. The file is read
/// here, on demand, so the history page itself never reads one.
/// </summary>
[Authorize]
public sealed class ImportBatchModel(ParIndexReader reader, ImportHistory history) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;
    public string UnitCode { get; private set; } = "";
    public string UnitName => Definition.NameOf(UnitCode);
    public string? Item { get; private set; }
    public BatchTrace Trace { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string cycle, string unit, long batch, string? item)
    {
        Definition = await reader.CycleAsync(cycle);
        var group = Definition.GroupOf(unit) ?? throw new NotFoundException($"Đơn vị \"{unit}\" không được đánh giá trong kỳ {cycle}.");
        UnitCode = unit;
        var crumbs = Breadcrumbs.Unit(Definition, unit);
        crumbs.Add(new("Nhật ký thay đổi", Links.Audit(cycle, unit)));
        crumbs.Add(new($"Lô nhập #{batch}"));
        SetPage($"Lô nhập #{batch} — {UnitName} — {Definition.Cycle.Title}", crumbs, cycle);
        if (!Access.Can(User, Permission.ReadScorecard, Definition, unit)) return Access.Refuse(this);

        var framework = Definition.Cycle.FrameworkOf(group);
        Item = string.IsNullOrWhiteSpace(item) ? null : framework.FindItem(item)?.Code
            ?? throw new NotFoundException($"Bộ tiêu chí {framework.Code} không có tiêu chí thành phần \"{item}\".");
        Trace = await history.TraceAsync(cycle, unit, batch, Item, HttpContext.RequestAborted)
            ?? throw new NotFoundException($"Lô nhập #{batch} không có điểm nào của đơn vị {unit} trong kỳ {cycle}.");
        return Page();
    }
}
