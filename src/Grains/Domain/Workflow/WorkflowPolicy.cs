using Orleans;
namespace ParIndex.Grains.Domain.Workflow;

/// <summary>A scorecard's place in the workflow: status, appraisal round, and the items returned with questions.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.WorkflowState")]
public sealed record WorkflowState(ScorecardStatus Status, int Round, IReadOnlySet<string> ReturnedItems, bool DeadlineException = false)
{
    public static readonly WorkflowState Initial = new(ScorecardStatus.Draft, 1, new HashSet<string>());
}

/// <summary>
/// The legal steps of a scorecard, in one place: what each action requires and where it leads.
/// Illegal steps are refused with a message that says why, in Vietnamese.
/// </summary>
public static class WorkflowPolicy
{
    /// <summary>Why the action is not allowed now, or null when it is.</summary>
    /// <param name="items">For item-level actions: the items concerned.</param>
    /// <param name="deadline">The self-assessment deadline of the cycle, if any.</param>
    public static string? Check(WorkflowState state, WorkflowAction action, DateOnly today, DateOnly? deadline, IReadOnlyCollection<string>? items = null)
    {
        bool late = deadline is { } last && today > last && !state.DeadlineException;
        return (action, state.Status) switch
        {
            (WorkflowAction.EnterSelfScore or WorkflowAction.Submit, ScorecardStatus.Draft) when late =>
                $"Đã quá hạn tự đánh giá ({deadline!.Value:dd/MM/yyyy}); chỉ nhập được khi quản trị cấp tỉnh cho phép riêng đơn vị này.",
            (WorkflowAction.EnterSelfScore, ScorecardStatus.Draft) => null,
            (WorkflowAction.EnterSelfScore, ScorecardStatus.Returned) =>
                items?.FirstOrDefault(i => !state.ReturnedItems.Contains(i)) is { } other
                    ? $"Tiêu chí {other} không được trả lại để giải trình; điểm tự đánh giá đã chốt."
                    : null,
            (WorkflowAction.EnterSelfScore, _) => "Điểm tự đánh giá đã chốt (đã gửi thẩm định); không thể sửa.",
            (WorkflowAction.Submit, ScorecardStatus.Draft) => null,
            (WorkflowAction.Submit, _) => "Phiếu đã được gửi thẩm định.",
            (WorkflowAction.Appraise, ScorecardStatus.Submitted) => null,
            (WorkflowAction.Appraise, ScorecardStatus.Draft) => "Đơn vị chưa gửi tự đánh giá; chưa thể thẩm định.",
            (WorkflowAction.Appraise, ScorecardStatus.Returned) => "Đang chờ đơn vị giải trình các tiêu chí bị trả lại.",
            (WorkflowAction.Appraise, ScorecardStatus.Published) => "Kết quả đã công bố; chỉ thay đổi được bằng quyết định điều chỉnh.",
            (WorkflowAction.Appraise, _) => "Phiếu đã thẩm định xong.",
            (WorkflowAction.ReturnItems, ScorecardStatus.Submitted) when state.Round > 1 => "Vòng thẩm định 2 không trả lại tiêu chí nữa; hãy chốt điểm thẩm định.",
            (WorkflowAction.ReturnItems, ScorecardStatus.Submitted) when items is null || items.Count == 0 => "Chưa chọn tiêu chí nào để trả lại.",
            (WorkflowAction.ReturnItems, ScorecardStatus.Submitted) => null,
            (WorkflowAction.ReturnItems, _) => "Chỉ trả lại được tiêu chí của phiếu đang thẩm định vòng 1.",
            (WorkflowAction.AnswerReturn, ScorecardStatus.Returned) => null,
            (WorkflowAction.AnswerReturn, _) => "Không có tiêu chí nào đang chờ giải trình.",
            (WorkflowAction.CompleteAppraisal, ScorecardStatus.Submitted) => null,
            (WorkflowAction.CompleteAppraisal, _) => "Chỉ chốt được thẩm định của phiếu đang thẩm định.",
            (WorkflowAction.Publish, ScorecardStatus.Appraised) => null,
            (WorkflowAction.Publish, ScorecardStatus.Published) => "Kết quả đã được công bố.",
            (WorkflowAction.Publish, _) => "Chưa thẩm định xong; chưa thể công bố.",
            (WorkflowAction.Adjust, ScorecardStatus.Published) => null,
            (WorkflowAction.Adjust, _) => "Chỉ điều chỉnh được kết quả đã công bố.",
            _ => "Thao tác không hợp lệ.",
        };
    }

    /// <summary>The state after a legal action.</summary>
    /// <exception cref="DomainException">The action is not allowed now.</exception>
    public static WorkflowState Apply(WorkflowState state, WorkflowAction action, DateOnly today, DateOnly? deadline, IReadOnlyCollection<string>? items = null)
    {
        if (Check(state, action, today, deadline, items) is { } refusal) throw new DomainException(refusal);
        return action switch
        {
            WorkflowAction.Submit => state with { Status = ScorecardStatus.Submitted },
            WorkflowAction.ReturnItems => state with { Status = ScorecardStatus.Returned, ReturnedItems = new HashSet<string>(items!, StringComparer.Ordinal) },
            WorkflowAction.AnswerReturn => state with { Status = ScorecardStatus.Submitted, Round = 2 },
            WorkflowAction.CompleteAppraisal => state with { Status = ScorecardStatus.Appraised, ReturnedItems = new HashSet<string>() },
            WorkflowAction.Publish => state with { Status = ScorecardStatus.Published },
            _ => state, // entering scores, appraising and adjusting keep the status
        };
    }

    /// <summary>
    /// Completing the appraisal needs every applicable appraisal item to have an appraised score
    /// (or a not-applicable mark): the items still missing one, in framework order.
    /// </summary>
    public static IReadOnlyList<string> ItemsStillToAppraise(Scorecard card) =>
        card.Framework.Items.Where(i => i.Source == ItemSource.Appraisal)
            .Where(i => card[i.Code] is { IsNotApplicable: false, Appraised: null })
            .Select(i => i.Code).ToList();
}
