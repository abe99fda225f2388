using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Who may do what on which page: the unit as AccessPolicy sees it (built from the cycle), asked with
/// the signed-in person's grants. The rules themselves live in AccessPolicy only.
/// </summary>
public static class Access
{
    /// <summary>The unit with its ancestors (nearest first), its group and that group's assessor; null for a unit the cycle does not assess.</summary>
    public static UnitContext? Context(CycleDefinition cycle, string unitCode)
    {
        if (cycle.GroupOf(unitCode) is not { } group) return null;
        return new UnitContext(unitCode, Ancestors(cycle, unitCode), group.Code, group.AssessorCode);
    }

    /// <summary>Whether the person may do this to the unit's scorecard; never for a unit outside the cycle's groups.</summary>
    public static bool Can(ClaimsPrincipal user, Permission permission, CycleDefinition cycle, string unitCode) =>
        Context(cycle, unitCode) is { } unit && AccessPolicy.Can(user.Grants(), permission, unit);

    /// <summary>Publishing (or adjusting) a group needs the permission on every member: the group's assessor within one's scope.</summary>
    public static bool CanOnGroup(ClaimsPrincipal user, Permission permission, CycleDefinition cycle, RankGroup group)
    {
        var members = cycle.Members.GetValueOrDefault(group.Code) ?? [];
        var grants = user.Grants();
        return members.Count > 0 && members.All(m => Context(cycle, m.Code) is { } unit && AccessPolicy.Can(grants, permission, unit));
    }

    /// <summary>Opening a cycle (its deadline) needs ManageCycle on every assessor of its groups: the province over all of them.</summary>
    public static bool CanManageCycle(ClaimsPrincipal user, CycleDefinition cycle)
    {
        var grants = user.Grants();
        var assessors = cycle.Cycle.Groups.Select(g => g.AssessorCode).Distinct(StringComparer.Ordinal).ToList();
        return assessors.Count > 0 && assessors.All(a => AccessPolicy.Can(grants, Permission.ManageCycle, AssessorContext(cycle, a)));
    }

    /// <summary>An assessor as AccessPolicy sees it: with its ancestors, and its own group if the cycle ranks it too.</summary>
    private static UnitContext AssessorContext(CycleDefinition cycle, string assessor) =>
        Context(cycle, assessor) ?? new UnitContext(assessor, Ancestors(cycle, assessor), "", "");

    private static List<string> Ancestors(CycleDefinition cycle, string unitCode)
    {
        var ancestors = new List<string>();
        for (var parent = cycle.ParentOf(unitCode); parent is not null && !ancestors.Contains(parent); parent = cycle.ParentOf(parent))
            ancestors.Add(parent);
        return ancestors;
    }

    public static bool IsSignedIn(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>The account name written to the audit.</summary>
    public static string UserName(ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("No one is signed in.");

    /// <summary>A refusal: anonymous visitors are sent to sign in, signed-in people get the Vietnamese 403 page.</summary>
    public static IActionResult Refuse(PageModel page) =>
        IsSignedIn(page.User) ? page.StatusCode(StatusCodes.Status403Forbidden) : page.Challenge();
}
