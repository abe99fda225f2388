using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Grains.Tests.Domain;

namespace ParIndex.Grains.Tests.Workflow;

/// <summary>Every legal and illegal step of a scorecard's workflow.</summary>
public class WorkflowPolicyTests
{
    private static readonly DateOnly Today = new(2021, 1, 10), Deadline = new(2021, 1, 15), Passed = new(2021, 1, 5);

    private static WorkflowState At(ScorecardStatus status, int round = 1, params string[] returned) =>
        new(status, round, new HashSet<string>(returned));

    /// <summary>The legal table: status × action → allowed. Everything not listed is refused.</summary>
    private static readonly HashSet<(ScorecardStatus, WorkflowAction)> Legal =
    [
        (ScorecardStatus.Draft, WorkflowAction.EnterSelfScore),
        (ScorecardStatus.Draft, WorkflowAction.Submit),
        (ScorecardStatus.Submitted, WorkflowAction.Appraise),
        (ScorecardStatus.Submitted, WorkflowAction.ReturnItems),
        (ScorecardStatus.Submitted, WorkflowAction.CompleteAppraisal),
        (ScorecardStatus.Returned, WorkflowAction.EnterSelfScore), // only the returned items
        (ScorecardStatus.Returned, WorkflowAction.AnswerReturn),
        (ScorecardStatus.Appraised, WorkflowAction.Publish),
        (ScorecardStatus.Published, WorkflowAction.Adjust),
    ];

    public static TheoryData<ScorecardStatus, WorkflowAction> Steps()
    {
        var data = new TheoryData<ScorecardStatus, WorkflowAction>();
        foreach (var status in Enum.GetValues<ScorecardStatus>())
            foreach (var action in Enum.GetValues<WorkflowAction>())
                data.Add(status, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public void Each_step_is_allowed_exactly_when_the_workflow_says_so(ScorecardStatus status, WorkflowAction action)
    {
        var refusal = WorkflowPolicy.Check(At(status, 1, "1.1.1"), action, Today, Deadline, ["1.1.1"]);
        if (Legal.Contains((status, action))) Assert.Null(refusal);
        else
        {
            Assert.NotNull(refusal);
            Assert.Throws<DomainException>(() => WorkflowPolicy.Apply(At(status, 1, "1.1.1"), action, Today, Deadline, ["1.1.1"]));
        }
    }

    [Fact]
    public void A_whole_cycle_with_a_return_goes_draft_submitted_returned_submitted_appraised_published()
    {
        var s = WorkflowState.Initial;
        s = WorkflowPolicy.Apply(s, WorkflowAction.EnterSelfScore, Today, Deadline);
        s = WorkflowPolicy.Apply(s, WorkflowAction.Submit, Today, Deadline);
        Assert.Equal(ScorecardStatus.Submitted, s.Status);
        s = WorkflowPolicy.Apply(s, WorkflowAction.Appraise, Today, Deadline);
        s = WorkflowPolicy.Apply(s, WorkflowAction.ReturnItems, Today, Deadline, ["2.1"]);
        Assert.Equal((ScorecardStatus.Returned, 1), (s.Status, s.Round));
        s = WorkflowPolicy.Apply(s, WorkflowAction.EnterSelfScore, Today, Deadline, ["2.1"]);
        s = WorkflowPolicy.Apply(s, WorkflowAction.AnswerReturn, Today, Deadline);
        Assert.Equal((ScorecardStatus.Submitted, 2), (s.Status, s.Round));
        Assert.NotNull(WorkflowPolicy.Check(s, WorkflowAction.ReturnItems, Today, Deadline, ["2.1"])); // round 2 settles
        s = WorkflowPolicy.Apply(s, WorkflowAction.CompleteAppraisal, Today, Deadline);
        s = WorkflowPolicy.Apply(s, WorkflowAction.Publish, Today, Deadline);
        Assert.Equal(ScorecardStatus.Published, s.Status);
    }

    [Fact]
    public void Editing_after_submission_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => WorkflowPolicy.Apply(At(ScorecardStatus.Submitted), WorkflowAction.EnterSelfScore, Today, Deadline));
        Assert.Contains("đã chốt", error.Message);
    }

    [Fact]
    public void A_returned_scorecard_may_change_only_the_returned_items()
    {
        Assert.Null(WorkflowPolicy.Check(At(ScorecardStatus.Returned, 1, "2.1"), WorkflowAction.EnterSelfScore, Today, Deadline, ["2.1"]));
        Assert.Contains("3.1", WorkflowPolicy.Check(At(ScorecardStatus.Returned, 1, "2.1"), WorkflowAction.EnterSelfScore, Today, Deadline, ["2.1", "3.1"]));
    }

    [Fact]
    public void After_the_deadline_nothing_is_entered_unless_the_unit_was_granted_an_exception()
    {
        Assert.Contains("quá hạn", WorkflowPolicy.Check(WorkflowState.Initial, WorkflowAction.EnterSelfScore, Today, Passed));
        Assert.Contains("quá hạn", WorkflowPolicy.Check(WorkflowState.Initial, WorkflowAction.Submit, Today, Passed));
        var excepted = WorkflowState.Initial with { DeadlineException = true };
        Assert.Null(WorkflowPolicy.Check(excepted, WorkflowAction.EnterSelfScore, Today, Passed));
        Assert.Null(WorkflowPolicy.Check(WorkflowState.Initial, WorkflowAction.EnterSelfScore, Deadline, Deadline)); // the deadline day counts
    }

    [Fact]
    public void Returning_needs_at_least_one_item()
    {
        Assert.NotNull(WorkflowPolicy.Check(At(ScorecardStatus.Submitted), WorkflowAction.ReturnItems, Today, Deadline, []));
    }

    [Fact]
    public void Completing_the_appraisal_lists_the_items_still_without_an_appraised_score()
    {
        var card = new Scorecard("u", Frameworks.Of([1m, 1m, 1m], [5m]));
        card.Apply(new ScoreEntry("u", "A.1.1", ScoreKind.Appraised, 1m), new ScoreEntry("u", "A.1.3", ScoreKind.NotApplicable, null, "Không phát sinh"));
        Assert.Equal(["A.1.2"], WorkflowPolicy.ItemsStillToAppraise(card));
    }
}
