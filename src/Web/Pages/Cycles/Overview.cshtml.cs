using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Cycles;

/// <summary>A cycle at the province's level: every group, the province-wide sets, every district.</summary>
[ReadsResults]
public sealed class OverviewModel(ParIndexReader reader, ResultsAccess access) : PageModel
{
    public sealed record GroupRow(RankGroup Group, GroupSummary Summary, SummaryCard Card, string AssessorName, string? AssessorHref);

    /// <summary>A column of the districts table: the groups of one framework that districts assess.</summary>
    public sealed record DistrictColumn(string Framework, string Title);

    public sealed record DistrictRow(string Code, string Name, string Href, ResultLine? Line, RankGroup? Group, IReadOnlyDictionary<string, SummaryCard> Assessed);

    public CycleDefinition Definition { get; private set; } = null!;
    public CycleInfo Info { get; private set; } = null!;
    /// <summary>Each top unit (the province) with its subtree merged by framework.</summary>
    public IReadOnlyList<(string Code, string Name, IReadOnlyList<SummaryCard> Cards)> Province { get; private set; } = [];
    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];
    /// <summary>The class labels, when every group uses the same ones (then they get one column each).</summary>
    public IReadOnlyList<(string Label, int Position)>? SharedClasses { get; private set; }
    public IReadOnlyList<DistrictColumn> DistrictColumns { get; private set; } = [];
    public IReadOnlyList<DistrictRow> Districts { get; private set; } = [];
    /// <summary>The cycles year-over-year compares with, as (id, title); a missing one keeps its id.</summary>
    public IReadOnlyList<(string Id, string Title, bool Exists)> PreviousCycles { get; private set; } = [];
    /// <summary>The cycle's badge: what the decisions published, else its stored status.</summary>
    public (string Text, string Css) Status { get; private set; }
    public int UnitsAssessed { get; private set; }
    public int Provisional { get; private set; }
    public string ChartJson { get; private set; } = "{}";

    public async Task OnGetAsync(string cycle)
    {
        Definition = await reader.CycleAsync(cycle);
        var all = await reader.CyclesAsync(HttpContext.RequestAborted);
        Info = all.FirstOrDefault(c => c.Id == cycle) ?? await reader.CycleInfoAsync(cycle);
        var def = Definition;
        var published = await access.PublishedAsync(cycle);
        Status = CycleStatusText.Badge(Info.Status, def.Cycle.Groups.Count, def.Cycle.Groups.Count(g => published.Contains(g.Code)));
        PreviousCycles = def.Cycle.PreviousCycles
            .Select(p => all.FirstOrDefault(c => c.Id == p) is { } found ? (p, found.Title, true) : (p, p, false)).ToList();

        var summaries = await Task.WhenAll(def.Cycle.Groups.Select(g => reader.GroupSummaryAsync(cycle, g.Code)));
        Groups = def.Cycle.Groups.Select((g, i) => new GroupRow(g, summaries[i], ResultViews.ForGroup(def, g, summaries[i]), def.NameOf(g.AssessorCode),
            Breadcrumbs.IsDistrict(def, g.AssessorCode) ? Links.District(cycle, g.AssessorCode) : null)).ToList();
        UnitsAssessed = summaries.Sum(s => s.Units);
        Provisional = summaries.Sum(s => s.Provisional);

        var labelLists = def.Cycle.Groups.Select(g => string.Join("|", g.Bands.Bands.Select(b => b.Label))).Distinct().ToList();
        if (labelLists.Count == 1 && def.Cycle.Groups.Count > 0)
        {
            var first = def.Cycle.Groups[0];
            SharedClasses = first.Bands.Bands.Select(b => (b.Label, Bands.Position(first, b.Label))).ToList();
        }

        var province = new List<(string, string, IReadOnlyList<SummaryCard>)>();
        foreach (var top in ResultViews.TopUnits(def))
        {
            var rollUp = await reader.RollUpAsync(cycle, top);
            province.Add((top, def.NameOf(top), OrderByGroups(def, rollUp.Subtree).Select(s => ResultViews.ForSubtree(def, s)).ToList()));
        }
        Province = province;

        var districts = ResultViews.Districts(def);
        DistrictColumns = def.Cycle.Groups.Where(g => districts.Contains(g.AssessorCode)).Select(g => g.FrameworkCode).Distinct()
            .Select(f => new DistrictColumn(f, ResultViews.SetName(def.Cycle.Frameworks.First(x => x.Code == f).Title))).ToList();
        var lines = new Dictionary<string, ResultLine>(StringComparer.Ordinal);
        foreach (var group in districts.Select(def.GroupOf).OfType<RankGroup>().DistinctBy(g => g.Code))
            foreach (var line in await reader.RankingAsync(cycle, group.Code))
                lines[line.UnitCode] = line;
        Districts = districts.Select(d => new DistrictRow(d, def.NameOf(d), Links.District(cycle, d), lines.GetValueOrDefault(d), def.GroupOf(d),
            Groups.Where(r => r.Group.AssessorCode == d).GroupBy(r => r.Group.FrameworkCode).ToDictionary(x => x.Key, x => x.First().Card))).ToList();

        ChartJson = ResultViews.ToJson(ResultViews.ClassChart(Groups.Select(r => (r.Group.Name, r.Group, r.Summary)).ToList()));

        ViewData["Title"] = def.Cycle.Title;
        ViewData["Breadcrumbs"] = Breadcrumbs.Cycle(def);
        ViewData["Demo"] = ParIndex.Silo.Demo.DemoSeeder.CycleIds.Contains(cycle);
    }

    /// <summary>Comparable sets in the order their first group appears in the cycle (departments, districts, communes, offices).</summary>
    public static IEnumerable<GroupSummary> OrderByGroups(CycleDefinition cycle, IEnumerable<GroupSummary> sets)
    {
        var order = cycle.Cycle.Groups.Select((g, i) => (g.FrameworkCode, i)).GroupBy(x => x.FrameworkCode).ToDictionary(g => g.Key, g => g.Min(x => x.i));
        return sets.OrderBy(s => order.GetValueOrDefault(s.Category, int.MaxValue)).ThenBy(s => s.Key, StringComparer.Ordinal);
    }
}
