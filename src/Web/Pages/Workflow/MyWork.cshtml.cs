using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Silo.Workflow;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>A scorecard the person may work on, with what they may do to it now.</summary>
public sealed record WorkItem(string UnitCode, string UnitName, WorkflowState State, bool CanEnterSelf, bool CanAppraise)
{
    /// <summary>What is waiting for this person: the unit's turn (draft, returned) or the appraisers' (submitted).</summary>
    public string? Waiting => State.Status switch
    {
        ScorecardStatus.Draft when CanEnterSelf => "Tự đánh giá",
        ScorecardStatus.Returned when CanEnterSelf => "Giải trình",
        ScorecardStatus.Submitted when CanAppraise => State.Round > 1 ? "Thẩm định vòng 2" : "Thẩm định",
        _ => null,
    };
}

/// <summary>A group with the scorecards the person may work on, and whether they may publish it.</summary>
public sealed record WorkGroup(RankGroup Group, string AssessorName, IReadOnlyList<WorkItem> Items, bool CanPublish, bool Published)
{
    public int Waiting => Items.Count(i => i.Waiting is not null);

    /// <summary>"7 dự thảo · 1 bị trả lại để giải trình": the scorecards by status, in the workflow's order.</summary>
    public string Summary => string.Join(" · ", Items.GroupBy(i => i.State.Status).OrderBy(g => g.Key)
        .Select(g => $"{g.Count()} {WorkflowText.Status(g.Key).ToLowerInvariant()}"));
}

/// <param name="CanRunSurvey">Whether the person runs the survey of at least one of the cycle's groups.</param>
public sealed record WorkCycle(CycleInfo Cycle, IReadOnlyList<WorkGroup> Groups, bool CanRunSurvey);

/// <summary>/cham-diem: for the signed-in person, every scorecard they may self-assess or appraise and every group they may publish.</summary>
[Authorize]
public sealed class MyWorkModel(ParIndexReader reader, WorkflowQueries queries) : PageModel
{
    public IReadOnlyList<WorkCycle> Cycles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cycles = new List<WorkCycle>();
        foreach (var info in await reader.CyclesAsync(HttpContext.RequestAborted))
        {
            var definition = await reader.CycleAsync(info.Id);
            var statuses = await queries.StatusesAsync(info.Id, HttpContext.RequestAborted);
            var published = (await queries.PublicationsAsync(info.Id, cancellationToken: HttpContext.RequestAborted)).Select(p => p.GroupCode).ToHashSet(StringComparer.Ordinal);
            var groups = new List<WorkGroup>();
            foreach (var group in definition.Cycle.Groups)
            {
                var items = (definition.Members.GetValueOrDefault(group.Code) ?? [])
                    .Select(u => new WorkItem(u.Code, u.Name, statuses.GetValueOrDefault(u.Code) ?? WorkflowState.Initial,
                        Access.Can(User, Permission.EnterSelfScores, definition, u.Code), Access.Can(User, Permission.Appraise, definition, u.Code)))
                    .Where(i => i.CanEnterSelf || i.CanAppraise)
                    .ToList();
                var canPublish = Access.CanOnGroup(User, Permission.Publish, definition, group);
                if (items.Count > 0 || canPublish)
                    groups.Add(new WorkGroup(group, definition.NameOf(group.AssessorCode), items, canPublish, published.Contains(group.Code)));
            }
            if (groups.Count > 0)
                cycles.Add(new WorkCycle(info, groups, definition.Cycle.Groups.Any(g => Access.CanOnGroup(User, Permission.RunSurvey, definition, g))));
        }
        Cycles = cycles;
        ViewData["Title"] = "Việc chấm điểm";
        ViewData["Demo"] = Cycles.Any(c => ParIndex.Web.Pages.Analysis.AnalysisPage.IsDemo(c.Cycle.Id));
        ViewData["Breadcrumbs"] = new List<Crumb> { new("Trang chủ", Links.Home), new("Việc chấm điểm") };
    }
}
