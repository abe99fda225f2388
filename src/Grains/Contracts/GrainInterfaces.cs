using ParIndex.Grains.Abstractions;
using ParIndex.Grains.Domain;

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
}

/// <summary>A cycle's definition and status.</summary>
public interface ICycleGrain : IGrainWithStringKey
{
    /// <exception cref="DomainException">No such cycle.</exception>
    Task<CycleDefinition> GetDefinitionAsync();
}

/// <summary>One unit's values in one cycle (key: cycle/unit).</summary>
public interface IScorecardGrain : IGrainWithStringKey
{
    Task<ScorecardView> GetAsync();

    /// <summary>Validates, persists, recomputes, and returns only after the group's ranking and every roll-up above have applied the change.</summary>
    /// <exception cref="DomainValidationException">A value broke a rule; nothing was stored.</exception>
    /// <exception cref="InconsistentStateException">The expected version is stale; nothing was stored.</exception>
    Task<ScorecardView> SetValuesAsync(ScoreChange change);

    /// <summary>Reads the values again from the store (after a batch import, or another node's write) and passes the result upward.</summary>
    Task<ScorecardView> ReloadAsync();
}

/// <summary>A group's ranking (key: cycle/assessor/group).</summary>
public interface IRankingGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<ResultLine>> GetLinesAsync();
    Task<GroupSummary> GetSummaryAsync();
    /// <summary>A member's result changed: re-rank and pass the summary upward.</summary>
    Task ResultChangedAsync(UnitResult result);
}

/// <summary>A unit's roll-ups: the groups it assesses, and its whole subtree (key: cycle/unit).</summary>
public interface IUnitGrain : IGrainWithStringKey
{
    Task<UnitRollUp> GetRollUpAsync();
    Task GroupChangedAsync(GroupSummary summary);
    Task ChildChangedAsync(string childCode, IReadOnlyList<GroupSummary> subtree);
}

/// <summary>A change to a scorecard by someone, optionally based on a version they read (ETag).</summary>
public sealed record ScoreChange(IReadOnlyList<ScoreEntry> Entries, string User, string Origin = "web", string? ExpectedVersion = null);

/// <summary>A scorecard as read: its values, its result and its version.</summary>
public sealed record ScorecardView(string CycleId, string UnitCode, string GroupCode, IReadOnlyDictionary<string, ItemValues> Items, UnitResult Result, string Version);

/// <summary>What a unit assesses directly, and its subtree merged by framework (comparable groups).</summary>
public sealed record UnitRollUp(string CycleId, string UnitCode, IReadOnlyList<GroupSummary> Groups, IReadOnlyList<GroupSummary> Subtree);
