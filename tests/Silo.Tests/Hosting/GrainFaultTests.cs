namespace ParIndex.Silo.Tests.Hosting;

public sealed class GrainFaultTests
{
    [Fact]
    public async Task An_exception_fails_only_that_call_and_the_grain_keeps_serving()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IFaultyGrain>("f");
        Assert.Equal(1, await grain.CountCalls());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync());

        Assert.Equal("boom", error.Message);
        Assert.Equal(3, await grain.CountCalls()); // same instance, its fields intact
        Assert.Equal(1, test.Probe.Activations("f"));
    }

    [Fact]
    public async Task Calls_queued_behind_a_failing_call_still_run()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IFaultyGrain>("f");

        var failing = grain.FailAsync();
        var next = grain.CountCalls();

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal(2, await next);
    }

    [Fact]
    public async Task An_exception_thrown_before_the_first_await_reaches_the_caller_unwrapped()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IFaultyGrain>("f");

        await Assert.ThrowsAsync<ArgumentException>(() => grain.ThrowSynchronously());

        Assert.Equal(2, await grain.CountCalls());
    }

    [Fact]
    public async Task A_canceled_grain_task_reaches_the_caller_as_canceled()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IFaultyGrain>("f");

        var call = grain.Cancel();

        await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.True(call.IsCanceled);
        Assert.Equal(1, await grain.CountCalls());
    }

    [Fact]
    public async Task A_failed_activation_fails_that_call_and_the_next_call_activates_afresh()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IFaultyGrain>("f");
        test.Probe.FailNextActivations(1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.CountCalls());

        Assert.Equal("activation failed", error.Message);
        Assert.Equal(1, await grain.CountCalls()); // a new instance: the failed one's count is gone
        Assert.Equal(2, await grain.GetInstanceNumber());
        Assert.Equal(0, test.Probe.Deactivations("f")); // a grain that never activated is not deactivated
    }

    [Fact]
    public async Task Calls_queued_behind_a_failed_activation_get_a_fresh_activation()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IFaultyGrain>("f");
        test.Probe.FailNextActivations(1);

        var first = grain.CountCalls();
        var second = grain.CountCalls();
        var third = grain.GetInstanceNumber();

        await Assert.ThrowsAsync<InvalidOperationException>(() => first);
        Assert.Equal(1, await second);
        Assert.Equal(2, await third);
    }
}
