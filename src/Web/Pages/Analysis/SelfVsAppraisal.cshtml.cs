using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Analysis;

/// <summary>/cycles/{cycle}/groups/{group}/self-vs-appraisal: where units score themselves above the appraisers.</summary>
[ReadsResults]
public sealed class SelfVsAppraisalModel(ParIndexReader reader) : AnalysisPage
{
    public CycleDefinition Cycle { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public IReadOnlyList<UnitGap> Units { get; private set; } = [];
    /// <summary>Items where self scores exceed appraised ones (Σ self − appraised &gt; 0), largest first.</summary>
    public IReadOnlyList<ItemGap> Items { get; private set; } = [];
    public int ItemsCompared { get; private set; }

    public async Task OnGetAsync(string cycle, string group)
    {
        Group = await reader.GroupAsync(cycle, group);
        Cycle = await reader.CycleAsync(cycle);
        var framework = Cycle.Cycle.FrameworkOf(Group);
        var cards = await reader.ScorecardsAsync(cycle, group);
        Units = GroupAnalysis.SelfVsAppraisalByUnit(framework, cards);
        var items = GroupAnalysis.SelfVsAppraisalByItem(framework, cards);
        ItemsCompared = items.Count;
        Items = items.Where(i => i.Difference > 0m).ToList();

        var crumbs = Breadcrumbs.Group(Cycle, Group);
        crumbs.Add(new("Tự đánh giá và thẩm định"));
        SetPage($"Tự đánh giá và thẩm định — {Group.Name}", crumbs, cycle);
    }
}
