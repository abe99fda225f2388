using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ParIndex.Grains.Abstractions;
using ParIndex.Silo.Hosting;

namespace ParIndex.Silo.Tests.Hosting;

public sealed class GrainHostRegistrationTests
{
    [Fact]
    public async Task The_host_is_one_singleton_serving_as_grain_factory_with_one_hosted_service()
    {
        await using var provider = new ServiceCollection()
            .AddGrainHost()
            .AddGrainHost() // a second call adds nothing
            .BuildServiceProvider();

        var host = provider.GetRequiredService<GrainHost>();

        Assert.Same(host, provider.GetRequiredService<IGrainFactory>());
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.IsAssignableFrom<IPersistentStateFactory>(provider.GetRequiredService<IPersistentStateFactory>());
    }

    [Fact]
    public async Task Options_are_taken_from_the_configure_callback()
    {
        var clock = new ManualTimeProvider();
        await using var test = new TestHost(o => o.IdleTimeout = TimeSpan.FromSeconds(30), s => s.AddSingleton<TimeProvider>(clock));
        await test.Grain<ICounterGrain>("k").Increment();

        clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(0, await test.Host.DeactivateIdleAsync());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await test.Host.DeactivateIdleAsync());
    }

    [Fact]
    public async Task A_sweep_interval_that_is_not_positive_is_refused()
    {
        await using var provider = new ServiceCollection()
            .AddGrainHost(o => o.SweepInterval = TimeSpan.Zero)
            .BuildServiceProvider();

        Assert.Throws<ArgumentOutOfRangeException>(() => provider.GetRequiredService<GrainHost>());
    }

    [Fact]
    public async Task Two_grain_classes_for_one_interface_are_refused()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<GrainProbe>()
            .AddGrainHost()
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddGrain<ICounterGrain, CounterGrain>()
            .BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<GrainHost>());
        Assert.Contains(nameof(ICounterGrain), error.Message);
    }
}
