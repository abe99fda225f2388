using Orleans;
namespace ParIndex.Grains.Domain.Workflow;

/// <summary>The roles of docs/rules.md; each is granted over a unit subtree.</summary>
[GenerateSerializer, Alias("ParIndex.Role")]
public enum Role
{
    /// <summary>Sở Nội vụ: runs the province's cycle, publishes and adjusts the province's groups.</summary>
    ProvinceAdmin,
    /// <summary>Appraises the groups or units it is assigned.</summary>
    Appraiser,
    /// <summary>Phòng Nội vụ: runs its district's cycle for its communes and offices, and publishes them.</summary>
    DistrictAdmin,
    /// <summary>Self-assesses its own unit.</summary>
    UnitEditor,
    /// <summary>Reads everything in its subtree.</summary>
    Viewer,
    /// <summary>
    /// Quản trị hệ thống: runs the installation (the Orleans dashboard of its nodes). Reads and changes no scorecard: its
    /// scope is the province whose installation it is, and grants nothing over its units.
    /// </summary>
    SystemAdmin,
}

/// <summary>A role over the subtree of <see cref="Scope"/>; an appraiser may be limited to some groups.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.RoleGrant")]
public sealed record RoleGrant(Role Role, string Scope, IReadOnlySet<string>? Groups = null);

/// <summary>What one may do; reading is split so that published results stay public.</summary>
[GenerateSerializer, Alias("ParIndex.Permission")]
public enum Permission
{
    ReadPublished,
    ReadScorecard,
    EnterSelfScores,
    Appraise,
    Publish,
    Adjust,
    GrantException,
    /// <summary>Runs the survey for the unit's group: questionnaires, the round, quotas, links, paper answers.</summary>
    RunSurvey,
    /// <summary>Opening a cycle: its self-assessment deadline. Asked of every assessor of the cycle's groups.</summary>
    ManageCycle,
    /// <summary>Writes values straight onto a scorecard through the API, as the command line's import does (no workflow step): the province's.</summary>
    WriteScores,
}

/// <summary>The unit concerned: its ancestors (nearest first), its group and that group's assessor.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.UnitContext")]
public sealed record UnitContext(string UnitCode, IReadOnlyList<string> Ancestors, string GroupCode, string AssessorCode)
{
    public bool IsWithin(string scope) => UnitCode == scope || Ancestors.Contains(scope);
}

/// <summary>Who may do what to which unit: one rule table, tested as a matrix.</summary>
public static class AccessPolicy
{
    /// <param name="grants">The person's roles; empty for an anonymous visitor.</param>
    public static bool Can(IReadOnlyCollection<RoleGrant> grants, Permission permission, UnitContext unit)
    {
        if (permission == Permission.ReadPublished) return true; // published results are public
        return grants.Any(g => Allows(g, permission, unit));
    }

    private static bool Allows(RoleGrant g, Permission permission, UnitContext unit) => (g.Role, permission) switch
    {
        // The province runs its cycles (ManageCycle too: every assessor of the cycle within its scope).
        (Role.ProvinceAdmin, _) => unit.IsWithin(g.Scope),
        (Role.DistrictAdmin, Permission.ReadScorecard or Permission.Appraise) => unit.IsWithin(g.Scope) && unit.UnitCode != g.Scope,
        // A district publishes (and surveys) what it assesses (its communes and offices), never its own result.
        (Role.DistrictAdmin, Permission.Publish or Permission.Adjust or Permission.RunSurvey) => unit.AssessorCode == g.Scope,
        (Role.Appraiser, Permission.ReadScorecard or Permission.Appraise) =>
            unit.IsWithin(g.Scope) && (g.Groups is null || g.Groups.Contains(unit.GroupCode)),
        (Role.UnitEditor, Permission.ReadScorecard or Permission.EnterSelfScores) => unit.UnitCode == g.Scope,
        (Role.Viewer, Permission.ReadScorecard) => unit.IsWithin(g.Scope),
        _ => false,
    };

    /// <summary>Whether the person runs the installation (its nodes' dashboard): not a right over any unit.</summary>
    public static bool CanOperate(IReadOnlyCollection<RoleGrant> grants) => grants.Any(g => g.Role == Role.SystemAdmin);
}
