using ParIndex.Grains.Abstractions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;

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
        if (_state.State.Status == ScorecardStatus.Published)
            throw new DomainException($"Kết quả của đơn vị {_unitCode} đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh.");

        var previous = _state.State;
        var card = new Scorecard(_unitCode, _cycle.Cycle.FrameworkOf(_group), previous.Items);
        var changes = card.Apply(change.Entries); // throws, listing every bad value, before anything is stored
        var at = DateTimeOffset.UtcNow;
        _state.State = new ScorecardState
        {
            Items = new(card.Items, StringComparer.Ordinal),
            GroupCode = _group.Code,
            Status = previous.Status,
            Result = ScoringPolicy.Compute(card, _group.Scoring),
            PendingAudit = changes.Select(c => new AuditEntry(c.Entry.ItemCode, c.Entry.Kind, c.OldValue, c.Entry.Value, c.OldNote, c.Entry.Note, change.User, change.Origin, at)).ToList(),
        };
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
            _state.State = previous;
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
        var card = new Scorecard(_unitCode, _cycle.Cycle.FrameworkOf(_group), _state.State.Items);
        _state.State.GroupCode = _group.Code;
        _state.State.Result = ScoringPolicy.Compute(card, _group.Scoring);
    }

    private ScorecardView View() =>
        new(_cycleId, _unitCode, _group.Code, new Dictionary<string, ItemValues>(_state.State.Items), _state.State.Result!, _state.Etag ?? "0");
}
