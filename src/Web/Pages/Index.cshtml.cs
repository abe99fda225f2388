using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Contracts;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Cycles;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages;

/// <summary>The cycles, and each province's latest cycle at a glance (its comparable sets: counts by class, average, best, worst).</summary>
public sealed class IndexModel(ParIndexReader reader, ResultsAccess access) : PageModel
{
    /// <param name="Readable">Whether this visitor may read the whole cycle (published, or staff who may read every group); else only its published groups, on /cong-bo.</param>
    /// <param name="Published">How many of its groups are published.</param>
    public sealed record CycleCard(CycleInfo Info, int Groups, int Units, int Districts, bool Demo, bool Readable, int Published)
    {
        public (string Text, string Css) Status => CycleStatusText.Badge(Info.Status, Groups, Published);
    }

    public sealed record Glance(CycleInfo Info, string UnitCode, string UnitName, IReadOnlyList<SummaryCard> Cards);

    public IReadOnlyList<CycleCard> Cycles { get; private set; } = [];
    /// <summary>The latest cycle first, then the latest cycle of every other province.</summary>
    public IReadOnlyList<Glance> Glances { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var infos = await reader.CyclesAsync(cancellationToken);
        var cards = new List<CycleCard>();
        var glances = new List<Glance>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var info in infos)
        {
            var def = await reader.CycleAsync(info.Id);
            var published = await access.PublishedAsync(info.Id);
            var readable = ResultsAccess.CanReadCycle(User, def, published);
            cards.Add(new CycleCard(info, def.Cycle.Groups.Count, def.Members.Values.Sum(m => m.Count), ResultViews.Districts(def).Count, ParIndex.Silo.Demo.DemoSeeder.CycleIds.Contains(info.Id), readable,
                def.Cycle.Groups.Count(g => published.Contains(g.Code))));
            if (!readable) continue; // its roll-ups would tell what is not published yet
            foreach (var top in ResultViews.TopUnits(def).Where(seen.Add))
            {
                var rollUp = await reader.RollUpAsync(info.Id, top);
                glances.Add(new Glance(info, top, def.NameOf(top),
                    OverviewModel.OrderByGroups(def, rollUp.Subtree).Select(s => ResultViews.ForSubtree(def, s)).ToList()));
            }
        }
        Cycles = cards;
        Glances = glances;
        ViewData["Title"] = "Trang chủ";
        ViewData["Demo"] = cards.Any(c => c.Demo);
    }
}
