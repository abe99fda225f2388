using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Abstractions;
using ParIndex.Silo.Hosting;

namespace ParIndex.Silo.Tests.Hosting;

public sealed class GrainActivationTests
{
    [Fact]
    public async Task A_grain_is_activated_by_its_first_call_not_by_getting_a_reference()
    {
        await using var test = new TestHost();
        var grain = test.Grain<ICounterGrain>("u1");

        Assert.Equal(0, test.Host.ActivationCount);
        Assert.Equal(0, test.Probe.Activations("u1"));

        await grain.Increment();

        Assert.Equal(1, test.Host.ActivationCount);
        Assert.Equal(1, test.Probe.Activations("u1"));
    }

    [Fact]
    public async Task All_references_to_one_key_reach_the_same_single_activation()
    {
        await using var test = new TestHost();
        var first = test.Grain<ICounterGrain>("u1");
        var second = test.Grain<ICounterGrain>("u1");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => (i % 2 == 0 ? first : second).Increment()));

        Assert.Equal(50, await second.GetCount());
        Assert.Equal(1, await first.GetInstanceNumber());
        Assert.Equal(1, test.Probe.Activations("u1"));
        Assert.Equal(1, test.Host.ActivationCount);
    }

    [Fact]
    public async Task Different_keys_and_different_interfaces_get_separate_activations()
    {
        await using var test = new TestHost();

        await test.Grain<ICounterGrain>("a").Increment();
        await test.Grain<ICounterGrain>("b").Increment();
        await test.Grain<ICounterGrain>("b").Increment();
        await test.Grain<IFaultyGrain>("a").CountCalls();

        Assert.Equal(1, await test.Grain<ICounterGrain>("a").GetCount());
        Assert.Equal(2, await test.Grain<ICounterGrain>("b").GetCount());
        Assert.Equal(2, await test.Grain<IFaultyGrain>("a").CountCalls());
        Assert.Equal(2, test.Probe.Activations("a")); // one per interface
        Assert.Equal(1, test.Probe.Activations("b"));
        Assert.Equal(3, test.Host.ActivationCount);
    }

    [Fact]
    public async Task The_grain_is_created_through_DI_bound_to_its_key_and_activated_before_its_first_call()
    {
        await using var test = new TestHost();

        var description = await test.Grain<ICounterGrain>("06-SNV").Describe();

        Assert.Equal("key=06-SNV activated=True injected=True", description);
    }

    [Fact]
    public async Task Methods_of_inherited_grain_interfaces_are_dispatched()
    {
        await using var test = new TestHost();
        var grain = test.Grain<IPoliteGreeterGrain>("g");

        Assert.Equal("hello Lan", await grain.Hello("Lan"));
        Assert.Equal("bye Lan", await grain.Bye("Lan"));
        Assert.Equal(1, test.Probe.Activations("g"));
    }

    [Fact]
    public async Task References_to_the_same_grain_are_equal_and_name_it()
    {
        await using var test = new TestHost();

        Assert.Equal(test.Grain<ICounterGrain>("k"), test.Grain<ICounterGrain>("k"));
        Assert.NotEqual(test.Grain<ICounterGrain>("k"), test.Grain<ICounterGrain>("other"));
        Assert.Equal("ICounterGrain/k", test.Grain<ICounterGrain>("k").ToString());
    }

    [Fact]
    public async Task An_unregistered_grain_interface_is_refused_by_name()
    {
        await using var test = new TestHost();

        var error = Assert.Throws<InvalidOperationException>(() => test.Grain<IGreeterGrain>("x"));
        Assert.Contains(nameof(IGreeterGrain), error.Message);
    }

    [Fact]
    public async Task A_grain_interface_with_a_method_that_returns_no_task_is_refused_when_the_host_starts()
    {
        await using var provider = new ServiceCollection()
            .AddGrainHost()
            .AddGrain<INotAGrainMethodGrain, NotAGrainMethodGrain>()
            .BuildServiceProvider();

        var error = Assert.Throws<NotSupportedException>(() => provider.GetRequiredService<IGrainFactory>());
        Assert.Contains(nameof(INotAGrainMethodGrain.NotATask), error.Message);
    }
}
