using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ParIndex.Grains.Contracts;

namespace ParIndex.Silo.Storage;

/// <summary>
/// Orleans' grain storage over the project's own stores (the EF Core tables and their group-commit writer, on
/// SQLite and PostgreSQL alike): `[PersistentState(name, GrainStorage.Name)]` reads and writes through the
/// <see cref="IStateStore{TState}"/> registered for the state's type. The version is the ETag: a stale write raises
/// Orleans' <see cref="InconsistentStateException"/> (from the store) and writes nothing.
/// </summary>
public sealed class ParIndexGrainStorage(IServiceProvider services) : IGrainStorage
{
    private readonly ConcurrentDictionary<Type, IUntypedStore> _stores = new();

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var (state, etag) = await Store<T>().ReadAsync(KeyOf(grainId));
        grainState.State = (T)state;
        grainState.ETag = etag;
        grainState.RecordExists = etag is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        grainState.ETag = await Store<T>().WriteAsync(KeyOf(grainId), grainState.State!, grainState.ETag);
        grainState.RecordExists = true;
    }

    /// <summary>A scorecard's history is the audit: its state is never deleted.</summary>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        throw new NotSupportedException($"Trạng thái của {KeyOf(grainId)} không được xóa: phiếu điểm và nhật ký của nó được giữ nguyên.");

    /// <summary>The grain's string key, e.g. "par-2020-06/06-SNV": what the stores are keyed by.</summary>
    private static string KeyOf(GrainId grainId) => grainId.Key.ToString()!;

    private IUntypedStore Store<T>() => _stores.GetOrAdd(typeof(T), type =>
    {
        var store = services.GetService(typeof(IStateStore<>).MakeGenericType(type))
            ?? throw new InvalidOperationException($"No store is registered for grain state {type.Name}.");
        return (IUntypedStore)Activator.CreateInstance(typeof(UntypedStore<>).MakeGenericType(type), store)!;
    });

    /// <summary>A store seen without its type's constraints (Orleans' state types have none).</summary>
    private interface IUntypedStore
    {
        Task<(object State, string? Etag)> ReadAsync(string key);
        Task<string> WriteAsync(string key, object state, string? expectedEtag);
    }

    private sealed class UntypedStore<TState>(IStateStore<TState> store) : IUntypedStore where TState : class, new()
    {
        public async Task<(object State, string? Etag)> ReadAsync(string key)
        {
            var (state, etag) = await store.ReadAsync(key, CancellationToken.None);
            return (state ?? new TState(), etag);
        }

        public Task<string> WriteAsync(string key, object state, string? expectedEtag) =>
            store.WriteAsync(key, (TState)state, expectedEtag, CancellationToken.None);
    }
}
