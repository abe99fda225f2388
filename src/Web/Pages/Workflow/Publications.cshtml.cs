using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Silo.Workflow;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>A published group with its decisions, newest version first.</summary>
public sealed record PublishedGroup(RankGroup Group, string AssessorName, IReadOnlyList<PublicationEntry> Decisions)
{
    public PublicationEntry Latest => Decisions[0];
    public PublicationEntry First => Decisions[^1];
}

/// <summary>A cycle with its published groups, in the cycle's order of groups.</summary>
public sealed record PublishedCycle(CycleInfo Cycle, IReadOnlyList<PublishedGroup> Groups);

/// <summary>/cong-bo: every published group with its decision (number, date, signer) and version; public.</summary>
public sealed class PublicationsModel(ParIndexReader reader, WorkflowQueries queries) : PageModel
{
    public IReadOnlyList<PublishedCycle> Cycles { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var decisions = await queries.PublicationsAsync(cancellationToken: HttpContext.RequestAborted);
        var cycles = new List<PublishedCycle>();
        foreach (var info in await reader.CyclesAsync(HttpContext.RequestAborted))
        {
            var ofCycle = decisions.Where(d => d.CycleId == info.Id).ToList();
            if (ofCycle.Count == 0) continue;
            var definition = await reader.CycleAsync(info.Id);
            var groups = definition.Cycle.Groups
                .Select(g => (Group: g, Decisions: ofCycle.Where(d => d.GroupCode == g.Code).OrderByDescending(d => d.Version).ToList()))
                .Where(x => x.Decisions.Count > 0)
                .Select(x => new PublishedGroup(x.Group, definition.NameOf(x.Group.AssessorCode), x.Decisions))
                .ToList();
            cycles.Add(new PublishedCycle(info, groups));
        }
        Cycles = cycles;
        ViewData["Title"] = "Kết quả đã công bố";
        ViewData["Demo"] = Cycles.Any(c => ParIndex.Web.Pages.Analysis.AnalysisPage.IsDemo(c.Cycle.Id));
        ViewData["Breadcrumbs"] = new List<ParIndex.Web.Infrastructure.Crumb> { new("Trang chủ", "/"), new("Kết quả đã công bố") };
    }
}
