using Orleans;
namespace ParIndex.Grains.Domain.Workflow;

/// <summary>Where a unit's scorecard stands in the cycle (docs/rules.md, the workflow).</summary>
[GenerateSerializer, Alias("ParIndex.ScorecardStatus")]
public enum ScorecardStatus
{
    /// <summary>The unit self-assesses.</summary>
    Draft,
    /// <summary>Self scores locked ("chốt điểm"); with the appraisers (round 1, or round 2 after answers).</summary>
    Submitted,
    /// <summary>Items sent back with questions; the unit explains ("giải trình").</summary>
    Returned,
    /// <summary>Every item settled by the appraisers.</summary>
    Appraised,
    /// <summary>Frozen by a decision; changed only by an adjustment decision.</summary>
    Published,
}

/// <summary>What someone does to a scorecard or a group.</summary>
[GenerateSerializer, Alias("ParIndex.WorkflowAction")]
public enum WorkflowAction
{
    EnterSelfScore,
    Submit,
    Appraise,
    ReturnItems,
    AnswerReturn,
    CompleteAppraisal,
    Publish,
    Adjust,
}
