using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Analysis;

/// <summary>One unit of the heat map: its ranking line and its component index per field (null where it has none).</summary>
public sealed record HeatRow(ResultLine Line, IReadOnlyList<ComponentIndex?> Cells);

/// <summary>/cycles/{cycle}/groups/{group}/heatmap: units (in rank order) × fields, coloured by the group's bands.</summary>
[ReadsResults]
public sealed class HeatMapModel(ParIndexReader reader) : AnalysisPage
{
    public CycleDefinition Cycle { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    /// <summary>Fields with points in the maximum (a bonus-and-penalty field has no component index).</summary>
    public IReadOnlyList<Field> Fields { get; private set; } = [];
    public IReadOnlyList<HeatRow> Rows { get; private set; } = [];
    public IReadOnlyList<decimal?> Averages { get; private set; } = [];

    public async Task OnGetAsync(string cycle, string group)
    {
        Group = await reader.GroupAsync(cycle, group);
        Cycle = await reader.CycleAsync(cycle);
        Fields = Cycle.Cycle.FrameworkOf(Group).Fields.Where(f => f.Items.Any(i => i.CountsInMaximum)).ToList();
        var lines = await reader.RankingAsync(cycle, group);
        var cards = (await reader.ScorecardsAsync(cycle, group)).ToDictionary(c => c.UnitCode, StringComparer.Ordinal);
        Rows = lines.Select(line => new HeatRow(line, Fields
                .Select(f => cards.GetValueOrDefault(line.UnitCode)?.Result.Field(f.Code))
                .ToList()))
            .ToList();
        var summary = await reader.GroupSummaryAsync(cycle, group);
        Averages = Fields.Select(f => summary.Fields.FirstOrDefault(a => a.FieldCode == f.Code).Average).ToList();

        var crumbs = Breadcrumbs.Group(Cycle, Group);
        crumbs.Add(new("Bản đồ nhiệt"));
        SetPage($"Bản đồ nhiệt chỉ số thành phần — {Group.Name}", crumbs, cycle);
    }
}
