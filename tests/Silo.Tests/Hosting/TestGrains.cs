using System.Collections.Concurrent;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Tests.Hosting;

/// <summary>
/// Shared by the test grains of one service provider: counts activations and deactivations per key and
/// offers named signals, so that tests wait on handshakes instead of sleeping.
/// </summary>
public sealed class GrainProbe
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new();
    private readonly ConcurrentDictionary<string, int> _activations = new();
    private readonly ConcurrentDictionary<string, int> _deactivations = new();
    private readonly ConcurrentDictionary<string, bool> _held = new();
    private int _activationsToFail;

    public static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>A named one-shot signal, created on first use by whichever side comes first.</summary>
    public TaskCompletionSource Signal(string name) =>
        _signals.GetOrAdd(name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public Task WaitFor(string name) => Signal(name).Task.WaitAsync(Guard);

    /// <summary>Makes <see cref="PassIfReleased"/> wait at <paramref name="name"/> until <see cref="Release"/>.</summary>
    public void Hold(string name) => _held[name] = true;

    public void Release(string name) => Signal(name).TrySetResult();

    public Task PassIfReleased(string name) => _held.ContainsKey(name) ? WaitFor(name) : Task.CompletedTask;

    public void FailNextActivations(int count) => Volatile.Write(ref _activationsToFail, count);

    public bool ShouldFailActivation() => Interlocked.Decrement(ref _activationsToFail) >= 0;

    /// <summary>Records an activation; returns its number for the key (1 for the first).</summary>
    public int Activated(string key)
    {
        var n = _activations.AddOrUpdate(key, 1, (_, n) => n + 1);
        Signal($"activated:{key}#{n}").TrySetResult();
        return n;
    }

    public void Deactivated(string key)
    {
        var n = _deactivations.AddOrUpdate(key, 1, (_, n) => n + 1);
        Signal($"deactivated:{key}#{n}").TrySetResult();
    }

    public int Activations(string key) => _activations.GetValueOrDefault(key);

    public int Deactivations(string key) => _deactivations.GetValueOrDefault(key);
}

/// <summary>Reports its lifecycle to the probe; deactivation can be held at "deactivate:{key}".</summary>
public abstract class ProbedGrain(GrainProbe probe) : Grain
{
    protected GrainProbe Probe { get; } = probe;

    public int InstanceNumber { get; private set; }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        InstanceNumber = Probe.Activated(GetPrimaryKeyString());
        if (Probe.ShouldFailActivation()) throw new InvalidOperationException("activation failed");
        await OnActivatedAsync(cancellationToken);
    }

    protected virtual Task OnActivatedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        Probe.Signal($"deactivating:{GetPrimaryKeyString()}").TrySetResult();
        await Probe.PassIfReleased($"deactivate:{GetPrimaryKeyString()}");
        await OnDeactivatingAsync(cancellationToken);
        Probe.Deactivated(GetPrimaryKeyString());
    }

    protected virtual Task OnDeactivatingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public interface ICounterGrain : IGrainWithStringKey
{
    Task Increment();
    Task<int> GetCount();
    Task Append(int value);
    Task<IReadOnlyList<int>> GetAppended();
    Task<int> GetInstanceNumber();
    Task<string> Describe();
    /// <summary>Signals "started:{key}", then waits for "finish:{key}".</summary>
    Task HoldUntilReleased();
}

public sealed class CounterGrain(GrainProbe probe, TimeProvider injected) : ProbedGrain(probe), ICounterGrain
{
    private int _count;
    private bool _activated;
    private readonly List<int> _appended = [];

    protected override Task OnActivatedAsync(CancellationToken cancellationToken)
    {
        _activated = true;
        return Task.CompletedTask;
    }

    // Read, yield, write: two interleaved calls would lose an update.
    public async Task Increment()
    {
        var count = _count;
        await Task.Yield();
        _count = count + 1;
    }

    public Task<int> GetCount() => Task.FromResult(_count);

    public async Task Append(int value)
    {
        await Task.Yield();
        _appended.Add(value);
    }

    public Task<IReadOnlyList<int>> GetAppended() => Task.FromResult<IReadOnlyList<int>>(_appended.ToArray());

    public Task<int> GetInstanceNumber() => Task.FromResult(InstanceNumber);

    public Task<string> Describe() =>
        Task.FromResult($"key={GetPrimaryKeyString()} activated={_activated} injected={injected is not null}");

    public async Task HoldUntilReleased()
    {
        Probe.Signal($"started:{GetPrimaryKeyString()}").TrySetResult();
        await Probe.WaitFor($"finish:{GetPrimaryKeyString()}");
    }
}

