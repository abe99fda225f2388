using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

using Orleans.Concurrency;

namespace ParIndex.Grains.Contracts;

/// <summary>How grains are addressed; one place, so that keys never drift apart.</summary>
public static class GrainKeys
{
    public static string Cycle(string cycleId) => cycleId;
    public static string Scorecard(string cycleId, string unitCode) => $"{cycleId}/{unitCode}";
    public static string Ranking(string cycleId, string assessorCode, string groupCode) => $"{cycleId}/{assessorCode}/{groupCode}";
    public static string Unit(string cycleId, string unitCode) => $"{cycleId}/{unitCode}";

    public static (string CycleId, string Remainder) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }

    /// <summary>A ranking's key back into its parts: <c>{cycle}/{assessor}/{group}</c>.</summary>
    public static (string CycleId, string AssessorCode, string GroupCode) SplitRanking(string key)
    {
        var (cycleId, rest) = Split(key);
        var (assessorCode, groupCode) = Split(rest);
        return (cycleId, assessorCode, groupCode);
    }
}

/// <summary>The grain types, named once: Orleans places and lists activations by them.</summary>
public static class GrainTypes
{
    public const string Cycle = "cycle", Scorecard = "scorecard", Ranking = "ranking", Unit = "unit";
}

/// <summary>A grain that holds what it read from the store.</summary>
[Alias("ParIndex.IStoreBackedGrain")]
public interface IStoreBackedGrain : IGrainWithStringKey
{
    /// <summary>
    /// Lets go of this activation, so that the next call reads the store again: after a bulk import, the one writer that
    /// goes past the grains.
    /// </summary>
    [Alias("RefreshAsync")]
    Task RefreshAsync();
}

/// <summary>A cycle's definition and status.</summary>
[Alias("ParIndex.ICycleGrain")]
public interface ICycleGrain : IGrainWithStringKey
{
    /// <exception cref="DomainException">No such cycle.</exception>
    [Alias("GetDefinitionAsync"), ReadOnly] // reads interleave; nothing changes
    Task<CycleDefinition> GetDefinitionAsync();

    /// <summary>Reads the definition again from the store (after an import changed it); the scorecards ask for it at every workflow step.</summary>
    [Alias("ReloadAsync")]
    Task<CycleDefinition> ReloadAsync();

    /// <summary>Opens the cycle with a self-assessment deadline, or moves it: stored, audited, and held from the next step of any scorecard.</summary>
    [Alias("SetSelfAssessmentDeadlineAsync")]
    Task<CycleDefinition> SetSelfAssessmentDeadlineAsync(DateOnly deadline, string user);

    /// <summary>
    /// The groups published so far, held in memory: every public read of results asks whether its group is published.
    /// The set handed out is never changed (a publication makes a new one), so it crosses no copy.
    /// </summary>
    [Alias("GetPublishedGroupsAsync"), ReadOnly]
    Task<Immutable<IReadOnlySet<string>>> GetPublishedGroupsAsync();

    /// <summary>
    /// The definition and the published groups in one call: every read of results needs both (the read check and the
    /// page), and a public page view made three grain calls where two do.
    /// </summary>
    /// <exception cref="NotFoundException">No such cycle.</exception>
    [Alias("GetReadingAsync"), ReadOnly]
    Task<CycleReading> GetReadingAsync();

    /// <summary>The group's ranking grain has stored its publication.</summary>
    [Alias("GroupPublishedAsync")]
    Task GroupPublishedAsync(string groupCode);
}

/// <summary>One unit's values in one cycle (key: cycle/unit).</summary>
[Alias("ParIndex.IScorecardGrain")]
public interface IScorecardGrain : IStoreBackedGrain
{
    [Alias("GetAsync"), ReadOnly] // reads interleave; nothing changes
    Task<ScorecardView> GetAsync();

    /// <summary>Validates, persists, recomputes, and returns only after the group's ranking and every roll-up above have applied the change.</summary>
    /// <exception cref="DomainValidationException">A value broke a rule; nothing was stored.</exception>
    /// <exception cref="StaleVersionException">The expected version is stale; nothing was stored.</exception>
    /// <exception cref="Orleans.Storage.InconsistentStateException">Another writer stored first; nothing was stored.</exception>
    [Alias("SetValuesAsync")]
    Task<ScorecardView> SetValuesAsync(ScoreChange change);

    /// <summary>Reads the values again from the store (after a batch import, or another node's write) and passes the result upward.</summary>
    [Alias("ReloadAsync")]
    Task<ScorecardView> ReloadAsync();

    // The workflow (docs/rules.md, the workflow): each step checked by WorkflowPolicy, written and audited.
    // A step given the version its person was shown refuses a scorecard that has moved on since (StaleVersionException),
    // in the same turn as the step: no one submits, returns or completes what they have not seen.

