using System.Security.Claims;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Who may read results (docs/rules.md: the public sees published results only). A group's results are
/// readable by anyone once the group is published, and before that by whoever may read every member's
/// scorecard (AccessPolicy's ReadScorecard); a unit's, once its group is published or by whoever may read
/// its scorecard; a whole cycle's (its overview and roll-ups), by whoever may read every group of it.
/// </summary>
public sealed class ResultsAccess(ParIndexReader reader)
{
    private static readonly IReadOnlySet<string> NothingPublished = new HashSet<string>();

    /// <summary>The groups of the cycle that are published (readable by anyone).</summary>
    public Task<IReadOnlySet<string>> PublishedAsync(string cycleId) => reader.PublishedGroupsAsync(cycleId);

    public static bool CanReadGroup(ClaimsPrincipal user, CycleDefinition cycle, RankGroup group, IReadOnlySet<string> published) =>
        published.Contains(group.Code) || Access.CanOnGroup(user, Permission.ReadScorecard, cycle, group);

    public static bool CanReadUnit(ClaimsPrincipal user, CycleDefinition cycle, string unitCode, IReadOnlySet<string> published) =>
        cycle.GroupOf(unitCode) is not { } group || published.Contains(group.Code) || Access.Can(user, Permission.ReadScorecard, cycle, unitCode);

    public static bool CanReadCycle(ClaimsPrincipal user, CycleDefinition cycle, IReadOnlySet<string> published) =>
        cycle.Cycle.Groups.All(g => CanReadGroup(user, cycle, g, published));

    /// <summary>A district's page: its own result and every group it assesses.</summary>
    public static bool CanReadDistrict(ClaimsPrincipal user, CycleDefinition cycle, string district, IReadOnlySet<string> published) =>
        CanReadUnit(user, cycle, district, published) && cycle.GroupsAssessedBy(district).All(g => CanReadGroup(user, cycle, g, published));

    /// <summary>
    /// Whether the request may read what its route names: {unit} (on a districts route, the district), else
    /// {group}, else the whole {cycle}. Unknown cycles, groups and units pass: the page answers 404 for them.
    /// </summary>
    public async Task<bool> MayReadAsync(HttpContext http)
    {
        if (http.Request.RouteValues["cycle"] is not string cycleId) return true;
        CycleDefinition cycle;
        try { cycle = await reader.CycleAsync(cycleId); }
        catch (NotFoundException) { return true; }
        var values = http.Request.RouteValues;
        var user = http.User;
        bool Allowed(IReadOnlySet<string> published)
        {
            if (values.TryGetValue("unit", out var u) && u is string unit)
            {
                if (cycle.Unit(unit) is null) return true;
                return http.Request.Path.Value?.Contains("/districts/", StringComparison.Ordinal) == true
                    ? CanReadDistrict(user, cycle, unit, published)
                    : CanReadUnit(user, cycle, unit, published);
            }
            if (values.TryGetValue("group", out var g) && g is string groupCode)
                return cycle.Cycle.FindGroup(groupCode) is not { } group || CanReadGroup(user, cycle, group, published);
            return CanReadCycle(user, cycle, published);
        }
        // Staff who may read it anyway need no query; only the others depend on what is published.
        return Allowed(NothingPublished) || Allowed(await PublishedAsync(cycle.Cycle.Id));
    }
}
