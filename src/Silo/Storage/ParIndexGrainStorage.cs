using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using StateStorage = ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Storage;

/// <summary>
/// Orleans' grain storage over the project's own stores (the EF Core tables and their group-commit writer, on
/// SQLite and PostgreSQL alike): `[PersistentState(name, ParIndexGrainStorage.Name)]` reads and writes through
/// the store registered for the state's type. The scorecard's version is the ETag: a stale write raises Orleans'
/// <see cref="InconsistentStateException"/> and writes nothing.
/// </summary>
public sealed class ParIndexGrainStorage(IServiceProvider services) : IGrainStorage
{
    /// <summary>The provider's name in `[PersistentState]`.</summary>
    public const string Name = "parindex";

    private readonly ConcurrentDictionary<Type, IStateStore> _stores = new();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (state, etag) = await Store<T>().ReadAsync(KeyOf(grainId));
        grainState.State = (T)state;
        grainState.ETag = etag;
        grainState.RecordExists = etag is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        try
        {
            grainState.ETag = await Store<T>().WriteAsync(KeyOf(grainId), grainState.State!, grainState.ETag);
            grainState.RecordExists = true;
        }
        catch (StateStorage.InconsistentStateException e)
        {
            // Orleans' own exception: the caller sees it, and Orleans deactivates the stale activation.
            throw new InconsistentStateException(e.Message, e.StoredEtag ?? "", e.ExpectedEtag ?? "");
        }
    }

    /// <summary>A scorecard's history is the audit: its state is never deleted.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException($"Trạng thái của {KeyOf(grainId)} không được xóa: phiếu điểm và nhật ký của nó được giữ nguyên.");

    /// <summary>The grain's string key, e.g. "par-2020-06/06-SNV": what the stores are keyed by.</summary>
    private static string KeyOf(GrainId grainId) => grainId.Key.ToString()!;

    private IStateStore Store<T>() => _stores.GetOrAdd(typeof(T), type =>
    {
        var storage = services.GetService(typeof(StateStorage.IGrainStorage<>).MakeGenericType(type))
            ?? throw new InvalidOperationException($"No store is registered for grain state {type.Name}.");
        return (IStateStore)Activator.CreateInstance(typeof(StateStore<>).MakeGenericType(type), storage)!;
    });

    /// <summary>A store seen without its type's constraints (Orleans' state types have none).</summary>
    private interface IStateStore
    {
        Task<(object State, string? Etag)> ReadAsync(string key);
        Task<string> WriteAsync(string key, object state, string? expectedEtag);
    }

    private sealed class StateStore<TState>(StateStorage.IGrainStorage<TState> storage) : IStateStore where TState : class, new()
    {
        public async Task<(object State, string? Etag)> ReadAsync(string key)
        {
            var (state, etag) = await storage.ReadAsync(key, CancellationToken.None);
            return (state ?? new TState(), etag);
        }

        public Task<string> WriteAsync(string key, object state, string? expectedEtag) =>
            storage.WriteAsync(key, (TState)state, expectedEtag, CancellationToken.None);
    }
}
