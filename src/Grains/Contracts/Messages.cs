using Orleans;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Contracts;

/// <summary>A change to a scorecard by someone, optionally based on a version they read (ETag).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ScoreChange")]
public sealed record ScoreChange(IReadOnlyList<ScoreEntry> Entries, string User, string Origin = "web", string? ExpectedVersion = null);

/// <summary>A scorecard as read: its values, its result and its version.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ScorecardView")]
public sealed record ScorecardView(string CycleId, string UnitCode, string GroupCode, IReadOnlyDictionary<string, ItemValues> Items, UnitResult Result, string Version)
{
    public WorkflowState Workflow { get; init; } = WorkflowState.Initial;
    public IReadOnlyDictionary<string, ReturnNote> Returns { get; init; } = new Dictionary<string, ReturnNote>();
}

/// <summary>What a unit assesses directly, and its subtree merged by framework (comparable groups).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.UnitRollUp")]
public sealed record UnitRollUp(string CycleId, string UnitCode, IReadOnlyList<GroupSummary> Groups, IReadOnlyList<GroupSummary> Subtree);

/// <summary>A decision (quyết định): its number, date, signer, and for an adjustment the reason.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Decision")]
public sealed record Decision(string Number, DateOnly Date, string? Signer = null, string? Reason = null);

/// <summary>A decision on a group's results as kept: version 1 publishes, each adjustment adds a version.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.PublicationEntry")]
public sealed record PublicationEntry(
    string CycleId, string GroupCode, int Version, string Kind, string Decision, DateOnly DecisionDate, string? Signer, string? Reason, string User, DateTimeOffset At)
{
    public bool IsAdjustment => Kind == "adjust";
}

/// <summary>What an adjustment decision did to a group: the version it kept and the units whose values changed.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Adjusted")]
public sealed record Adjusted(int Version, IReadOnlyList<string> Units);

/// <summary>
/// A group's ranking as its page shows it, in one call: the lines, the summary, the decisions, and a stamp that is new
/// whenever any of them changes (a page may keep what it rendered from them under that stamp).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.RankingView")]
public sealed record RankingView(IReadOnlyList<ResultLine> Lines, GroupSummary Summary, IReadOnlyList<PublicationEntry> Decisions, string Stamp);

/// <summary>A cycle's definition with the groups published so far (neither is changed once handed out).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.CycleReading")]
public sealed record CycleReading(CycleDefinition Definition, IReadOnlySet<string> Published);
