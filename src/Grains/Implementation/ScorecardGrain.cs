using ParIndex.Grains.Abstractions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// One unit's scorecard in one cycle. Every change is validated by the domain, written through
/// (values, result and audit in one write, ETag-checked), and passed up to the group's ranking.
/// </summary>
public sealed class ScorecardGrain(IPersistentStateFactory states) : Grain, IScorecardGrain
{
    private IPersistentState<ScorecardState> _state = null!;
    private CycleDefinition _cycle = null!;
    private RankGroup _group = null!;
    private string _cycleId = "", _unitCode = "";

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_cycleId, _unitCode) = GrainKeys.Split(GetPrimaryKeyString());
        _cycle = await GrainFactory.GetGrain<ICycleGrain>(GrainKeys.Cycle(_cycleId)).GetDefinitionAsync();
        _group = _cycle.GroupOf(_unitCode) ?? throw new NotFoundException($"Đơn vị {_unitCode} không thuộc nhóm xếp hạng nào của kỳ {_cycleId}.");
        _state = states.Create<ScorecardState>(GetPrimaryKeyString());
        await _state.ReadStateAsync(cancellationToken);
        Recompute();
    }

    public Task<ScorecardView> GetAsync() => Task.FromResult(View());

    public async Task<ScorecardView> SetValuesAsync(ScoreChange change)
    {
        if (change.ExpectedVersion is not null && change.ExpectedVersion != _state.Etag)
            throw new InconsistentStateException(GetPrimaryKeyString(), change.ExpectedVersion, _state.Etag);

        var framework = _cycle.Cycle.FrameworkOf(_group);
        var card = new Scorecard(_unitCode, framework, _state.State.Items);
        var changes = card.Apply(change.Entries); // throws, listing every bad value, before anything is stored
        var at = DateTimeOffset.UtcNow;

        // The state is changed in place, only the items that changed, and put back if the write fails: a
        // new copy of every value per write made each write leave long-lived garbage behind.
        var state = _state.State;
        var previousResult = state.Result;
        var undo = new List<(string ItemCode, ItemValues? Before)>();
        foreach (var code in changes.Select(c => c.Entry.ItemCode).Distinct(StringComparer.Ordinal))
        {
            undo.Add((code, state.Items.GetValueOrDefault(code)));
            state.Items[code] = card[code];
        }
        state.GroupCode = _group.Code;
        state.Result = ScoringPolicy.Compute(_unitCode, framework, state.Items, _group.Scoring);
        state.PendingAudit = changes.Select(c => new AuditEntry(c.Entry.ItemCode, c.Entry.Kind, c.OldValue, c.Entry.Value, c.OldNote, c.Entry.Note, change.User, change.Origin, at)).ToList();
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
        catch
        {
            foreach (var (code, before) in undo)
            {
                if (before is null) state.Items.Remove(code);
                else state.Items[code] = before;
            }
            state.Result = previousResult;
            state.PendingAudit = [];
            throw;
        }
        _state.State.PendingAudit.Clear();
        await Ranking.ResultChangedAsync(_state.State.Result!);
        return View();
    }

    public async Task<ScorecardView> ReloadAsync()
    {
        await _state.ReadStateAsync();
        Recompute();
        await Ranking.ResultChangedAsync(_state.State.Result!);
        return View();
    }

    private IRankingGrain Ranking => GrainFactory.GetGrain<IRankingGrain>(GrainKeys.Ranking(_cycleId, _group.AssessorCode, _group.Code));

    private void Recompute()
    {
        _state.State.GroupCode = _group.Code;
        _state.State.Result = ScoringPolicy.Compute(_unitCode, _cycle.Cycle.FrameworkOf(_group), _state.State.Items, _group.Scoring);
    }

    private ScorecardView View() =>
        new(_cycleId, _unitCode, _group.Code, new Dictionary<string, ItemValues>(_state.State.Items), _state.State.Result!, _state.Etag ?? "0");
}
