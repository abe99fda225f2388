using Orleans;
namespace ParIndex.Grains.Contracts;

/// <summary>
/// One row of a group's results as users read it (`results` in docs/command-line.md, the ranking API in docs/api.md).
/// Immutable message passed from grains to the CLI and the web.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ResultLine")]
public sealed record ResultLine
{
    public required string Group { get; init; }
    /// <summary>Null for a unit scored but not ranked, or without an index.</summary>
    public int? Rank { get; init; }
    public required string UnitCode { get; init; }
    public required string UnitName { get; init; }
    public required decimal Obtained { get; init; }
    public required decimal Maximum { get; init; }
    public decimal? Index { get; init; }
    public decimal? IndexDisplay { get; init; }
    /// <summary>How many decimals <see cref="IndexDisplay"/> is printed with (the group's display precision).</summary>
    public required int DisplayDecimals { get; init; }
    public string? Classification { get; init; }
    public required bool Provisional { get; init; }
    public decimal? PreviousIndex { get; init; }
    /// <summary>True when the previous index is the mean of a merged unit's predecessors.</summary>
    public bool PreviousIndexDerived { get; init; }
    public int? PreviousRank { get; init; }
    public int? RankChange { get; init; }
    public int Version { get; init; } = 1;
    public decimal SelfSubtotal { get; init; }
    public decimal AppraisalSubtotal { get; init; }
    public decimal SurveySubtotal { get; init; }
    public decimal BonusSubtotal { get; init; }
    public decimal PenaltySubtotal { get; init; }
}
