using Orleans.Concurrency;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>
/// Holds a cycle's definition and its published groups, loaded once from the store, and owns what of it changes
/// during the cycle (the deadline; the published groups, told by each group's ranking grain once it has published).
/// </summary>
[GrainType(GrainTypes.Cycle)]
public sealed class CycleGrain(ICycleStore store, IPublicationStore publications) : Grain, ICycleGrain
{
    private CycleDefinition? _definition;
    private IReadOnlySet<string> _published = new HashSet<string>();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        _definition = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);
        _published = await publications.LoadPublishedGroupsAsync(this.GetPrimaryKeyString(), cancellationToken);
    }

    public async Task<CycleDefinition> GetDefinitionAsync()
    {
        // A cycle imported after this activation asked for it is found on the next call.
        _definition ??= await store.LoadAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        return _definition ?? throw new NotFoundException($"Không có kỳ đánh giá \"{this.GetPrimaryKeyString()}\".");
    }

    public async Task<CycleDefinition> ReloadAsync()
    {
        await LoadAsync(CancellationToken.None);
        return await GetDefinitionAsync();
    }

    public async Task<CycleDefinition> SetSelfAssessmentDeadlineAsync(DateOnly deadline, string user)
    {
        await store.SetSelfAssessmentDeadlineAsync(this.GetPrimaryKeyString(), deadline, user, CancellationToken.None);
        return await ReloadAsync();
    }

    public Task<Immutable<IReadOnlySet<string>>> GetPublishedGroupsAsync() => Task.FromResult(_published.AsImmutable());

    public async Task<CycleReading> GetReadingAsync() => new(await GetDefinitionAsync(), _published);

    public Task GroupPublishedAsync(string groupCode)
    {
        if (!_published.Contains(groupCode)) _published = new HashSet<string>(_published, StringComparer.Ordinal) { groupCode };
        return Task.CompletedTask;
    }
}
