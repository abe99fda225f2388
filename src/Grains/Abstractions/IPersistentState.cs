namespace ParIndex.Grains.Abstractions;

/// <summary>
/// A grain's persistent state, shaped like Orleans' IPersistentState&lt;T&gt;: read on activation,
/// written through with an ETag so that a concurrent writer is detected instead of overwritten.
/// </summary>
public interface IPersistentState<TState> where TState : class, new()
{
    TState State { get; set; }
    string? Etag { get; }
    bool RecordExists { get; }
    Task ReadStateAsync(CancellationToken cancellationToken = default);
    Task WriteStateAsync(CancellationToken cancellationToken = default);
}

/// <summary>Where one kind of grain state is stored (EF Core in the Silo; memory in tests).</summary>
public interface IGrainStorage<TState> where TState : class, new()
{
    /// <summary>Reads the state of a grain; a null ETag means no record yet.</summary>
    Task<(TState State, string? Etag)> ReadAsync(string grainKey, CancellationToken cancellationToken);

    /// <summary>Writes the state if the stored ETag still equals <paramref name="expectedEtag"/>; returns the new ETag.</summary>
    /// <exception cref="InconsistentStateException">Another writer changed the record since it was read.</exception>
    Task<string> WriteAsync(string grainKey, TState state, string? expectedEtag, CancellationToken cancellationToken);
}

/// <summary>Creates the persistent state of a grain from the registered storage of its state type.</summary>
public interface IPersistentStateFactory
{
    IPersistentState<TState> Create<TState>(string grainKey) where TState : class, new();
}

/// <summary>A write found a newer version than the one it was based on (a stale ETag).</summary>
public sealed class InconsistentStateException(string grainKey, string? expectedEtag, string? storedEtag)
    : Exception($"Dữ liệu của '{grainKey}' đã được người khác thay đổi (phiên bản {expectedEtag ?? "mới"} đã cũ, hiện là {storedEtag ?? "không có"}); hãy tải lại rồi ghi lại.")
{
    public string GrainKey { get; } = grainKey;
    public string? ExpectedEtag { get; } = expectedEtag;
    public string? StoredEtag { get; } = storedEtag;
}
