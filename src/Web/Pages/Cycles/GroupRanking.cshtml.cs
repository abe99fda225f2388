using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Cycles;

/// <summary>
/// A group's ranking table, sortable on the server (<c>?sort=…&amp;dir=asc|desc</c>), with its summary and a chart.
/// The summary cards, the chart and the table are the same for everyone who may read the group, so the page keeps them
/// rendered under the ranking's stamp (<see cref="CacheKey"/>); they are worked out and rendered only when the stamp or
/// the order is new.
/// </summary>
[ReadsResults]
public sealed class GroupRankingModel(ParIndexReader reader, KeptPages kept) : PageModel
{
    /// <summary>Sortable columns and the direction a first click sorts them in.</summary>
    public static readonly IReadOnlyDictionary<string, bool> SortColumns = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["rank"] = false, ["unit"] = false, ["index"] = true, ["self"] = true, ["appraised"] = true, ["survey"] = true, ["change"] = true,
    };

    private static readonly StringComparer Names = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true);

    public CycleDefinition Definition { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public GroupSummary Summary { get; private set; } = null!;
    public SummaryCard Card => _card ??= ResultViews.ForGroup(Definition, Group, Summary);
    public decimal FrameworkMaximum { get; private set; }
    /// <summary>The lines in rank order, as the ranking grain gives them.</summary>
    public IReadOnlyList<ResultLine> RankedLines { get; private set; } = [];
    /// <summary>The lines in the asked order.</summary>
    public IReadOnlyList<ResultLine> Lines => _lines ??= Order(RankedLines, Sort, Descending);
    public string Sort { get; private set; } = "rank";
    public bool Descending { get; private set; }
    public string ChartJson => _chart ??= Chart();
    /// <summary>What the rendered table and chart are kept under: the group, the ranking's stamp and the order.</summary>
    public string CacheKey { get; private set; } = "";
    /// <summary>The group's decisions, newest version first; empty until it is published.</summary>
    public IReadOnlyList<PublicationEntry> Decisions { get; private set; } = [];
    /// <summary>Whether the signed-in person may publish this group (the publish page's link).</summary>
    public bool CanPublish { get; private set; }

    private IReadOnlyList<ResultLine>? _lines;
    private string? _chart;
    private SummaryCard? _card;

    public async Task<IActionResult> OnGetAsync(string cycle, string group, string? sort, string? dir)
    {
        Definition = await reader.CycleAsync(cycle);
        Group = ParIndexReader.GroupOf(Definition, group);
        var view = await reader.RankingViewAsync(Definition, Group);
        (RankedLines, Summary, Decisions) = (view.Lines, view.Summary, view.Decisions);
        CanPublish = Access.CanOnGroup(User, ParIndex.Grains.Domain.Workflow.Permission.Publish, Definition, Group);
        FrameworkMaximum = Definition.Cycle.FrameworkOf(Group).Maximum;

        Sort = sort is not null && SortColumns.ContainsKey(sort) ? sort : "rank";
        Descending = dir switch { "asc" => false, "desc" => true, _ => SortColumns[Sort] };
        CacheKey = $"{cycle}/{Group.Code}/{view.Stamp}/{Sort}/{(Descending ? "desc" : "asc")}";

        ViewData["Title"] = $"{Group.Name} — {Definition.Cycle.Title}";
        ViewData["Breadcrumbs"] = Breadcrumbs.Group(Definition, Group);
        ViewData["Demo"] = ParIndex.Silo.Demo.DemoSeeder.CycleIds.Contains(cycle);

        // Readers who are not signed in all see the same page: it is kept whole per group and order (KeptPages).
        if (Access.IsSignedIn(User)) return Page();
        var page = new PageToKeep($"{Request.PathBase}/group:{cycle}/{Group.Code}/{Sort}/{(Descending ? "desc" : "asc")}", Definition, view.Stamp);
        if (kept.TryGet(page, out var html)) return new KeptPageResult(html);
        HttpContext.Features.Set(page);
        return Page();
    }

    private string Chart()
    {
        var byRank = Order(RankedLines, "rank", false);
        return ResultViews.ToJson(new
        {
            labels = byRank.Select(l => l.UnitName).ToList(),
            values = byRank.Select(l => l.IndexDisplay).ToList(),
            bands = byRank.Select(l => Math.Clamp(Bands.Position(Group, l.Classification), 0, 4)).ToList(),
            decimals = Group.DisplayDecimals,
            lines = Group.Bands.Bands.Where(b => b.Min > 0).Select(b => new { label = b.Label, min = b.Min, band = Math.Clamp(Bands.Position(Group, b.Label), 0, 4) }).ToList(),
        });
    }

    /// <summary>Rows in the asked order; rows without a value for the column stay last, then by rank.</summary>
    public static IReadOnlyList<ResultLine> Order(IEnumerable<ResultLine> lines, string sort, bool descending)
    {
        if (sort == "unit")
        {
            var byName = descending ? lines.OrderByDescending(l => l.UnitName, Names) : lines.OrderBy(l => l.UnitName, Names);
            return byName.ThenBy(l => l.UnitCode, StringComparer.Ordinal).ToList();
        }
        Func<ResultLine, decimal?> key = sort switch
        {
            "index" => l => l.Index,
            "self" => l => l.SelfSubtotal,
            "appraised" => l => l.AppraisalSubtotal,
            "survey" => l => l.SurveySubtotal,
            "change" => l => l.RankChange,
            _ => l => l.Rank,
        };
        var missingLast = lines.OrderBy(l => key(l) is null);
        var ordered = descending ? missingLast.ThenByDescending(key) : missingLast.ThenBy(key);
        return ordered.ThenBy(l => l.Rank is null).ThenBy(l => l.Rank).ThenBy(l => l.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The header link: the current column flips direction, another starts in its natural one.</summary>
    public string SortHref(string column)
    {
        var descending = column == Sort ? !Descending : SortColumns[column];
        return $"{Links.Group(Definition.Cycle.Id, Group.Code)}?sort={column}&dir={(descending ? "desc" : "asc")}";
    }

    public string AriaSort(string column) => column != Sort ? "none" : Descending ? "descending" : "ascending";

    public string SortMark(string column) => column != Sort ? "↕" : Descending ? "▼" : "▲";
}
