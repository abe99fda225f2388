using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Cycles;

/// <summary>A district: its own result, and the rankings and roll-ups of the communes and offices it assesses.</summary>
[ReadsResults]
public sealed class DistrictModel(ParIndexReader reader) : PageModel
{
    /// <summary>How many units the top and bottom lists show.</summary>
    public const int Few = 5;

    public sealed record AssessedGroup(RankGroup Group, SummaryCard Card, IReadOnlyList<ResultLine> Top, IReadOnlyList<ResultLine> Bottom, int Count);

    public CycleDefinition Definition { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ResultLine? Line { get; private set; }
    public RankGroup? OwnGroup { get; private set; }
    public int OwnGroupCount { get; private set; }
    public IReadOnlyList<AssessedGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(string cycle, string unit)
    {
        Definition = await reader.CycleAsync(cycle);
        Breadcrumbs.EnsureDistrict(Definition, unit);
        Code = unit;
        Name = Definition.NameOf(unit);

        OwnGroup = Definition.GroupOf(unit);
        if (OwnGroup is not null)
        {
            var own = await reader.RankingAsync(cycle, OwnGroup.Code);
            Line = own.Single(l => l.UnitCode == unit);
            OwnGroupCount = own.Count;
        }

        var rollUp = await reader.RollUpAsync(cycle, unit);
        var groups = new List<AssessedGroup>();
        foreach (var group in Definition.GroupsAssessedBy(unit))
        {
            var summary = rollUp.Groups.FirstOrDefault(s => s.Key == group.Code) ?? await reader.GroupSummaryAsync(cycle, group.Code);
            var lines = GroupRankingModel.Order(await reader.RankingAsync(cycle, group.Code), "rank", false);
            var top = lines.Take(Few).ToList();
            var bottom = lines.Count > Few ? lines.Skip(Math.Max(Few, lines.Count - Few)).ToList() : [];
            groups.Add(new AssessedGroup(group, ResultViews.ForGroup(Definition, group, summary).WithoutContext() with { Title = "Tổng hợp", Subtitle = null }, top, bottom, lines.Count));
        }
        Groups = groups;

        ViewData["Title"] = $"{Name} — {Definition.Cycle.Title}";
        ViewData["Breadcrumbs"] = Breadcrumbs.District(Definition, unit);
        ViewData["Demo"] = ParIndex.Silo.Demo.DemoSeeder.CycleIds.Contains(cycle);
    }
}
