using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Import;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>A member of the group as the publisher sees it: its scorecard's status and its line in the ranking.</summary>
public sealed record MemberRow(string UnitCode, string UnitName, WorkflowState State, ResultLine Line);

/// <summary>
/// /cycles/{cycle}/groups/{group}/cong-bo: publishing a group's results by a decision (number, date,
/// signer). Only for those who may publish every member (the group's assessor within their scope).
/// PublicationService refuses provisional results and a second publication; its reasons are shown.
/// </summary>
[Authorize]
public sealed class PublishModel(ParIndexReader reader, PublicationService publications, WorkflowQueries queries, TimeProvider clock) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public IReadOnlyList<MemberRow> Members { get; private set; } = [];
    public IReadOnlyList<PublicationEntry> Decisions { get; private set; } = [];
    public bool IsPublished => Decisions.Count > 0;
    public int Provisional => Members.Count(m => m.Line.Provisional);
    public int NotAppraised => Members.Count(m => m.State.Status is not (ScorecardStatus.Appraised or ScorecardStatus.Published));

    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Signer { get; set; }
    /// <summary>An adjustment's reason (required), its uploaded scores.csv and its table rows.</summary>
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public IFormFile? ScoresFile { get; set; }
    [BindProperty] public List<AdjustRow> Rows { get; set; } = [];

    /// <summary>Empty rows the adjustment form offers.</summary>
    public const int TableRows = 5;

    [TempData] public string? Flash { get; set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycle, string group)
    {
        if (!await LoadAsync(cycle, group)) return Access.Refuse(this);
        Date ??= DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Vn.Offset).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string cycle, string group)
    {
        if (!await LoadAsync(cycle, group)) return Access.Refuse(this);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Number)) problems.Add("Cần nhập số quyết định công bố.");
        if (!Vn.TryDate(Date, out var date)) problems.Add("Cần nhập ngày ký quyết định (ngày/tháng/năm).");
        if (string.IsNullOrWhiteSpace(Signer)) problems.Add("Cần nhập người ký quyết định.");
        if (problems.Count > 0) return Refused("Chưa công bố được:", problems);

        try
        {
            var published = await publications.PublishAsync(cycle, group, new Decision(Number!.Trim(), date, Signer!.Trim()), Access.UserName(User), HttpContext.RequestAborted);
            Flash = $"Đã công bố kết quả {Group.Name} theo Quyết định số {Number.Trim()} ngày {Vn.Date(date)}.";
            return Redirect(Links.Publish(cycle, published.FirstOrDefault() ?? group));
        }
        catch (ImportRefusedException e)
        {
            return Refused(e.Summary, e.Problems);
        }
        catch (DomainException e)
        {
            return Refused(e.Message, []);
        }
    }

    /// <summary>
    /// An adjustment decision on a published group: the group's ranking grain applies the values in one transaction
    /// (every bad value listed, nothing stored), keeps the next version and re-ranks, and the new version's page shows
    /// what changed.
    /// </summary>
    public async Task<IActionResult> OnPostAdjustAsync(string cycle, string group)
    {
        if (!await LoadAsync(cycle, group) || !Access.CanOnGroup(User, Permission.Adjust, Definition, Group)) return Access.Refuse(this);
        if (!IsPublished)
            return Refused($"Nhóm {Group.Name} chưa được công bố: chưa thể điều chỉnh. Quyết định điều chỉnh chỉ sửa kết quả đã công bố; hãy công bố trước.", []);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Number)) problems.Add("Cần nhập số quyết định điều chỉnh.");
        if (!Vn.TryDate(Date, out var date)) problems.Add("Cần nhập ngày ký quyết định (ngày/tháng/năm).");
        if (string.IsNullOrWhiteSpace(Reason)) problems.Add("Cần nêu lý do điều chỉnh.");
        AdjustmentInput.Read read;
        using (var file = ScoresFile is { Length: > 0 } ? new StreamReader(ScoresFile.OpenReadStream()) : null)
            read = AdjustmentInput.From(Definition, Group, file, ScoresFile is null ? null : Path.GetFileName(ScoresFile.FileName), Rows);
        problems.AddRange(read.Problems);
        if (problems.Count > 0) return Refused("Chưa điều chỉnh được; không có gì thay đổi:", problems);

        try
        {
            var decision = new Decision(Number!.Trim(), date, string.IsNullOrWhiteSpace(Signer) ? null : Signer.Trim(), Reason!.Trim());
            var versions = await publications.AdjustAsync(cycle, read.Entries, decision, Access.UserName(User), HttpContext.RequestAborted);
            var version = versions.GetValueOrDefault(group);
            Flash = $"Đã điều chỉnh kết quả {Group.Name} theo Quyết định số {decision.Number} ngày {Vn.Date(date)}: phiên bản {version}.";
            return Redirect(Links.PublishedVersion(cycle, group, version));
        }
        catch (ImportRefusedException e)
        {
            return Refused(e.Summary, e.Problems);
        }
        catch (DomainException e)
        {
            return Refused(e.Message, []);
        }
    }

    private IActionResult Refused(string message, IReadOnlyList<string> problems)
    {
        Refusal = message;
        Problems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }


    /// <summary>Loads the group; false when the person may not publish it (unknown cycles and groups are 404s).</summary>
    private async Task<bool> LoadAsync(string cycle, string group)
    {
        Definition = await reader.CycleAsync(cycle);
        Group = await reader.GroupAsync(cycle, group);
        var crumbs = Breadcrumbs.Group(Definition, Group);
        crumbs.Add(new("Công bố kết quả"));
        SetPage($"Công bố kết quả — {Group.Name} — {Definition.Cycle.Title}", crumbs, cycle);
        if (!Access.CanOnGroup(User, Permission.Publish, Definition, Group)) return false;

        var cards = (await reader.ScorecardsAsync(cycle, group)).ToDictionary(c => c.UnitCode, StringComparer.Ordinal);
        Members = (await reader.RankingAsync(cycle, group))
            .Select(l => new MemberRow(l.UnitCode, l.UnitName, cards[l.UnitCode].Workflow, l))
            .OrderBy(m => m.Line.Rank ?? int.MaxValue).ThenBy(m => m.UnitCode, StringComparer.Ordinal).ToList();
        Decisions = await queries.PublicationsAsync(cycle, group, HttpContext.RequestAborted);
        return true;
    }
}
