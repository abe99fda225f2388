using Orleans;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Contracts;

/// <summary>Reads cycle definitions (the Silo implements it over the database).</summary>
public interface ICycleStore
{
    Task<CycleDefinition?> LoadAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>Every cycle, newest year first.</summary>
    Task<IReadOnlyList<CycleInfo>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Sets the self-assessment deadline with an audit row for the whole cycle; returns the one it replaces.</summary>
    /// <exception cref="NotFoundException">No such cycle.</exception>
    Task<DateOnly?> SetSelfAssessmentDeadlineAsync(string cycleId, DateOnly deadline, string user, CancellationToken cancellationToken);
}

/// <summary>A cycle as listed (API: GET /api/cycles).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.CycleInfo")]
public sealed record CycleInfo(string Id, int Year, string Kind, string Title, string Status);

/// <summary>Computed results, kept so that rankings and roll-ups rebuild from the store, never from their children.</summary>
public interface IResultStore
{
    Task<IReadOnlyList<UnitResult>> LoadGroupAsync(string cycleId, string groupCode, CancellationToken cancellationToken);

    /// <summary>Every unit's index and rank in the given cycles (for year-over-year).</summary>
    Task<IReadOnlyDictionary<string, PreviousStanding>> LoadStandingsAsync(IReadOnlyList<string> cycleIds, CancellationToken cancellationToken);

    /// <summary>The group's current version: 1 until an adjustment decision, then one more per adjustment.</summary>
    Task<int> LoadVersionAsync(string cycleId, string groupCode, CancellationToken cancellationToken);

    /// <summary>
    /// Records ranks that changed, so that a later cycle can compare with them. May complete before the
    /// ranks are durable: they are derived from the stored results, and a ranking grain saves them again
    /// when it activates.
    /// </summary>
    Task SaveRanksAsync(string cycleId, IReadOnlyDictionary<string, int?> ranks, CancellationToken cancellationToken);
}

/// <summary>A scorecard's persistent state: values, the last result, and the changes not yet written (for the audit).</summary>
public sealed class ScorecardState
{
    public Dictionary<string, ItemValues> Items { get; set; } = new(StringComparer.Ordinal);
    public string GroupCode { get; set; } = "";
    public ScorecardStatus Status { get; set; } = ScorecardStatus.Draft;
    public int Round { get; set; } = 1;
    /// <summary>Items returned with a question (and, once given, the unit's answer).</summary>
    public Dictionary<string, ReturnNote> Returns { get; set; } = new(StringComparer.Ordinal);
    public bool DeadlineException { get; set; }

    public WorkflowState Workflow => new(Status, Round, Returns.Keys.ToHashSet(StringComparer.Ordinal), DeadlineException);

    /// <summary>The next state: this one's workflow fields, with new values, result and audit.</summary>
    public ScorecardState Next(IReadOnlyDictionary<string, ItemValues> items, UnitResult? result, List<AuditEntry> audit) => new()
    {
        Items = new(items, StringComparer.Ordinal), GroupCode = GroupCode, Status = Status, Round = Round,
        Returns = new(Returns, StringComparer.Ordinal), DeadlineException = DeadlineException, Result = result, PendingAudit = audit,
    };
    public UnitResult? Result { get; set; }
    /// <summary>Written with the values in one transaction, then cleared.</summary>
    public List<AuditEntry> PendingAudit { get; set; } = [];
}

/// <summary>An appraiser's question on a returned item, and the unit's answer (giải trình).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ReturnNote")]
public sealed record ReturnNote(string Question, string? Answer = null);

/// <summary>
/// One change: who, when, old → new, why. A value change names its kind; a workflow step (submit,
/// return, answer, complete, exception) names the step, with the old and new status.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.AuditEntry")]
public sealed record AuditEntry(string ItemCode, ScoreKind Kind, decimal? OldValue, decimal? NewValue, string? OldNote, string? Note, string User, string Origin, DateTimeOffset At)
{
    public string? Step { get; init; }
}