    /// <summary>The unit enters self scores (in a draft before the deadline, or on returned items).</summary>
    [Alias("EnterSelfScoresAsync")]
    Task<ScorecardView> EnterSelfScoresAsync(ScoreChange change);

    /// <summary>Locks the self scores ("chốt điểm") and sends the scorecard to the appraisers.</summary>
    [Alias("SubmitAsync")]
    Task<ScorecardView> SubmitAsync(string user, string? expectedVersion = null);

    /// <summary>The appraiser sets appraised scores, bonus, penalty or not-applicable marks.</summary>
    [Alias("AppraiseAsync")]
    Task<ScorecardView> AppraiseAsync(ScoreChange change);

    /// <summary>Round 1 sends items back with a question each.</summary>
    [Alias("ReturnItemsAsync")]
    Task<ScorecardView> ReturnItemsAsync(IReadOnlyDictionary<string, string> questions, string user, string? expectedVersion = null);

    /// <summary>The unit answers every returned item (giải trình); round 2 begins.</summary>
    [Alias("AnswerAsync")]
    Task<ScorecardView> AnswerAsync(IReadOnlyDictionary<string, string> answers, string user, string? expectedVersion = null);

    /// <summary>Settles the appraisal; refused while an appraisal item has no appraised score.</summary>
    [Alias("CompleteAppraisalAsync")]
    Task<ScorecardView> CompleteAppraisalAsync(string user, string? expectedVersion = null);

    /// <summary>Lets the unit enter after the deadline.</summary>
    [Alias("GrantDeadlineExceptionAsync")]
    Task<ScorecardView> GrantDeadlineExceptionAsync(string user, string? expectedVersion = null);
}

/// <summary>A group's ranking (key: cycle/assessor/group).</summary>
[Alias("ParIndex.IRankingGrain")]
public interface IRankingGrain : IStoreBackedGrain
{
    [Alias("GetLinesAsync"), ReadOnly] // reads interleave; nothing changes
    Task<IReadOnlyList<ResultLine>> GetLinesAsync();
    /// <summary>The group's summary, made from the tally's totals at the first read after a change.</summary>
    [Alias("GetSummaryAsync"), ReadOnly]
    Task<GroupSummary> GetSummaryAsync();
    /// <summary>
    /// The members' results, in member order. Interleaves with any call, not only with reads: a roll-up that activates
    /// asks the rankings of its groups (the one call downward), and a ranking in the middle of a publication, waiting on
    /// its scorecards that tell that same roll-up, must still answer it. It reads the state between two awaits, so it
    /// never sees half a change.
    /// </summary>
    [Alias("GetResultsAsync"), AlwaysInterleave]
    Task<IReadOnlyList<UnitResult>> GetResultsAsync();
    /// <summary>The group's decisions, newest version first (every view of the ranking shows them).</summary>
    [Alias("GetDecisionsAsync"), ReadOnly]
    Task<IReadOnlyList<PublicationEntry>> GetDecisionsAsync();
    /// <summary>Lines, summary and decisions together with a stamp of their state: the ranking page's one call.</summary>
    [Alias("GetViewAsync"), ReadOnly]
    Task<RankingView> GetViewAsync();
    /// <summary>A member's result changed: re-rank (its scorecard tells the roll-ups above at the same time).</summary>
    [Alias("ResultChangedAsync")]
    Task ResultChangedAsync(UnitResult result);
    /// <summary>
    /// Publishes the group by a decision: keeps its lines as version 1 and freezes its scorecards, which refuse changes
    /// from then on. Refused while a member's result is provisional (not yet appraised), or when published already.
    /// </summary>
    [Alias("PublishAsync")]
    Task<IReadOnlyList<ResultLine>> PublishAsync(Decision decision, string user);

    /// <summary>Applies an adjustment decision's values to the group's published scorecards and keeps the next version.</summary>
    [Alias("AdjustAsync")]
    Task<Adjusted> AdjustAsync(IReadOnlyList<ScoreEntry> entries, Decision decision, string user);
}

/// <summary>A unit's roll-ups: the groups it assesses, and its whole subtree (key: cycle/unit).</summary>
[Alias("ParIndex.IUnitGrain")]
public interface IUnitGrain : IStoreBackedGrain
{
    [Alias("GetRollUpAsync"), ReadOnly] // reads interleave; nothing changes
    Task<UnitRollUp> GetRollUpAsync();
    /// <summary>
    /// A member of a group within the unit's subtree (its own or one below) has a new result: told by its scorecard, at
    /// the same time as the group's ranking.
    /// </summary>
    [Alias("MemberChangedAsync")]
    Task MemberChangedAsync(UnitResult result);
}
