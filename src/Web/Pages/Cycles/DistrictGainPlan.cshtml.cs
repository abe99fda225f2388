using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Cycles;

/// <summary>/cycles/{cycle}/districts/{unit}/gain-plan: the plan of every commune and office the district assesses, side by side.</summary>
[ReadsResults]
public sealed class DistrictGainPlanModel(ParIndexReader reader) : AnalysisPage
{
    /// <summary>How many items each unit's line names.</summary>
    public const int Few = 3;

    public sealed record AssessedGroup(RankGroup Group, IReadOnlyList<GainPlan> Plans);

    public CycleDefinition Definition { get; private set; } = null!;
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public IReadOnlyList<AssessedGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(string cycle, string unit)
    {
        Definition = await reader.CycleAsync(cycle);
        Breadcrumbs.EnsureDistrict(Definition, unit);
        Code = unit;
        Name = Definition.NameOf(unit);
        var groups = new List<AssessedGroup>();
        foreach (var group in Definition.GroupsAssessedBy(unit))
            groups.Add(new AssessedGroup(group, await GainPlans.ForGroupAsync(reader, Definition, group)));
        Groups = groups;
        var crumbs = Breadcrumbs.District(Definition, unit);
        crumbs.Add(new("Nơi tăng điểm nhiều nhất"));
        SetPage($"Nơi tăng điểm nhiều nhất — {Name}", crumbs, cycle);
    }
}
