using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>/cycles/{cycle}/units/{unit}/fields/{field}: a field's component index, its criteria and their items.</summary>
[ReadsResults]
public sealed class FieldModel(ParIndexReader reader) : AnalysisPage
{
    public UnitPageData Data { get; private set; } = null!;
    public Field Field { get; private set; } = null!;
    public ComponentIndex Index { get; private set; }
    public decimal? GroupAverage { get; private set; }
    public Field? Previous { get; private set; }
    public Field? Next { get; private set; }

    public async Task OnGetAsync(string cycle, string unit, string field)
    {
        Data = await UnitPageData.LoadAsync(reader, cycle, unit);
        Field = Data.GetField(field);
        Index = Data.FieldIndex(field);
        GroupAverage = (await reader.GroupSummaryAsync(cycle, Data.Group.Code)).Fields.FirstOrDefault(f => f.FieldCode == field).Average;
        var fields = Data.Framework.Fields;
        var at = fields.ToList().IndexOf(Field);
        Previous = at > 0 ? fields[at - 1] : null;
        Next = at < fields.Count - 1 ? fields[at + 1] : null;
        SetPage($"Lĩnh vực {Field.Code}. {Field.Title} — {Data.UnitName}", Breadcrumbs.Field(Data.Cycle, unit, Field), cycle);
    }
}
