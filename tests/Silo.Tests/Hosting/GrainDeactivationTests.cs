using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParIndex.Silo.Hosting;

namespace ParIndex.Silo.Tests.Hosting;

public sealed class GrainDeactivationTests
{
    [Fact]
    public async Task An_idle_grain_is_deactivated_by_the_sweep_once_the_idle_timeout_has_passed()
    {
        await using var test = new TestHost(o =>
        {
            o.IdleTimeout = TimeSpan.FromMilliseconds(20);
            o.SweepInterval = TimeSpan.FromMilliseconds(10);
        });
        var grain = test.Grain<ICounterGrain>("idle");
        await grain.Increment();

        await test.Probe.WaitFor("deactivated:idle#1");

        Assert.Equal(2, await grain.GetInstanceNumber());
    }

    [Fact]
    public async Task A_grain_is_kept_while_used_within_the_idle_timeout_and_collected_after_it()
    {
        var clock = new ManualTimeProvider();
        await using var test = new TestHost(o => o.IdleTimeout = TimeSpan.FromMinutes(10), s => s.AddSingleton<TimeProvider>(clock));
        var grain = test.Grain<ICounterGrain>("k");
        await grain.Increment();

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await test.Host.DeactivateIdleAsync());
        await grain.Increment(); // a call restarts the idle time

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await test.Host.DeactivateIdleAsync());
        Assert.Equal(0, test.Probe.Deactivations("k"));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await test.Host.DeactivateIdleAsync());
        Assert.Equal(1, test.Probe.Deactivations("k"));
        Assert.Equal(0, test.Host.ActivationCount);
    }

    [Fact]
    public async Task Forcing_deactivation_runs_OnDeactivateAsync_and_the_next_call_gets_a_fresh_activation()
    {
        await using var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("k");
        await grain.Increment();

        Assert.Equal(1, await test.Host.DeactivateIdleAsync(TimeSpan.Zero));

        Assert.Equal(1, test.Probe.Deactivations("k"));
        Assert.Equal(0, test.Host.ActivationCount);
        Assert.Equal(2, await grain.GetInstanceNumber());
        Assert.Equal(0, await grain.GetCount()); // memory-only state does not survive
    }

    [Fact]
    public async Task A_deactivated_grain_comes_back_with_its_persistent_state()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IStoredCounterGrain>("k");
        for (var i = 0; i < 3; i++) await grain.Increment();

        await test.Host.DeactivateIdleAsync(TimeSpan.Zero);

        Assert.Equal(3, await grain.GetCount());
        Assert.Equal(2, await grain.GetInstanceNumber());
    }

    [Fact]
    public async Task A_busy_grain_is_not_deactivated_as_idle()
    {
        await using var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("busy");
        var call = grain.HoldUntilReleased();
        await test.Probe.WaitFor("started:busy");

        Assert.Equal(0, await test.Host.DeactivateIdleAsync(TimeSpan.Zero));

        test.Probe.Release("finish:busy");
        await call;
        Assert.Equal(0, test.Probe.Deactivations("busy"));
        Assert.Equal(1, await grain.GetInstanceNumber());
    }

    [Fact]
    public async Task A_call_arriving_during_deactivation_waits_for_it_and_gets_a_fresh_activation_with_the_written_state()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IStoredCounterGrain>("k");
        for (var i = 0; i < 3; i++) await grain.IncrementInMemory(); // written only by OnDeactivateAsync
        test.Probe.Hold("deactivate:k");

        var deactivation = test.Host.DeactivateIdleAsync(TimeSpan.Zero);
        await test.Probe.WaitFor("deactivating:k");
        var count = grain.GetCount();

        // The new activation must not start before the old one has written its state. Nothing observable
        // happens in a correct host here, so give a faulty one a moment to activate early: this wait
        // cannot fail a correct host, it only lets the assertions below catch the fault.
        await Task.WhenAny(test.Probe.Signal("activated:k#2").Task, Task.Delay(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(1, test.Probe.Activations("k"));
        Assert.False(count.IsCompleted);
        test.Probe.Release("deactivate:k");
        Assert.Equal(1, await deactivation);
        Assert.Equal(3, await count.WaitAsync(GrainProbe.Guard));
        Assert.Equal(2, await grain.GetInstanceNumber());
    }

    [Fact]
    public async Task Calls_racing_with_repeated_deactivations_are_never_lost()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IStoredCounterGrain>("race");
        using var stop = new CancellationTokenSource();

        var collector = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) await test.Host.DeactivateIdleAsync(TimeSpan.Zero);
        });
        await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(() => grain.Increment())));
        await stop.CancelAsync();
        await collector;

        Assert.Equal(500, await grain.GetCount());
    }

    [Fact]
    public async Task Deactivating_all_lets_queued_calls_finish_then_deactivates_every_grain()
    {
        await using var test = new TestHost();
        var busy = test.Grain<ICounterGrain>("busy");
        await test.Grain<ICounterGrain>("idle").Increment();
        var held = busy.HoldUntilReleased();
        await test.Probe.WaitFor("started:busy");
        var queued = busy.Increment();

        var all = test.Host.DeactivateAllAsync();
        Assert.False(all.IsCompleted);
        test.Probe.Release("finish:busy");
        await all.WaitAsync(GrainProbe.Guard);

        await Task.WhenAll(held, queued);
        Assert.Equal(1, test.Probe.Deactivations("busy"));
        Assert.Equal(1, test.Probe.Deactivations("idle"));
        Assert.Equal(0, test.Host.ActivationCount);
    }

    [Fact]
    public async Task Disposing_the_host_deactivates_every_grain_and_refuses_later_calls()
    {
        var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("k");
        await grain.Increment();

        await test.Host.DisposeAsync();

        Assert.Equal(1, test.Probe.Deactivations("k"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => grain.Increment());
        Assert.Throws<ObjectDisposedException>(() => test.Grain<ICounterGrain>("k"));
        await test.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_the_application_deactivates_every_grain()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<GrainProbe>();
        builder.Services.AddGrainHost().AddGrain<ICounterGrain, CounterGrain>();
        using var app = builder.Build();
        await app.StartAsync();
        var probe = app.Services.GetRequiredService<GrainProbe>();
        await app.Services.GetRequiredService<ParIndex.Grains.Abstractions.IGrainFactory>().GetGrain<ICounterGrain>("k").Increment();

        await app.StopAsync();

        Assert.Equal(1, probe.Deactivations("k"));
    }
}
