using System.Globalization;
using System.Text.Json;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Hosting;

/// <summary>
/// Grain state kept in memory, for tests and for running without a database. Thread-safe. The ETag of a
/// record is its version number ("1", "2", ...). States are stored as JSON copies so that, as with a
/// real database, a reader never shares an object with the writer and a change the grain did not write
/// is not persisted.
/// </summary>
public sealed class InMemoryGrainStorage<TState> : IGrainStorage<TState> where TState : class, new()
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (byte[] Json, long Version)> _records = new(StringComparer.Ordinal);

    public Task<(TState State, string? Etag)> ReadAsync(string grainKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        cancellationToken.ThrowIfCancellationRequested();
        (byte[] Json, long Version) record;
        lock (_lock)
        {
            if (!_records.TryGetValue(grainKey, out record)) return Task.FromResult<(TState, string?)>((new TState(), null));
        }
        var state = JsonSerializer.Deserialize<TState>(record.Json) ?? new TState();
        return Task.FromResult<(TState, string?)>((state, ToEtag(record.Version)));
    }

    public Task<string> WriteAsync(string grainKey, TState state, string? expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainKey);
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        var json = JsonSerializer.SerializeToUtf8Bytes(state);
        lock (_lock)
        {
            var exists = _records.TryGetValue(grainKey, out var stored);
            var storedEtag = exists ? ToEtag(stored.Version) : null;
            if (!string.Equals(storedEtag, expectedEtag, StringComparison.Ordinal))
                return Task.FromException<string>(new InconsistentStateException(grainKey, expectedEtag, storedEtag));

            var version = exists ? stored.Version + 1 : 1;
            _records[grainKey] = (json, version);
            return Task.FromResult(ToEtag(version));
        }
    }

    private static string ToEtag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
