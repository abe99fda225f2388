using System.Text.Json;
using System.Text.RegularExpressions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Cycles;

/// <summary>How a cycle's status reads, and its badge colour.</summary>
public static class CycleStatusText
{
    public static string Of(string status) => status switch
    {
        nameof(CycleStatus.Open) => "Đang đánh giá",
        nameof(CycleStatus.Computed) => "Đã tính kết quả",
        nameof(CycleStatus.Published) => "Đã công bố",
        _ => status,
    };

    public static string Css(string status) => status switch
    {
        nameof(CycleStatus.Published) => "text-bg-success",
        nameof(CycleStatus.Computed) => "text-bg-primary",
        _ => "text-bg-warning",
    };

    /// <summary>
    /// A cycle's badge. Publication is decided group by group and leaves the cycle's stored status as it was, so what
    /// the decisions did comes first: every group published, some of them, or none (then the stored status).
    /// </summary>
    public static (string Text, string Css) Badge(string status, int groups, int published) =>
        groups > 0 && published >= groups ? (Of(nameof(CycleStatus.Published)), Css(nameof(CycleStatus.Published)))
        : published > 0 ? ($"Đã công bố {published}/{groups} nhóm", Css(status))
        : (Of(status), Css(status));
}

/// <summary>A unit named on a card (best, worst, top and bottom), with its displayed index.</summary>
public sealed record UnitLink(string Code, string Name, string Href, string Index, string? Context);

/// <summary>One class of a summary: how many units, and its colour.</summary>
public sealed record ClassShare(string Label, int Count, int Position)
{
    public string BadgeCss => $"band {Vn.BandClass(Position)}";
    public string BarCss => $"pi-seg-{Math.Clamp(Position, 0, 4)}";
}

/// <summary>A summary card: counts by class, average, best and worst of a group or of a comparable set.</summary>
public sealed record SummaryCard(
    string Key, string Title, string? Subtitle, string? Href, int Units, int Indexed, int Provisional,
    string Average, IReadOnlyList<ClassShare> Classes, UnitLink? Best, UnitLink? Worst)
{
    /// <summary>The footer link's words.</summary>
    public string LinkText { get; init; } = "Xem bảng xếp hạng →";

    /// <summary>"12 xuất sắc, 78 tốt, 18 khá": the non-empty classes, as people say them.</summary>
    public string ClassesText => Classes.Any(c => c.Count > 0)
        ? string.Join(", ", Classes.Where(c => c.Count > 0).Select(c => $"{Vn.Count(c.Count)} {ResultViews.Lower(c.Label)}"))
        : "Chưa có đơn vị nào được xếp loại";

    public int Classified => Classes.Sum(c => c.Count);

    /// <summary>Without the district after best and worst (on the district's own page).</summary>
    public SummaryCard WithoutContext() => this with { Best = Best is null ? null : Best with { Context = null }, Worst = Worst is null ? null : Worst with { Context = null } };
}

