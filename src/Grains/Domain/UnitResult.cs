using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>Obtained and maximum of a field or criterion, and its component index (rule 6).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ComponentIndex")]
public readonly record struct ComponentIndex(string Code, string Title, decimal Obtained, decimal Maximum)
{
    /// <summary>
    /// Rule 6: the component's own obtained / maximum × 100, exact and not clamped (it is read, not ranked); null when
    /// there is no maximum. Worked out when read: a national recompute makes about a million components, and their
    /// divisions were a third of its time, for indices only a page or an export ever reads.
    /// </summary>
    public decimal? Index => Maximum == 0m ? null : Obtained * 100m / Maximum;
}

/// <summary>
/// A unit's computed result for one cycle (rules 3–7). <see cref="Index"/> is exact;
/// <see cref="DisplayIndex"/> is what people read and what the class is decided on.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.UnitResult")]
public sealed record UnitResult
{
    public required string UnitCode { get; init; }
    public required decimal Obtained { get; init; }
    public required decimal Maximum { get; init; }
    /// <summary>Exact index, clamped; null when the maximum is 0.</summary>
    public required decimal? Index { get; init; }
    public required decimal? DisplayIndex { get; init; }
    public required int DisplayDecimals { get; init; }
    public required string? Classification { get; init; }
    /// <summary>Some counted value is still a self score or missing.</summary>
    public required bool Provisional { get; init; }
    public required decimal SelfSubtotal { get; init; }
    public required decimal AppraisalSubtotal { get; init; }
    public required decimal SurveySubtotal { get; init; }
    public required decimal BonusSubtotal { get; init; }
    public required decimal PenaltySubtotal { get; init; }
    public required IReadOnlyList<ComponentIndex> Fields { get; init; }
    public required IReadOnlyList<ComponentIndex> Criteria { get; init; }

    /// <summary>The field's totals, or none when the framework has no such field.</summary>
    public ComponentIndex? Field(string code)
    {
        foreach (var field in Fields)
            if (field.Code == code) return field;
        return null;
    }
}
