using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Hosting;

/// <summary>
/// The in-process grain host: one activation per (grain interface, key), created on the first call and
/// deactivated when idle. It stands in for an Orleans silo until one can be built here (see
/// ARCHITECTURE.md, "Orleans"); it has no networking, placement, timers or streams.
/// </summary>
public sealed class GrainHost : IGrainFactory, IAsyncDisposable, IDisposable
{
    private readonly Dictionary<Type, GrainType> _types;
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly GrainHostOptions _options;
    private readonly CancellationTokenSource _stopSweep = new();
    private readonly Task _sweep;
    private readonly Lock _disposeLock = new();
    private Task? _disposal;
    private volatile bool _disposed;

    internal GrainHost(
        IServiceProvider services,
        IEnumerable<GrainRegistration> registrations,
        GrainHostOptions options,
        TimeProvider time,
        GrainTelemetry telemetry,
        ILogger<GrainHost> logger)
    {
        options.Validate();
        Services = services;
        Time = time;
        Telemetry = telemetry;
        Logger = logger;
        _options = options;
        _types = [];
        foreach (var registration in registrations)
        {
            if (_types.ContainsKey(registration.Interface))
                throw new InvalidOperationException($"{registration.Interface.Name} is registered twice; one grain class per grain interface.");
            _types[registration.Interface] = new GrainType(registration.Interface, registration.GrainClass);
        }
        _sweep = options.SweepInterval == Timeout.InfiniteTimeSpan ? Task.CompletedTask : SweepAsync(_stopSweep.Token);
    }

    internal IServiceProvider Services { get; }
    internal TimeProvider Time { get; }
    internal GrainTelemetry Telemetry { get; }
    internal ILogger Logger { get; }

    /// <summary>Activations in memory, including ones being deactivated.</summary>
    public int ActivationCount => _activations.Count;

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(key);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_types.TryGetValue(typeof(TGrain), out var type))
            throw new InvalidOperationException($"No grain class is registered for {typeof(TGrain).Name}; call services.AddGrain<{typeof(TGrain).Name}, TGrain>().");

        var reference = (GrainReference)DispatchProxy.Create(typeof(TGrain), typeof(GrainReference));
        reference.Initialize(this, new GrainId(type, key));
        return (TGrain)(object)reference;
    }

    /// <summary>Deactivates the activations idle for at least <see cref="GrainHostOptions.IdleTimeout"/>, as the sweep does.</summary>
    /// <returns>How many were deactivated.</returns>
    public Task<int> DeactivateIdleAsync(CancellationToken cancellationToken = default) =>
        DeactivateIdleAsync(_options.IdleTimeout, cancellationToken);

    /// <summary>
    /// Deactivates the activations idle for at least <paramref name="idleFor"/>; <see cref="TimeSpan.Zero"/>
    /// deactivates every activation that is not busy now. Completes when their OnDeactivateAsync has run.
    /// </summary>
    /// <returns>How many were deactivated.</returns>
    public async Task<int> DeactivateIdleAsync(TimeSpan idleFor, CancellationToken cancellationToken = default)
    {
        var now = Time.GetTimestamp();
        var closed = new List<Task>();
        foreach (var (_, activation) in _activations)
        {
            if (activation.TryCloseIfIdle(now, idleFor, cancellationToken)) closed.Add(activation.Deactivated);
        }
        await Task.WhenAll(closed);
        return closed.Count;
    }

    /// <summary>
    /// Deactivates every activation, for shutdown: calls already queued finish first, and calls they make
    /// still succeed (on fresh activations, deactivated in turn). Completes when none is left. The token
    /// reaches OnDeactivateAsync; once canceled, this stops waiting (disposal still waits for the rest).
    /// </summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken = default)
    {
        while (!_activations.IsEmpty)
        {
            var all = new List<Task>();
            foreach (var (_, activation) in _activations)
            {
                activation.Close(cancellationToken);
                all.Add(activation.Deactivated);
            }
            await Task.WhenAll(all).WaitAsync(cancellationToken);
        }
    }

    /// <summary>Queues a call in the activation of <paramref name="id"/>, creating the activation if needed.</summary>
    internal void Dispatch(GrainId id, GrainCall call)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var activation = _activations.GetOrAdd(id, static (id, host) => new GrainActivation(host, id, Task.CompletedTask), this);
        while (!activation.TryEnqueue(call))
        {
            // Closed (deactivating): never drop the call; give it a successor that activates once the
            // closed one has finished deactivating. If another caller got there first, use theirs.
            var successor = new GrainActivation(this, id, activation.Deactivated);
            activation = _activations.TryUpdate(id, successor, activation)
                ? successor
                : _activations.GetOrAdd(id, static (id, host) => new GrainActivation(host, id, Task.CompletedTask), this);
        }
        // A call that raced with disposal still runs; make sure its grain is deactivated afterwards.
        if (_disposed) activation.Close(CancellationToken.None);
    }

    internal void Remove(GrainActivation activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.Id, activation));

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.SweepInterval, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    // Not the stop token: a deactivation the sweep has begun is allowed to finish its write.
                    await DeactivateIdleAsync(_options.IdleTimeout, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Logger.LogError(e, "The idle-grain sweep failed.");
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the sweep and deactivates every grain; later calls throw ObjectDisposedException.</summary>
    public ValueTask DisposeAsync()
    {
        // The container may dispose the host twice (it is registered as GrainHost and IGrainFactory).
        lock (_disposeLock) _disposal ??= DisposeCoreAsync();
        return new ValueTask(_disposal);
    }

    // For a container disposed synchronously; shutdown blocks until the grains are deactivated.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task DisposeCoreAsync()
    {
        _stopSweep.Cancel();
        await _sweep;
        // Calls made while draining (grain to grain) are still accepted; afterwards none are.
        await DeactivateAllAsync();
        _disposed = true;
        await DeactivateAllAsync();
        _stopSweep.Dispose();
    }
}

/// <summary>A grain interface and the class that implements it, as registered by AddGrain.</summary>
internal sealed record GrainRegistration(Type Interface, Type GrainClass);
