using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Silo.Workflow;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>
/// /cycles/{cycle}/units/{unit}/nhat-ky: a unit's audit, newest first (who, when, what, item, old → new,
/// note), with its evidence uploads and its group's decisions; <c>?item=</c> keeps one item, <c>?trang=N</c> shows
/// page N of the history. Read-only.
/// </summary>
[Authorize]
public sealed class AuditModel(ParIndexReader reader, WorkflowQueries queries) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public string UnitCode { get; private set; } = "";
    public string UnitName => Definition.NameOf(UnitCode);
    public string? Item { get; private set; }
    public AuditPage History { get; private set; } = new([], 1, 1, 0);
    public IReadOnlyList<AuditLine> Lines => History.Lines;
    public IReadOnlyList<PublicationEntry> Decisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycle, string unit, string? item, int? trang)
    {
        Definition = await reader.CycleAsync(cycle);
        Group = Definition.GroupOf(unit) ?? throw new NotFoundException($"Đơn vị \"{unit}\" không được đánh giá trong kỳ {cycle}.");
        UnitCode = unit;
        Framework = Definition.Cycle.FrameworkOf(Group);
        var crumbs = Breadcrumbs.Unit(Definition, unit);
        crumbs.Add(new("Nhật ký thay đổi"));
        SetPage($"Nhật ký thay đổi — {UnitName} — {Definition.Cycle.Title}", crumbs, cycle);
        if (!Access.Can(User, Permission.ReadScorecard, Definition, unit)) return Access.Refuse(this);

        Item = string.IsNullOrWhiteSpace(item) ? null : Framework.FindItem(item)?.Code
            ?? throw new NotFoundException($"Bộ tiêu chí {Framework.Code} không có tiêu chí thành phần \"{item}\".");
        History = await queries.AuditAsync(cycle, unit, Item, trang ?? 1, HttpContext.RequestAborted);
        Decisions = await queries.PublicationsAsync(cycle, Group.Code, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>This page's address for another page of the history, keeping the item filter.</summary>
    public string PageLink(int page) => Links.AuditPage(Definition.Cycle.Id, UnitCode, Item, page);

    /// <summary>"1.1" · "1.1, 2.3" (a return) · "Cả phiếu" (a step on the whole scorecard) · "Theo tệp" (an import: its file says which).</summary>
    public static string Items(AuditLine line) => line.Batch is not null ? "Theo tệp" : line.Items.Count == 0 ? "Cả phiếu" : string.Join(", ", line.Items);

    public static bool IsStep(AuditLine line) => line.Origin == "workflow";

    /// <summary>Where the unit's rows lie in a batch's file; an item's own line is looked up in the file when asked for.</summary>
    public static string BatchLines(ImportBatchEntry batch, string? item) => item is not null
        ? $"Tìm dòng của tiêu chí {item} trong tệp"
        : batch.FirstLine == batch.LastLine ? $"Dòng {Vn.Count(batch.FirstLine)} của tệp" : $"Dòng {Vn.Count(batch.FirstLine)}–{Vn.Count(batch.LastLine)} của tệp";
}
