using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Implementation;

/// <summary>Holds a cycle's definition, loaded once from the store, and owns what of it changes during the cycle (the deadline).</summary>
[GrainType(GrainTypes.Cycle)]
public sealed class CycleGrain(ICycleStore store) : Grain, ICycleGrain
{
    private CycleDefinition? _definition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _definition = await store.LoadAsync(this.GetPrimaryKeyString(), cancellationToken);

    public async Task<CycleDefinition> GetDefinitionAsync()
    {
        // A cycle imported after this activation asked for it is found on the next call.
        _definition ??= await store.LoadAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        return _definition ?? throw new NotFoundException($"Không có kỳ đánh giá \"{this.GetPrimaryKeyString()}\".");
    }

    public async Task<CycleDefinition> ReloadAsync()
    {
        _definition = await store.LoadAsync(this.GetPrimaryKeyString(), CancellationToken.None);
        return await GetDefinitionAsync();
    }

    public async Task<CycleDefinition> SetSelfAssessmentDeadlineAsync(DateOnly deadline, string user)
    {
        await store.SetSelfAssessmentDeadlineAsync(this.GetPrimaryKeyString(), deadline, user, CancellationToken.None);
        return await ReloadAsync();
    }
}
