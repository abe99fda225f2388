using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Analysis;

/// <summary>/cycles/{cycle}/groups/{group}/points-lost: items ranked by the points the group's units lost on them.</summary>
[ReadsResults]
public sealed class PointsLostModel(ParIndexReader reader) : AnalysisPage
{
    public CycleDefinition Cycle { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public int Units { get; private set; }
    /// <summary>Items on which some unit lost points, most lost first.</summary>
    public IReadOnlyList<ItemLoss> Items { get; private set; } = [];
    /// <summary>Items in the maximum on which no unit lost anything.</summary>
    public int ItemsWithoutLoss { get; private set; }
    public IReadOnlyList<FieldLoss> Fields { get; private set; } = [];
    public decimal TotalLost { get; private set; }
    public decimal TotalPossible { get; private set; }
    public string Chart { get; private set; } = "";

    public async Task OnGetAsync(string cycle, string group)
    {
        Group = await reader.GroupAsync(cycle, group);
        Cycle = await reader.CycleAsync(cycle);
        var framework = Cycle.Cycle.FrameworkOf(Group);
        var cards = await reader.ScorecardsAsync(cycle, group);
        Units = cards.Count;
        var all = GroupAnalysis.PointsLost(framework, cards);
        Items = all.Where(i => i.Lost > 0m).ToList();
        ItemsWithoutLoss = all.Count - Items.Count;
        Fields = GroupAnalysis.PointsLostByField(framework, all).Where(f => f.Possible > 0m).ToList();
        TotalLost = all.Sum(i => i.Lost);
        TotalPossible = all.Sum(i => i.Possible);
        Chart = Show.ChartJson(new
        {
            type = "bar",
            indexAxis = "y",
            labels = Fields.Select(f => "LV " + f.FieldCode).ToList(),
            titles = Fields.Select(f => $"{f.FieldCode}. {f.Title}").ToList(),
            decimals = 2,
            datasets = new object[]
            {
                new { label = "Điểm bị mất (cả nhóm)", data = Fields.Select(f => Show.ChartNumber(f.Lost)).ToList(), color = "#d4631a" },
            },
        });

        var crumbs = Breadcrumbs.Group(Cycle, Group);
        crumbs.Add(new("Điểm bị mất"));
        SetPage($"Điểm bị mất — {Group.Name}", crumbs, cycle);
    }
}
