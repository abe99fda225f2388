using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Hosting;

/// <summary>
/// A grain's state over an <see cref="IGrainStorage{TState}"/>. Every write sends the ETag of the last
/// read or write; if another writer has changed the record since, the storage throws
/// <see cref="InconsistentStateException"/> and <see cref="Etag"/> stays as it was.
/// </summary>
public sealed class PersistentState<TState>(string grainKey, IGrainStorage<TState> storage) : IPersistentState<TState>
    where TState : class, new()
{
    private TState _state = new();

    public TState State
    {
        get => _state;
        set => _state = value ?? throw new ArgumentNullException(nameof(value));
    }

    public string? Etag { get; private set; }

    public bool RecordExists => Etag is not null;

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var (state, etag) = await storage.ReadAsync(grainKey, cancellationToken);
        _state = state ?? new TState();
        Etag = etag;
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        // Assigned only when the write succeeded.
        Etag = await storage.WriteAsync(grainKey, _state, Etag, cancellationToken);
    }
}

/// <summary>Creates persistent state over the <see cref="IGrainStorage{TState}"/> registered for the state type.</summary>
internal sealed class PersistentStateFactory(IServiceProvider services) : IPersistentStateFactory
{
    public IPersistentState<TState> Create<TState>(string grainKey) where TState : class, new() =>
        new PersistentState<TState>(grainKey, services.GetRequiredService<IGrainStorage<TState>>());
}