public interface IRendezvousGrain : IGrainWithStringKey
{
    /// <summary>Signals that this call started, then awaits the other grain's call.</summary>
    Task Meet(string other);

    /// <summary>Signals that this call started, then blocks its thread until the other grain's call has started.</summary>
    Task BlockThreadUntilStarted(string other);
}

public sealed class RendezvousGrain(GrainProbe probe) : ProbedGrain(probe), IRendezvousGrain
{
    public async Task Meet(string other)
    {
        Probe.Signal($"met:{GetPrimaryKeyString()}").TrySetResult();
        await Probe.WaitFor($"met:{other}");
    }

    public Task BlockThreadUntilStarted(string other)
    {
        Probe.Signal($"blocked:{GetPrimaryKeyString()}").TrySetResult();
        // Deliberately blocks a thread-pool thread: the other grain must run on another one.
        if (!Probe.Signal($"blocked:{other}").Task.Wait(GrainProbe.Guard))
            throw new TimeoutException($"{other} never started.");
        return Task.CompletedTask;
    }
}

public interface IChainGrain : IGrainWithStringKey
{
    /// <summary>Calls the next key of <paramref name="path"/> and prefixes its answer with this key.</summary>
    Task<string> Relay(string[] path);
}

public sealed class ChainGrain(GrainProbe probe) : ProbedGrain(probe), IChainGrain
{
    public async Task<string> Relay(string[] path)
    {
        if (path.Length == 0) return GetPrimaryKeyString();
        var answer = await GrainFactory.GetGrain<IChainGrain>(path[0]).Relay(path[1..]);
        return $"{GetPrimaryKeyString()}>{answer}";
    }
}

public interface IFaultyGrain : IGrainWithStringKey
{
    Task<int> CountCalls();
    Task<int> FailAsync();
    Task ThrowSynchronously();
    Task Cancel();
    Task<int> GetInstanceNumber();
}

public sealed class FaultyGrain(GrainProbe probe) : ProbedGrain(probe), IFaultyGrain
{
    private int _calls;

    public Task<int> CountCalls() => Task.FromResult(++_calls);

    public async Task<int> FailAsync()
    {
        _calls++;
        await Task.Yield();
        throw new InvalidOperationException("boom");
    }

    public Task ThrowSynchronously()
    {
        _calls++;
        throw new ArgumentException("thrown before any await");
    }

    public Task Cancel() => Task.FromCanceled(new CancellationToken(canceled: true));

    public Task<int> GetInstanceNumber() => Task.FromResult(InstanceNumber);
}

public sealed class CounterState
{
    public int Count { get; set; }
}

public interface IStoredCounterGrain : IGrainWithStringKey
{
    /// <summary>Increments and writes through.</summary>
    Task Increment();

    /// <summary>Increments in memory only; the state is written on deactivation.</summary>
    Task IncrementInMemory();

    Task<int> GetCount();
    Task<int> GetInstanceNumber();
}

public sealed class StoredCounterGrain(GrainProbe probe, IPersistentStateFactory states) : ProbedGrain(probe), IStoredCounterGrain
{
    private IPersistentState<CounterState> _state = null!;

    protected override async Task OnActivatedAsync(CancellationToken cancellationToken)
    {
        _state = states.Create<CounterState>(GetPrimaryKeyString());
        await _state.ReadStateAsync(cancellationToken);
    }

    protected override Task OnDeactivatingAsync(CancellationToken cancellationToken) => _state.WriteStateAsync(cancellationToken);

    public async Task Increment()
    {
        _state.State.Count++;
        await _state.WriteStateAsync();
    }

    public Task IncrementInMemory()
    {
        _state.State.Count++;
        return Task.CompletedTask;
    }

    public Task<int> GetCount() => Task.FromResult(_state.State.Count);

    public Task<int> GetInstanceNumber() => Task.FromResult(InstanceNumber);
}

public interface IGreeterGrain : IGrainWithStringKey
{
    Task<string> Hello(string name);
}

public interface IPoliteGreeterGrain : IGreeterGrain
{
    Task<string> Bye(string name);
}

public sealed class PoliteGreeterGrain(GrainProbe probe) : ProbedGrain(probe), IPoliteGreeterGrain
{
    public Task<string> Hello(string name) => Task.FromResult($"hello {name}");

    public Task<string> Bye(string name) => Task.FromResult($"bye {name}");
}

public interface INotAGrainMethodGrain : IGrainWithStringKey
{
    int NotATask();
}

public sealed class NotAGrainMethodGrain : Grain, INotAGrainMethodGrain
{
    public int NotATask() => 0;
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks = TimeSpan.TicksPerDay;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
