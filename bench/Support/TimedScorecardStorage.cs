using System.Collections.Concurrent;
using System.Diagnostics;
using ParIndex.Grains.Contracts;

namespace ParIndex.Bench.Support;

/// <summary>
/// The product's scorecard storage with a stopwatch around each write, so that propagation can be timed
/// without the commit (which the durable-writes phase measures). It forwards every call unchanged.
/// </summary>
public sealed class TimedScorecardStorage(IStateStore<ScorecardState> inner) : IStateStore<ScorecardState>, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, long> _writeTicks = new(StringComparer.Ordinal);

    public IStateStore<ScorecardState> Inner => inner;

    public Task<(ScorecardState State, string? Etag)> ReadAsync(string grainKey, CancellationToken cancellationToken) =>
        inner.ReadAsync(grainKey, cancellationToken);

    public async Task<string> WriteAsync(string grainKey, ScorecardState state, string? expectedEtag, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.WriteAsync(grainKey, state, expectedEtag, cancellationToken);
        }
        finally
        {
            _writeTicks[grainKey] = Stopwatch.GetTimestamp() - start;
        }
    }

    /// <summary>How long the last write of this grain took (stopwatch ticks), and forgets it.</summary>
    public long TakeWriteTicks(string grainKey) => _writeTicks.TryRemove(grainKey, out var ticks) ? ticks : 0;

    public ValueTask DisposeAsync() => inner is IAsyncDisposable d ? d.DisposeAsync() : ValueTask.CompletedTask;
}
