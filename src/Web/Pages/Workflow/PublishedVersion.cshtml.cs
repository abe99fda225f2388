using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>
/// /cycles/{cycle}/groups/{group}/cong-bo/phien-ban/{version}: a published version as it was (its stored
/// lines), with the decision that made it and, for an adjustment, what it changed against the version
/// before. Public, like every published result. An unknown version is a 404.
/// </summary>
public sealed class PublishedVersionModel(ParIndexReader reader, StoredResults publications, WorkflowQueries queries) : AnalysisPage
{
    public CycleDefinition Definition { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public PublicationEntry Decision { get; private set; } = null!;
    /// <summary>Every decision of the group, newest first.</summary>
    public IReadOnlyList<PublicationEntry> Decisions { get; private set; } = [];
    public IReadOnlyList<ResultLine> Lines { get; private set; } = [];
    /// <summary>Against the version before; empty for version 1.</summary>
    public IReadOnlyList<UnitChange> Changes { get; private set; } = [];
    public bool IsLatest => Decisions.Count > 0 && Decisions[0].Version == Decision.Version;

    public async Task OnGetAsync(string cycle, string group, int version)
    {
        Definition = await reader.CycleAsync(cycle);
        Group = await reader.GroupAsync(cycle, group);
        Decisions = await queries.PublicationsAsync(cycle, group, HttpContext.RequestAborted);
        Decision = Decisions.FirstOrDefault(d => d.Version == version)
            ?? throw new NotFoundException($"Nhóm {Group.Name} của kỳ {cycle} không có phiên bản công bố {version}.");
        Lines = await publications.VersionAsync(cycle, group, version, HttpContext.RequestAborted) ?? [];
        if (version > 1 && await publications.VersionAsync(cycle, group, version - 1, HttpContext.RequestAborted) is { } previous)
            Changes = VersionDiff.Compare(previous, Lines);

        var crumbs = Breadcrumbs.Group(Definition, Group);
        crumbs.Add(new("Kết quả đã công bố", Links.Publications));
        crumbs.Add(new($"Phiên bản {version}"));
        SetPage($"Phiên bản {version} — {Group.Name} — {Definition.Cycle.Title}", crumbs, cycle);
    }
}
