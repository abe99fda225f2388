using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// One unit's scorecard in one cycle. Every change is validated by the domain (values by ScoreRules,
/// steps by WorkflowPolicy), written through (values, result, status and audit in one write,
/// ETag-checked), and passed up to the group's ranking and every roll-up above before the call returns.
/// </summary>
[GrainType(GrainTypes.Scorecard)]
public sealed class ScorecardGrain(
    [PersistentState("scorecard", GrainStorage.Name)] IPersistentState<ScorecardState> state, TimeProvider clock) : Grain, IScorecardGrain
{
    // Orleans has read the state before activation; a stale write reads it again (WriteAsync).
    private readonly IPersistentState<ScorecardState> _state = state;
    private CycleDefinition _cycle = null!;
    private RankGroup _group = null!;
    private IRankingGrain _ranking = null!;
    private IUnitGrain[] _rollUps = []; // the assessor's and every unit's above it
    private string _cycleId = "", _unitCode = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_cycleId, _unitCode) = GrainKeys.Split(this.GetPrimaryKeyString());
        _cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GetDefinitionAsync();
        _group = _cycle.GroupOf(_unitCode) ?? throw new NotFoundException($"Đơn vị {_unitCode} không thuộc nhóm xếp hạng nào của kỳ {_cycleId}.");
        _ranking = GrainFactory.GetGrain<IRankingGrain>(GrainKeys.Ranking(_cycleId, _group.AssessorCode, _group.Code));
        _rollUps = [.. _cycle.RollUpsOf(_group).Select(unit => GrainFactory.GetGrain<IUnitGrain>(GrainKeys.Unit(_cycleId, unit)))];
        Recompute();
    }

    public Task<ScorecardView> GetAsync() => Task.FromResult(View());

    /// <summary>An administrative change (imports, corrections): only a published result is out of reach.</summary>
    public Task<ScorecardView> SetValuesAsync(ScoreChange change) => ChangeValuesAsync(change, step: null);

    public Task<ScorecardView> EnterSelfScoresAsync(ScoreChange change)
    {
        if (change.Entries.FirstOrDefault(e => e.Kind != ScoreKind.Self) is { } other)
            throw new DomainException($"Đơn vị chỉ nhập điểm tự đánh giá; {other.Kind.VietnameseName()} của tiêu chí {other.ItemCode} do tổ thẩm định nhập.");
        return ChangeValuesAsync(change, WorkflowAction.EnterSelfScore);
    }

    public Task<ScorecardView> AppraiseAsync(ScoreChange change)
    {
        if (change.Entries.FirstOrDefault(e => e.Kind is ScoreKind.Self or ScoreKind.Survey) is { } other)
            throw new DomainException($"Tổ thẩm định không nhập {other.Kind.VietnameseName()} (tiêu chí {other.ItemCode}).");
        return ChangeValuesAsync(change, WorkflowAction.Appraise);
    }

    public Task<ScorecardView> SubmitAsync(string user, string? expectedVersion = null)
    {
        Expect(expectedVersion);
        return StepAsync(WorkflowAction.Submit, user, "submit", [], (_, _) => { });
    }

    public Task<ScorecardView> ReturnItemsAsync(IReadOnlyDictionary<string, string> questions, string user, string? expectedVersion = null)
    {
        Expect(expectedVersion);
        var problems = questions.Where(q => _cycle.Cycle.FrameworkOf(_group).FindItem(q.Key) is null).Select(q => $"Không có tiêu chí {q.Key}.")
            .Concat(questions.Where(q => string.IsNullOrWhiteSpace(q.Value)).Select(q => $"Tiêu chí {q.Key}: cần nêu câu hỏi khi trả lại."))
            .Concat(questions.Select(q => FreeText.Check($"Tiêu chí {q.Key}", "câu hỏi", q.Value)).OfType<string>()).ToList();
        if (problems.Count > 0) throw new DomainValidationException("Không trả lại được:", problems);
        return StepAsync(WorkflowAction.ReturnItems, user, "return", questions.Keys.ToList(),
            (next, _) => next.Returns = questions.ToDictionary(q => q.Key, q => new ReturnNote(FreeText.Clean(q.Value.Trim())), StringComparer.Ordinal));
    }

    public Task<ScorecardView> AnswerAsync(IReadOnlyDictionary<string, string> answers, string user, string? expectedVersion = null)
    {
        Expect(expectedVersion);
        var missing = _state.State.Returns.Keys.Where(i => !answers.TryGetValue(i, out var a) || string.IsNullOrWhiteSpace(a)).ToList();
        if (_state.State.Status == ScorecardStatus.Returned && missing.Count > 0)
            throw new DomainException($"Cần giải trình mọi tiêu chí bị trả lại; còn thiếu: {string.Join(", ", missing)}.");
        if (answers.Select(a => FreeText.Check($"Tiêu chí {a.Key}", "giải trình", a.Value)).OfType<string>().ToList() is { Count: > 0 } tooLong)
            throw new DomainValidationException("Không gửi được giải trình:", tooLong);
        return StepAsync(WorkflowAction.AnswerReturn, user, "answer", [],
            (next, _) => next.Returns = next.Returns.ToDictionary(r => r.Key, r => r.Value with { Answer = FreeText.Clean(answers[r.Key].Trim()) }, StringComparer.Ordinal));
    }

    public Task<ScorecardView> CompleteAppraisalAsync(string user, string? expectedVersion = null)
    {
        Expect(expectedVersion);
        var missing = WorkflowPolicy.ItemsStillToAppraise(Card());
        if (_state.State.Status == ScorecardStatus.Submitted && missing.Count > 0)
            throw new DomainException($"Còn {missing.Count} tiêu chí chưa có điểm thẩm định: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? "…" : "")}.");
        return StepAsync(WorkflowAction.CompleteAppraisal, user, "complete", [], (_, _) => { });
    }

    public async Task<ScorecardView> GrantDeadlineExceptionAsync(string user, string? expectedVersion = null)
    {
        Expect(expectedVersion);
        if (_state.State.Status != ScorecardStatus.Draft) throw new DomainException("Chỉ gia hạn được cho phiếu đang tự đánh giá.");
        var next = _state.State.Next(_state.State.Items, _state.State.Result, [StepEntry("exception", user, "Draft", "Draft (gia hạn)")]);
        next.DeadlineException = true;
        await WriteAsync(next);
        return View();
    }

    public async Task<ScorecardView> ReloadAsync()
    {
        await _state.ReadStateAsync();
        Recompute();
        await PassUpAsync(_state.State.Result!);
        return View();
    }

    private async Task<ScorecardView> ChangeValuesAsync(ScoreChange change, WorkflowAction? step)
    {
        Expect(change.ExpectedVersion);
        if (_state.State.Status == ScorecardStatus.Published)
            throw new DomainException($"Kết quả của đơn vị {_unitCode} đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh.");
        if (step is { } action && WorkflowPolicy.Check(_state.State.Workflow, action, Today, await DeadlineAsync(),
                change.Entries.Select(e => e.ItemCode).Distinct().ToList()) is { } refusal)
            throw new DomainException(refusal);

        var card = Card();
        var changes = card.Apply(change.Entries); // throws, listing every bad value, before anything is stored
        var at = clock.GetUtcNow();
        var audit = changes.Select(c => new AuditEntry(c.Entry.ItemCode, c.Entry.Kind, c.OldValue, c.Entry.Value, c.OldNote, c.Entry.Note, change.User, change.Origin, at)).ToList();
        await WriteValuesAsync(card, changes, audit);
        await PassUpAsync(_state.State.Result!);
        return View();
    }

    /// <summary>
    /// Tells the group's ranking and every roll-up above, all at once: the change waits for one call, where the ranking
    /// telling the roll-ups after it had re-ranked made it wait for two in turn.
    /// </summary>
    private Task PassUpAsync(UnitResult result)
    {
        var told = new Task[_rollUps.Length + 1];
        for (int i = 0; i < _rollUps.Length; i++) told[i] = _rollUps[i].MemberChangedAsync(result);
        told[^1] = _ranking.ResultChangedAsync(result);
        return Task.WhenAll(told);
    }

    /// <summary>
    /// A change of values, written through: the state is changed in place (only the items that changed) and
    /// put back if the write fails. A new copy of every value per write made each write leave long-lived
    /// garbage behind, which set the peak memory of a national hot set under writes.
    /// </summary>
    private async Task WriteValuesAsync(Scorecard card, IReadOnlyList<Scorecard.Change> changes, List<AuditEntry> audit)
    {
        var state = _state.State;
        var previousResult = state.Result;
        var undo = new List<(string ItemCode, ItemValues? Before)>();
        foreach (var code in changes.Select(c => c.Entry.ItemCode).Distinct(StringComparer.Ordinal))
        {
            undo.Add((code, state.Items.GetValueOrDefault(code)));
            state.Items[card.Framework.Own(code)] = card[code];
        }
        state.Result = ScoringPolicy.Compute(_unitCode, card.Framework, state.Items, _group.Scoring);
        state.PendingAudit = audit;
        try
        {
            await _state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            await _state.ReadStateAsync(); // another writer won: take its values so that a retry builds on them
            Recompute();
            throw;
        }
        catch (Exception e)
        {
            foreach (var (code, before) in undo)
            {
                if (before is null) state.Items.Remove(code);
                else state.Items[code] = before;
            }
            state.Result = previousResult;
            state.PendingAudit = [];
            ThrowStorageCause(e);
            throw;
        }
        state.PendingAudit.Clear();
    }

    /// <summary>A change based on a version someone read: refused, before anything else, when the scorecard has moved on.</summary>
    private void Expect(string? expectedVersion)
    {
        if (expectedVersion is not null && expectedVersion != _state.Etag)
            throw StaleVersion.Refused(this.GetPrimaryKeyString(), expectedVersion, _state.Etag);
    }

    /// <summary>A workflow step: checked, applied to the status, audited with old → new status.</summary>
    private async Task<ScorecardView> StepAsync(WorkflowAction action, string user, string name, IReadOnlyCollection<string> items, Action<ScorecardState, WorkflowState> adjust)
    {
        var before = _state.State.Workflow;
        var after = WorkflowPolicy.Apply(before, action, Today, await DeadlineAsync(), items);
        var next = _state.State.Next(_state.State.Items, _state.State.Result,
            [StepEntry(name, user, before.Status.ToString(), after.Status.ToString(), items.Count > 0 ? string.Join(";", items) : "*")]);
        next.Status = after.Status;
        next.Round = after.Round;
        if (action == WorkflowAction.CompleteAppraisal) next.Returns.Clear();
        adjust(next, after);
        await WriteAsync(next);
        return View();
    }

    private AuditEntry StepEntry(string step, string user, string from, string to, string item = "*") =>
        new(item, ScoreKind.Self, null, null, from, to, user, "workflow", clock.GetUtcNow()) { Step = step };

    /// <summary>Writes through; on a stale ETag takes the other writer's state so that a retry builds on it.</summary>
    private async Task WriteAsync(ScorecardState next)
    {
        var previous = _state.State;
        _state.State = next;
        try
        {
            await _state.WriteStateAsync();
        }
        catch (InconsistentStateException)
        {
            await _state.ReadStateAsync();
            Recompute();
            throw;
        }
        catch (Exception e)
        {
            _state.State = previous;
            ThrowStorageCause(e);
            throw;
        }
        _state.State.PendingAudit.Clear();
    }

    /// <summary>
    /// What the storage itself said (a full disk, a read-only database), as the caller should see it: Orleans wraps a
    /// provider's error in its own exception, and the web answers the cause (503 with the reason), not the wrapper.
    /// </summary>
    private static void ThrowStorageCause(Exception e)
    {
        if (e is OrleansException { InnerException: { } cause } and not InconsistentStateException)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
    }

    /// <summary>
    /// The deadline as the cycle grain holds it now, not as it was when this scorecard activated: the province
    /// may change it (and reload the cycle grain) at any time. Asked only by workflow steps, never by imports.
    /// </summary>
    private async Task<DateOnly?> DeadlineAsync() =>
        (await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GetDefinitionAsync()).Cycle.SelfAssessmentDeadline;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private Scorecard Card() => new(_unitCode, _cycle.Cycle.FrameworkOf(_group), _state.State.Items);

    /// <summary>The result of the values as read; they are keyed by the framework's own codes from here on (Framework.InOrder).</summary>
    private void Recompute()
    {
        var framework = _cycle.Cycle.FrameworkOf(_group);
        _state.State.GroupCode = _group.Code;
        _state.State.Items = framework.InOrder(_state.State.Items);
        _state.State.Result = ScoringPolicy.Compute(_unitCode, framework, _state.State.Items, _group.Scoring);
    }

    // The values' own comparer: a copy with it copies their entries as they are, where another one hashes every code again.
    private ScorecardView View() =>
        new(_cycleId, _unitCode, _group.Code, new Dictionary<string, ItemValues>(_state.State.Items, StringComparer.Ordinal), _state.State.Result!, _state.Etag ?? "0")
        {
            Workflow = _state.State.Workflow,
            Returns = new Dictionary<string, ReturnNote>(_state.State.Returns),
        };

    public Task RefreshAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }
}
