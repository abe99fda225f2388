using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Storage;

namespace ParIndex.Silo.Tests.Storage;

/// <summary>A scorecard's stored state as an Orleans grain sees it through ParIndexGrainStorage.</summary>
[GenerateSerializer, Immutable]
public sealed record StoredView([property: Id(0)] string? ETag, [property: Id(1)] bool RecordExists, [property: Id(2)] int Items,
    [property: Id(3)] decimal? Self, [property: Id(4)] string Silo);

/// <summary>
/// A grain that only reads and writes a scorecard's state: what the storage provider is tested with, on Orleans'
/// own runtime, before the real grains move onto it.
/// </summary>
[Alias("ParIndex.Tests.IStoredScorecardGrain")]
public interface IStoredScorecardGrain : IGrainWithStringKey
{
    [Alias("Read")] Task<StoredView> ReadAsync();

    /// <summary>Sets one item's self score and writes the state: the new ETag.</summary>
    [Alias("SetSelf")] Task<StoredView> SetSelfAsync(string item, decimal value);
}

public sealed class StoredScorecardGrain(
    [PersistentState("scorecard", GrainStorage.Name)] IPersistentState<ScorecardState> card) : Grain, IStoredScorecardGrain
{
    public Task<StoredView> ReadAsync() => Task.FromResult(View());

    public async Task<StoredView> SetSelfAsync(string item, decimal value)
    {
        var before = card.State.Items.GetValueOrDefault(item) ?? ItemValues.Empty;
        card.State.Items[item] = before with { Self = value };
        card.State.PendingAudit = [new AuditEntry(item, ScoreKind.Self, before.Self, value, null, null, "tester", "test", DateTimeOffset.UtcNow)];
        await card.WriteStateAsync();
        card.State.PendingAudit = [];
        return View();
    }

    private StoredView View() => new(card.Etag, card.RecordExists, card.State.Items.Count,
        card.State.Items.GetValueOrDefault("1.1.1")?.Self, ServiceProvider.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString());
}
