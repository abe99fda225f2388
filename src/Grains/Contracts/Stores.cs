using Orleans;
using Orleans.Storage;
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
    /// <param name="framework">The group's framework, which names the stored components (field and criterion totals).</param>
    Task<IReadOnlyList<UnitResult>> LoadGroupAsync(string cycleId, string groupCode, Framework framework, CancellationToken cancellationToken);

    /// <summary>Units' index and rank in the given cycles (for year-over-year); where a unit has several, the first cycle's.</summary>
    /// <param name="units">The units wanted (a group's members and their predecessors), or null for every unit.</param>
    Task<IReadOnlyDictionary<string, PreviousStanding>> LoadStandingsAsync(IReadOnlyList<string> cycleIds, IReadOnlyCollection<string>? units, CancellationToken cancellationToken);

    /// <summary>The group's current version: 1 until an adjustment decision, then one more per adjustment.</summary>
    Task<int> LoadVersionAsync(string cycleId, string groupCode, CancellationToken cancellationToken);

    /// <summary>
    /// Records ranks that changed, so that a later cycle can compare with them. May complete before the
    /// ranks are durable: they are derived from the stored results, and a ranking grain saves them again
    /// when it activates.
    /// </summary>
    Task SaveRanksAsync(string cycleId, IReadOnlyDictionary<string, int?> ranks, CancellationToken cancellationToken);
}

/// <summary>
/// Where a group's publications are kept (the Silo implements it over the database). Only the group's
/// ranking grain calls it: publication and adjustment change the scorecards it ranks, which it then has reload.
/// </summary>
public interface IPublicationStore
{
    /// <summary>The groups of the cycle published so far (the cycle grain holds them, so no read of results asks the store).</summary>
    Task<IReadOnlySet<string>> LoadPublishedGroupsAsync(string cycleId, CancellationToken cancellationToken);

    /// <summary>The group's decisions, newest version first; empty until it is published.</summary>
    Task<IReadOnlyList<PublicationEntry>> LoadDecisionsAsync(string cycleId, string groupCode, CancellationToken cancellationToken);

    /// <summary>Keeps <paramref name="lines"/> as the group's version 1 and freezes its members' scorecards, in one transaction.</summary>
    /// <exception cref="DomainException">The group was published already; nothing was stored.</exception>
    Task PublishAsync(string cycleId, string groupCode, IReadOnlyList<ResultLine> lines, Decision decision, string user, CancellationToken cancellationToken);

    /// <summary>Applies an adjustment decision's values to the group's published scorecards and keeps the next version, in one transaction.</summary>
    /// <returns>The new version and the units whose values changed.</returns>
    /// <remarks>Refuses the whole decision, listing every bad value, when a value breaks a rule or a unit is not a published member of the group.</remarks>
    Task<Adjusted> AdjustAsync(string cycleId, string groupCode, IReadOnlyList<ScoreEntry> entries, Decision decision, string user, CancellationToken cancellationToken);
}

/// <summary>
/// Where a grain's state is kept (the Silo implements it over the database); Orleans reaches it through the
/// grain storage provider named <see cref="GrainStorage.Name"/>. The version is the ETag.
/// </summary>
public interface IStateStore<TState> where TState : class, new()
{
    /// <summary>The state and its version; a new state and null when nothing is stored yet.</summary>
    Task<(TState State, string? Etag)> ReadAsync(string grainKey, CancellationToken cancellationToken);

    /// <summary>Writes when the stored version is <paramref name="expectedEtag"/>; returns the new version.</summary>
    /// <exception cref="InconsistentStateException">Someone else wrote first; nothing was stored.</exception>
    Task<string> WriteAsync(string grainKey, TState state, string? expectedEtag, CancellationToken cancellationToken);
}

/// <summary>The name the grains give their storage provider in [PersistentState].</summary>
public static class GrainStorage
{
    public const string Name = "parindex";
}

/// <summary>
/// A change based on a version that is no longer the stored one, refused with nothing stored. Two ways, one answer (409):
/// the store found another write first (Orleans' <see cref="InconsistentStateException"/>: Orleans then drops the
/// activation, whose state is stale), or the grain was asked to change a version the person was shown and someone has
/// changed since (<see cref="StaleVersionException"/>: the activation is current and stays).
/// </summary>
public static class StaleVersion
{
    /// <summary>The store's refusal. Orleans names the versions StoredEtag (stored now) and CurrentEtag (expected).</summary>
    public static InconsistentStateException Exception(string grainKey, string? expected, string? stored) => new(Message(grainKey, expected, stored), stored, expected);

    /// <summary>The grain's refusal of a version the caller was shown.</summary>
    public static StaleVersionException Refused(string grainKey, string expected, string? stored) => new(Message(grainKey, expected, stored), expected, stored);

    /// <summary>The versions of either refusal (expected, stored); null for any other error.</summary>
    public static (string? Expected, string? Stored)? Of(Exception e) => e switch
    {
        StaleVersionException refused => (refused.Expected, refused.Stored),
        InconsistentStateException conflict => (conflict.CurrentEtag, conflict.StoredEtag),
        _ => null,
    };

    private static string Message(string grainKey, string? expected, string? stored) =>
        $"Dữ liệu của '{grainKey}' đã được người khác thay đổi (phiên bản {expected ?? "mới"} đã cũ, hiện là {stored ?? "không có"}); hãy tải lại rồi ghi lại.";
}

/// <summary>The version the person was shown is not the scorecard's any more (see <see cref="StaleVersion"/>).</summary>
[GenerateSerializer, Alias("ParIndex.StaleVersionException")]
public sealed class StaleVersionException(string message, string expected, string? stored) : Exception(message)
{
    [Id(0)] public string Expected { get; } = expected;
    [Id(1)] public string? Stored { get; } = stored;
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
