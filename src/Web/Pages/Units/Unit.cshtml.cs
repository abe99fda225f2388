using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>One cycle of a unit's history: its result there, and the group that ranked it.</summary>
public sealed record HistoryRow(CycleInfo Cycle, ResultLine Line, RankGroup Group, int GroupSize, bool IsCurrent, bool IsEarlierUnit);

/// <summary>A field's component index beside its group's average.</summary>
public sealed record FieldRow(Field Field, ComponentIndex Index, decimal? GroupAverage)
{
    public decimal? Difference => Index.Index - GroupAverage;
}

/// <summary>/cycles/{cycle}/units/{unit}: a unit's result, component indices, every item and its history.</summary>
[ReadsResults]
public sealed class UnitModel(ParIndexReader reader, SurveyQueries survey) : AnalysisPage
{
    /// <summary>The survey items below the minimum answers, when the cycle surveys this unit's group; null otherwise.</summary>
    public SurveyFlags? Survey { get; private set; }
    public UnitPageData Data { get; private set; } = null!;
    public IReadOnlyList<FieldRow> Fields { get; private set; } = [];
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];
    public string Chart { get; private set; } = "";
    /// <summary>Where the unit gains the most; the full table is on its own page.</summary>
    public GainPlan Plan { get; private set; } = null!;

    public async Task OnGetAsync(string cycle, string unit)
    {
        Data = await UnitPageData.LoadAsync(reader, cycle, unit);
        var summary = await reader.GroupSummaryAsync(cycle, Data.Group.Code);
        var averages = summary.Fields.ToDictionary(f => f.FieldCode, f => f.Average, StringComparer.Ordinal);
        Fields = Data.Framework.Fields.Select(f => new FieldRow(f, Data.FieldIndex(f.Code), averages.GetValueOrDefault(f.Code))).ToList();
        History = await HistoryAsync(unit);
        Plan = await GainPlans.ForUnitAsync(reader, Data.Cycle, Data.Group, unit);
        // The cycle grain reloads when a questionnaire changes, so its definition says whether the group is surveyed.
        if (Data.Cycle.Cycle.Questionnaires.Any(q => q.GroupCode == Data.Group.Code)
            && await survey.UnitAsync(Data.Cycle, unit, HttpContext.RequestAborted) is { } answers)
            Survey = SurveyFlags.Of(answers, Links.UnitSurvey(cycle, unit));

        var decimals = Data.Group.DisplayDecimals;
        // A bonus-and-penalty field has no maximum, hence no component index: it has no bar.
        var charted = Fields.Where(f => f.Field.Items.Any(i => i.CountsInMaximum)).ToList();
        Chart = Show.ChartJson(new
        {
            type = "bar",
            labels = charted.Select(f => "LV " + f.Field.Code).ToList(),
            titles = charted.Select(f => $"{f.Field.Code}. {f.Field.Title}").ToList(),
            decimals,
            max = 100,
            datasets = new object[]
            {
                new { label = Data.UnitName, data = charted.Select(f => Show.ChartNumber(f.Index.Index, decimals)).ToList(), color = "#1d4e89" },
                new { label = "Trung bình nhóm", data = charted.Select(f => Show.ChartNumber(f.GroupAverage, decimals)).ToList(), color = "#b8c4d6" },
            },
        });
        SetPage($"{Data.UnitName} — {Data.Cycle.Cycle.Title}", Breadcrumbs.Unit(Data.Cycle, unit), cycle);
    }

    private async Task<IReadOnlyList<HistoryRow>> HistoryAsync(string unit)
    {
        var current = Data.Cycle.Unit(unit);
        var rows = new List<HistoryRow>();
        foreach (var (info, line) in await reader.HistoryAsync(unit, HttpContext.RequestAborted))
        {
            var cycle = info.Id == Data.CycleId ? Data.Cycle : await reader.CycleAsync(info.Id);
            var group = cycle.GroupOf(unit)!;
            var then = cycle.Unit(unit);
            // The 2025 reform reused codes: the same code in an earlier cycle may be the unit this one was formed from.
            var earlier = then is not null && current is not null && (then.ValidFrom, then.ValidTo) != (current.ValidFrom, current.ValidTo);
            rows.Add(new HistoryRow(info, line, group, cycle.Members.GetValueOrDefault(group.Code)?.Count ?? 0, info.Id == Data.CycleId, earlier));
        }
        return rows;
    }
}