/// <summary>What the overview, district and ranking pages build from the read model.</summary>
public static partial class ResultViews
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Data for charts.js, safe inside a &lt;script type="application/json"&gt; block (&lt; is escaped).</summary>
    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    /// <summary>"Xuất sắc" → "xuất sắc", "Nhóm A" → "nhóm A": a label in the middle of a sentence.</summary>
    public static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];

    /// <summary>The units without a parent in the cycle that assess groups (the province).</summary>
    public static IReadOnlyList<string> TopUnits(CycleDefinition cycle) =>
        cycle.Cycle.Groups.Select(g => g.AssessorCode).Distinct().Where(u => cycle.ParentOf(u) is null).ToList();

    /// <summary>The districts of the cycle: units below the top that assess groups, in code order.</summary>
    public static IReadOnlyList<string> Districts(CycleDefinition cycle) =>
        cycle.Cycle.Groups.Select(g => g.AssessorCode).Distinct().Where(u => Breadcrumbs.IsDistrict(cycle, u))
            .OrderBy(u => u, StringComparer.Ordinal).ToList();

    /// <summary>A group, or for a merged set the first group of its framework (for bands and precision).</summary>
    public static RankGroup? GroupFor(CycleDefinition cycle, GroupSummary summary) =>
        cycle.Cycle.FindGroup(summary.Key) is { } g && g.FrameworkCode == summary.Category
            ? g
            : cycle.Cycle.Groups.FirstOrDefault(g => g.FrameworkCode == summary.Category);

    public static SummaryCard ForGroup(CycleDefinition cycle, RankGroup group, GroupSummary summary)
    {
        var assessor = Breadcrumbs.IsDistrict(cycle, group.AssessorCode) ? $"Đơn vị đánh giá: {cycle.NameOf(group.AssessorCode)}" : null;
        return Build(cycle, group, summary, group.Name, assessor, Links.Group(cycle.Cycle.Id, group.Code));
    }

    /// <summary>A comparable set of a unit's subtree (one framework): one group, or e.g. every district's communes.</summary>
    public static SummaryCard ForSubtree(CycleDefinition cycle, GroupSummary summary)
    {
        var groups = cycle.Cycle.Groups.Where(g => g.FrameworkCode == summary.Category).ToList();
        var first = groups.FirstOrDefault() ?? GroupFor(cycle, summary);
        if (groups.Count == 1)
            return Build(cycle, groups[0], summary, groups[0].Name, null, Links.Group(cycle.Cycle.Id, groups[0].Code));
        var assessors = groups.Select(g => g.AssessorCode).Distinct().Count();
        var subtitle = $"Toàn tỉnh: gộp {Vn.Count(groups.Count)} nhóm xếp hạng của {Vn.Count(assessors)} đơn vị đánh giá";
        var anchor = Districts(cycle).Count > 0 ? "cac-huyen" : "cac-nhom";
        return Build(cycle, first, summary, SetName(summary.CategoryName), subtitle, $"{Links.Cycle(cycle.Cycle.Id)}#{anchor}")
            with { LinkText = "Xem theo từng đơn vị đánh giá →" };
    }

    /// <summary>"Bộ tiêu chí … của UBND các xã, phường, thị trấn năm 2020" → "UBND các xã, phường, thị trấn".</summary>
    public static string SetName(string frameworkTitle)
    {
        var of = frameworkTitle.IndexOf(" của ", StringComparison.Ordinal);
        if (of < 0) return frameworkTitle;
        var name = YearSuffix().Replace(frameworkTitle[(of + 5)..], "").Trim();
        return name.Length == 0 ? frameworkTitle : char.ToUpperInvariant(name[0]) + name[1..];
    }

    [GeneratedRegex(@"\s+năm\s+\d{4}\s*$")]
    private static partial Regex YearSuffix();

    private static SummaryCard Build(CycleDefinition cycle, RankGroup? group, GroupSummary s, string title, string? subtitle, string? href)
    {
        var decimals = group?.DisplayDecimals ?? 2;
        var classes = s.Classes.Select(c => new ClassShare(c.Label, c.Count, group is null ? 4 : Bands.Position(group, c.Label))).ToList();
        return new SummaryCard(s.Key, title, subtitle, href, s.Units, s.Indexed, s.Provisional, Vn.Number(s.Average, decimals), classes,
            Standing(cycle, s.Best), Standing(cycle, s.Worst));
    }

    private static UnitLink? Standing(CycleDefinition cycle, Standing? standing)
    {
        if (standing is null) return null;
        var group = cycle.GroupOf(standing.UnitCode);
        return new UnitLink(standing.UnitCode, cycle.NameOf(standing.UnitCode), Links.Unit(cycle.Cycle.Id, standing.UnitCode),
            Vn.Number(standing.Index, group?.DisplayDecimals ?? 2), ContextOf(cycle, standing.UnitCode));
    }

    /// <summary>The district a commune or office belongs to (its group's assessor), when it is not the top.</summary>
    public static string? ContextOf(CycleDefinition cycle, string unitCode) =>
        cycle.GroupOf(unitCode) is { } g && Breadcrumbs.IsDistrict(cycle, g.AssessorCode) ? cycle.NameOf(g.AssessorCode) : null;

    public static UnitLink Link(CycleDefinition cycle, ResultLine line) =>
        new(line.UnitCode, line.UnitName, Links.Unit(cycle.Cycle.Id, line.UnitCode), Vn.Number(line.IndexDisplay, line.DisplayDecimals), null);

    /// <summary>Data of the stacked bar chart of class counts per group.</summary>
    public static object ClassChart(IReadOnlyList<(string Label, RankGroup Group, GroupSummary Summary)> rows)
    {
        var labels = rows.SelectMany(r => r.Summary.Classes.Select(c => (c.Label, Position: Bands.Position(r.Group, c.Label))))
            .GroupBy(c => c.Label).Select(g => (Label: g.Key, g.First().Position)).ToList();
        return new
        {
            labels = rows.Select(r => r.Label).ToList(),
            datasets = labels.Select(l => new { label = l.Label, band = Math.Clamp(l.Position, 0, 4), data = rows.Select(r => r.Summary.CountOf(l.Label)).ToList() }).ToList(),
        };
    }
}
