namespace ParIndex.Silo.Tests.Hosting;

public sealed class GrainConcurrencyTests
{
    [Fact]
    public async Task A_thousand_concurrent_increments_on_one_grain_lose_nothing()
    {
        await using var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("hot");

        // From many threads at once; each increment reads, yields, then writes.
        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => grain.Increment())));

        Assert.Equal(1000, await grain.GetCount());
    }

    [Fact]
    public async Task Calls_run_in_the_order_they_were_issued()
    {
        await using var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("ordered");

        // Hold the grain busy so that every later call queues up behind it.
        var blocker = grain.HoldUntilReleased();
        await test.Probe.WaitFor("started:ordered");
        var calls = Enumerable.Range(0, 500).Select(grain.Append).ToList();
        test.Probe.Release("finish:ordered");
        await blocker;
        await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 500), await grain.GetAppended());
    }

    [Fact]
    public async Task Two_grains_serve_calls_at_the_same_time()
    {
        await using var test = new TestHost();

        // Each call completes only once the other grain's call has started: a host that ran one
        // call at a time overall would never finish.
        var a = test.Grain<IRendezvousGrain>("a").Meet("b");
        var b = test.Grain<IRendezvousGrain>("b").Meet("a");

        await Task.WhenAll(a, b).WaitAsync(GrainProbe.Guard);
    }

    [Fact]
    public async Task A_grain_that_blocks_its_thread_does_not_stop_another_grain()
    {
        await using var test = new TestHost();

        // Both calls block their threads until the other has started, so they must run on two threads.
        var a = test.Grain<IRendezvousGrain>("a").BlockThreadUntilStarted("b");
        await test.Probe.WaitFor("blocked:a");
        var b = test.Grain<IRendezvousGrain>("b").BlockThreadUntilStarted("a");

        await Task.WhenAll(a, b).WaitAsync(GrainProbe.Guard);
    }

    [Fact]
    public async Task A_call_chain_across_three_grains_completes()
    {
        await using var test = new TestHost();

        var answer = await test.Grain<IChainGrain>("a").Relay(["b", "c"]).WaitAsync(GrainProbe.Guard);

        Assert.Equal("a>b>c", answer);
        Assert.Equal(3, test.Host.ActivationCount);
    }

    [Fact]
    public async Task A_caller_continuation_never_runs_inside_the_grain_mailbox()
    {
        await using var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("inline");

        // A synchronous continuation that waits for the next call on the same grain: if it ran on the
        // mailbox's worker, that worker could never run the next call.
        var next = grain.Increment().ContinueWith(
            _ => BlockUntilCompleted(grain.GetCount()),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        Assert.True(await next.WaitAsync(GrainProbe.Guard));
    }

    private static bool BlockUntilCompleted(Task task) => task.Wait(GrainProbe.Guard);
}
