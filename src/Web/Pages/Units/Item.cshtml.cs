using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>/cycles/{cycle}/units/{unit}/items/{item}: one item's scores, comments and evidence.</summary>
[ReadsResults]
public sealed class ItemModel(ParIndexReader reader) : AnalysisPage
{
    public UnitPageData Data { get; private set; } = null!;
    public Field Field { get; private set; } = null!;
    public Criterion Criterion { get; private set; } = null!;
    public Item Item { get; private set; } = null!;
    public ItemDetail Detail { get; private set; } = null!;

    /// <summary>What counts as a share of the maximum, for items in the maximum that apply.</summary>
    public decimal? Percent => Item.CountsInMaximum && Detail.Counted is { } c ? c * 100m / Item.Max : null;

    public async Task OnGetAsync(string cycle, string unit, string item)
    {
        Data = await UnitPageData.LoadAsync(reader, cycle, unit);
        (Field, Criterion, Item) = Data.GetItem(item);
        Detail = Data.ItemOf(Item.Code);
        SetPage($"Tiêu chí {Item.Code}. {Item.Title} — {Data.UnitName}", Breadcrumbs.Item(Data.Cycle, unit, Field, Criterion, Item), cycle);
    }
}
