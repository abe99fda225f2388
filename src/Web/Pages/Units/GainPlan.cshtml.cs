using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>/cycles/{cycle}/units/{unit}/gain-plan: where the unit gains the most (GainPlan), readable by whoever reads the unit.</summary>
[ReadsResults]
public sealed class GainPlanModel(ParIndexReader reader, ResultsAccess access) : AnalysisPage
{
    public UnitPageData Data { get; private set; } = null!;
    public GainPlan Plan { get; private set; } = null!;
    /// <summary>
    /// Whether the best units are named: only to whoever may read the whole group, so that a unit's own staff learn
    /// what can be reached before publication, not which neighbour's unpublished scorecard reached it.
    /// </summary>
    public bool NamesBestUnits { get; private set; }

    public async Task OnGetAsync(string cycle, string unit)
    {
        Data = await UnitPageData.LoadAsync(reader, cycle, unit);
        Plan = await GainPlans.ForUnitAsync(reader, Data.Cycle, Data.Group, unit);
        NamesBestUnits = ResultsAccess.CanReadGroup(User, Data.Cycle, Data.Group, await access.PublishedAsync(cycle));
        var crumbs = Breadcrumbs.Unit(Data.Cycle, unit);
        crumbs.Add(new("Nơi tăng điểm nhiều nhất"));
        SetPage($"Nơi tăng điểm nhiều nhất — {Data.UnitName}", crumbs, cycle);
    }

    /// <summary>Up to three names, then how many more.</summary>
    public string BestUnits(ItemGain gain) =>
        !NamesBestUnits ? $"{gain.BestUnits.Count} đơn vị"
        : string.Join(", ", gain.BestUnits.Take(3).Select(Data.Cycle.NameOf)) + (gain.BestUnits.Count > 3 ? $" và {gain.BestUnits.Count - 3} đơn vị khác" : "");
}
