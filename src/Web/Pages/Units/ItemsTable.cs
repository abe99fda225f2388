using ParIndex.Grains.Domain;

namespace ParIndex.Web.Pages.Units;

/// <summary>The model of _ItemsTable: some criteria of a unit's framework, each with its items and values.</summary>
public sealed record ItemsTable(UnitPageData Data, IReadOnlyList<Criterion> Criteria)
{
    /// <summary>Survey items to flag (below the minimum answers), on the unit page while the cycle surveys its group.</summary>
    public SurveyFlags? Survey { get; init; }
}
