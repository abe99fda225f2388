using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Hosting;

/// <summary>
/// One grain in memory and its mailbox. Calls run one at a time in arrival order: a lock-protected
/// FIFO queue drained by at most one worker, which is started on the thread pool when the first call
/// arrives and ends when the queue is empty. (SemaphoreSlim would serialize too, but it does not
/// promise FIFO order.) The grain is created inside the first call, so activation failure fails
/// that call only.
/// </summary>
/// <remarks>
/// Once closed, an activation takes no new calls; it drains what it has, runs OnDeactivateAsync and
/// leaves the host. A call refused here goes to a successor activation, which waits for this one's
/// deactivation before it activates, so the successor reads the state this one wrote last.
/// There is no reentrancy: a grain that awaits a call to itself, or to a grain that calls it back,
/// waits forever. The project's grains only notify upward, so this does not arise.
/// </remarks>
internal sealed class GrainActivation
{
    private readonly GrainHost _host;
    private readonly GrainId _id;
    private readonly Task _predecessorDeactivated;
    private readonly Lock _lock = new();
    private readonly Queue<GrainCall> _mailbox = new();
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Guarded by _lock. _running: a worker owns the mailbox. _callInProgress: a call has been taken from
    // the mailbox and its caller not yet completed (the worker may still run a little after that).
    private bool _running;
    private bool _callInProgress;
    private bool _closed;
    private long _idleSince;
    private CancellationToken _deactivationToken;

    // Touched only by the worker, one call at a time.
    private Grain? _grain;
    private AsyncServiceScope _scope;

    public GrainActivation(GrainHost host, GrainId id, Task predecessorDeactivated)
    {
        _host = host;
        _id = id;
        _predecessorDeactivated = predecessorDeactivated;
        _idleSince = host.Time.GetTimestamp();
    }

    public GrainId Id => _id;

    /// <summary>Completes (never faults) when the grain has been deactivated and removed from the host.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Queues a call; false if this activation is closed and the call must go to a successor.</summary>
    public bool TryEnqueue(GrainCall call)
    {
        lock (_lock)
        {
            if (_closed) return false;
            _mailbox.Enqueue(call);
            if (_running) return true;
            _running = true;
        }
        StartWorker();
        return true;
    }

    /// <summary>Closes the activation if it has been idle for at least <paramref name="idleFor"/>.</summary>
    public bool TryCloseIfIdle(long now, TimeSpan idleFor, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_closed || _callInProgress || _mailbox.Count > 0) return false;
            if (_host.Time.GetElapsedTime(_idleSince, now) < idleFor) return false;
            _closed = true;
            _deactivationToken = cancellationToken;
            // A worker that has just completed its last caller finds the mailbox closed and deactivates.
            if (_running) return true;
            _running = true;
        }
        StartWorker();
        return true;
    }

    /// <summary>Closes the activation now; calls already queued still run before it deactivates.</summary>
    public void Close(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_closed) return;
            _closed = true;
            _deactivationToken = cancellationToken;
            if (_running) return;
            _running = true;
        }
        StartWorker();
    }

    // UnsafeQueueUserWorkItem does not flow the ExecutionContext: the worker must not inherit the
    // AsyncLocals (current span, logging scopes) of whichever caller happened to wake it.
    private void StartWorker() =>
        ThreadPool.UnsafeQueueUserWorkItem(static activation => _ = activation.RunAsync(), this, preferLocal: true);

    private async Task RunAsync()
    {
        while (true)
        {
            GrainCall? call;
            lock (_lock)
            {
                if (_mailbox.TryDequeue(out call))
                {
                    _callInProgress = true;
                }
                else if (!_closed)
                {
                    _running = false;
                    return;
                }
            }

            if (call is null)
            {
                await DeactivateAsync();
                return;
            }

            try
            {
                await RunCallAsync(call);
            }
            catch (Exception e)
            {
                // RunCallAsync completes the caller in all cases; only a throwing metrics listener gets here.
                _host.Logger.LogError(e, "Grain {GrainId}: error after a call to {Method}.", _id, call.Method.Name);
            }
        }
    }

    private async Task RunCallAsync(GrainCall call)
    {
        var start = Stopwatch.GetTimestamp();
        Activity? activity = null;
        Task? result = null;
        Exception? error = null;
        try
        {
            activity = GrainTelemetry.StartCall(call.Method, _id.Key, call.Parent);
            _grain ??= await ActivateAsync();
            result = call.Method.Invoke(_grain, call.Arguments);
            // Awaited here, so the next call starts only when this one has finished (no interleaving).
            await result.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!result.IsCompletedSuccessfully)
                error = result.Exception?.InnerException ?? new TaskCanceledException(result);
        }
        catch (Exception e)
        {
            error = e;
            result = null;
        }
        finally
        {
            try
            {
                // Recorded before the caller resumes, so a caller that reads telemetry sees its own call.
                _host.Telemetry.EndCall(call.Method, activity, start, error);
            }
            finally
            {
                // Idle from now on, before the caller resumes: a caller that then asks the host to
                // deactivate idle grains finds this one idle.
                lock (_lock)
                {
                    _callInProgress = false;
                    _idleSince = _host.Time.GetTimestamp();
                }
                if (result is null) call.Fail(error!);
                else call.Complete(result);
            }
        }
    }

    private async Task<Grain> ActivateAsync()
    {
        if (!_predecessorDeactivated.IsCompleted) await _predecessorDeactivated;

        // One DI scope per activation, as in Orleans: scoped services live as long as the grain.
        var scope = _host.Services.CreateAsyncScope();
        try
        {
            var grain = (Grain)_id.Type.CreateGrain(scope.ServiceProvider, null);
            grain.Bind(_id.Key, _host);
            await grain.OnActivateAsync(CancellationToken.None);
            _scope = scope;
            _host.Telemetry.ActivationChanged(_id.Type.Name, +1);
            return grain;
        }
        catch
        {
            // The instance is dropped; the next call in this mailbox creates a fresh one.
            await scope.DisposeAsync();
            throw;
        }
    }

    private async Task DeactivateAsync()
    {
        try
        {
            if (_grain is not null)
            {
                try
                {
                    await _grain.OnDeactivateAsync(_deactivationToken);
                }
                catch (Exception e)
                {
                    _host.Logger.LogError(e, "Grain {GrainId}: OnDeactivateAsync failed.", _id);
                }
                _grain = null;
                _host.Telemetry.ActivationChanged(_id.Type.Name, -1);
                await _scope.DisposeAsync();
            }
        }
        catch (Exception e)
        {
            _host.Logger.LogError(e, "Grain {GrainId}: error while deactivating.", _id);
        }
        finally
        {
            // Leave the host only after OnDeactivateAsync: a later call then activates a fresh grain
            // that reads what this one wrote.
            _host.Remove(this);
            _deactivated.SetResult();
        }
    }
}
