using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Contracts;

/// <summary>Reads cycle definitions (the Silo implements it over the database).</summary>
public interface ICycleStore
{
    Task<CycleDefinition?> LoadAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Every cycle, newest year first.</summary>
    Task<IReadOnlyList<CycleInfo>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A cycle as listed (API: GET /api/cycles).</summary>
public sealed record CycleInfo(string Id, int Year, string Kind, string Title, string Status);

/// <summary>Computed results, kept so that rankings and roll-ups rebuild from the store, never from their children.</summary>
public interface IResultStore
{
    Task<IReadOnlyList<UnitResult>> LoadGroupAsync(string cycleId, string groupCode, CancellationToken cancellationToken);

    /// <summary>Every unit's index and rank in the given cycles (for year-over-year).</summary>
    Task<IReadOnlyDictionary<string, PreviousStanding>> LoadStandingsAsync(IReadOnlyList<string> cycleIds, CancellationToken cancellationToken);

    /// <summary>The group's current version: 1 until an adjustment decision, then one more per adjustment.</summary>
    Task<int> LoadVersionAsync(string cycleId, string groupCode, CancellationToken cancellationToken);

    /// <summary>Records ranks that changed, so that a later cycle can compare with them.</summary>
    Task SaveRanksAsync(string cycleId, IReadOnlyDictionary<string, int?> ranks, CancellationToken cancellationToken);
}

/// <summary>A scorecard's persistent state: values, the last result, and the changes not yet written (for the audit).</summary>
public sealed class ScorecardState
{
    public Dictionary<string, ItemValues> Items { get; set; } = new(StringComparer.Ordinal);
    public string GroupCode { get; set; } = "";
    public ScorecardStatus Status { get; set; } = ScorecardStatus.Draft;
    public UnitResult? Result { get; set; }
    /// <summary>Written with the values in one transaction, then cleared.</summary>
    public List<AuditEntry> PendingAudit { get; set; } = [];
}

/// <summary>One value change: who, when, old → new, why.</summary>
public sealed record AuditEntry(string ItemCode, ScoreKind Kind, decimal? OldValue, decimal? NewValue, string? OldNote, string? Note, string User, string Origin, DateTimeOffset At);
