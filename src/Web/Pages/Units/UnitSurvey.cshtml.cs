using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>
/// /cycles/{cycle}/units/{unit}/khao-sat: a unit's survey, per questionnaire the respondents and how each
/// question was answered, per survey item what the answers make of it (SurveyQueries, SurveyScoring).
/// Read like the unit's results ([ReadsResults]): by whoever may read its scorecard, and by anyone once its group is published.
/// </summary>
[ReadsResults]
public sealed class UnitSurveyModel(ParIndexReader reader, SurveyQueries queries) : AnalysisPage
{
    public CycleDefinition Cycle { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public UnitSurvey Survey { get; private set; } = null!;
    public string CycleId => Cycle.Cycle.Id;
    public string UnitCode { get; private set; } = "";
    public string UnitName => Cycle.NameOf(UnitCode);

    public async Task OnGetAsync(string cycle, string unit)
    {
        Cycle = await reader.CycleAsync(cycle);
        Group = Cycle.GroupOf(unit) ?? throw new NotFoundException($"Đơn vị \"{unit}\" không được đánh giá trong kỳ {cycle}.");
        UnitCode = unit;
        Framework = Cycle.Cycle.FrameworkOf(Group);
        var crumbs = Breadcrumbs.Unit(Cycle, unit);
        crumbs.Add(new("Điều tra xã hội học"));
        SetPage($"Điều tra xã hội học — {UnitName} — {Cycle.Cycle.Title}", crumbs, cycle);
        Survey = await queries.UnitAsync(Cycle, unit, HttpContext.RequestAborted)
            ?? throw new NotFoundException($"Đơn vị \"{unit}\" không được đánh giá trong kỳ {cycle}.");
    }

    public string ItemTitle(string code) => Framework.FindItem(code)?.Title ?? code;

    /// <summary>An option's share of a question's answers ("không biết" included: it was answered, only not counted).</summary>
    public static string Share(int count, int total) => total == 0 ? "—" : Show.Percent((decimal)count / total);
}
