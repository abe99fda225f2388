using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Analysis;

/// <summary>What the unit, drill-down and group-analysis pages share: title, breadcrumbs and the demo notice.</summary>
public abstract class AnalysisPage : PageModel
{
    /// <summary>The cycles the demo seeds (DemoSeeder): their scores are synthetic, so the layout says so.</summary>


    public static bool IsDemo(string cycleId) => ParIndex.Silo.Demo.DemoSeeder.CycleIds.Contains(cycleId);

    protected void SetPage(string title, IReadOnlyList<Crumb> crumbs, string cycleId)
    {
        ViewData["Title"] = title;
        ViewData["Breadcrumbs"] = crumbs;
        ViewData["Demo"] = IsDemo(cycleId);
    }
}

/// <summary>Words and numbers of the analysis pages, in Vietnamese.</summary>
public static class Show
{
    /// <summary>
    /// A bar's width as a class (pi-w-0 … pi-w-100, whole percent): the Content-Security-Policy allows no style
    /// attributes, and a bar drawn to the nearest percent reads the same.
    /// </summary>
    public static string WidthClass(decimal percent) => $"pi-w-{(int)decimal.Round(Math.Clamp(percent, 0m, 100m), 0, MidpointRounding.AwayFromZero)}";

    public static string Source(ItemSource source) => source switch
    {
        ItemSource.Appraisal => "Thẩm định",
        ItemSource.Survey => "Điều tra XHH",
        ItemSource.Bonus => "Điểm thưởng",
        ItemSource.Penalty => "Điểm trừ",
        _ => source.ToString(),
    };

    /// <summary>A share (0–1) as a percentage with one decimal: 12,5 %.</summary>
    public static string Percent(decimal? share) => share is { } s ? Vn.Number(s * 100m, 1) + " %" : "—";

    /// <summary>A difference with its sign: +1,25 · −0,5 · 0 (as many decimals as it has, or exactly <paramref name="decimals"/>).</summary>
    public static string Signed(decimal? value, int? decimals = null)
    {
        if (value is not { } v) return "—";
        var text = decimals is { } d ? Vn.Number(v, d) : Vn.Score(v);
        return v > 0 ? "+" + text : text;
    }

    /// <summary>Points a field or criterion lost (maximum − obtained); null without a maximum (bonus and penalty only).</summary>
    public static decimal? Lost(ComponentIndex c) => c.Maximum == 0m ? null : c.Maximum - c.Obtained;

    /// <summary>The class a component index falls in, judged like the index (rule 7): on its value shown with the group's decimals.</summary>
    public static string? ClassOf(RankGroup group, decimal? index) =>
        index is { } i ? group.Bands.Classify(ScoringPolicy.Display(i, group.DisplayDecimals)) : null;

    /// <summary>A group's bands as a legend: label, range ("≥ 90", "80 – < 90", "< 50") and colour class, best first.</summary>
    public static IReadOnlyList<(string Label, string Range, string Badge, string Cell)> Legend(RankGroup group)
    {
        var bands = group.Bands.Bands;
        return bands.Select((b, i) => (b.Label,
            i == 0 ? "≥ " + Vn.Score(b.Min) : b.Min == 0m ? "< " + Vn.Score(bands[i - 1].Min) : $"{Vn.Score(b.Min)} – < {Vn.Score(bands[i - 1].Min)}",
            Bands.Badge(group, b.Label), Bands.Cell(group, b.Label))).ToList();
    }

    /// <summary>A number for a chart's JSON: invariant, rounded to <paramref name="decimals"/>.</summary>
    public static decimal? ChartNumber(decimal? value, int decimals = 2) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero) : null;

    /// <summary>Chart data for wwwroot/js/unit-charts.js, safe inside a script block (&lt; &gt; &amp; escaped).</summary>
    public static string ChartJson(object chart) => JsonSerializer.Serialize(chart, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
