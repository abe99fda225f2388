using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>/cycles/{cycle}/units/{unit}/criteria/{criterion}: a criterion's index and its items.</summary>
[ReadsResults]
public sealed class CriterionModel(ParIndexReader reader) : AnalysisPage
{
    public UnitPageData Data { get; private set; } = null!;
    public Field Field { get; private set; } = null!;
    public Criterion Criterion { get; private set; } = null!;
    public ComponentIndex Index { get; private set; }

    public async Task OnGetAsync(string cycle, string unit, string criterion)
    {
        Data = await UnitPageData.LoadAsync(reader, cycle, unit);
        (Field, Criterion) = Data.GetCriterion(criterion);
        Index = Data.CriterionIndex(Criterion.Code);
        SetPage($"Tiêu chí {Criterion.Code}. {Criterion.Title} — {Data.UnitName}", Breadcrumbs.Criterion(Data.Cycle, unit, Field, Criterion), cycle);
    }
}
