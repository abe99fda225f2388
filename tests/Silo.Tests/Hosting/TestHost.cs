using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Hosting;

namespace ParIndex.Silo.Tests.Hosting;

/// <summary>A service provider with the grain host, the test grains and in-memory storage.</summary>
public sealed class TestHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public TestHost(Action<GrainHostOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        collection.AddSingleton<GrainProbe>();
        collection
            // No background sweep unless a test asks for it: tests deactivate explicitly.
            .AddGrainHost(o =>
            {
                o.SweepInterval = Timeout.InfiniteTimeSpan;
                configure?.Invoke(o);
            })
            .AddInMemoryGrainStorage()
            .AddGrain<ICounterGrain, CounterGrain>()
            .AddGrain<IRendezvousGrain, RendezvousGrain>()
            .AddGrain<IChainGrain, ChainGrain>()
            .AddGrain<IFaultyGrain, FaultyGrain>()
            .AddGrain<IStoredCounterGrain, StoredCounterGrain>()
            .AddGrain<IPoliteGreeterGrain, PoliteGreeterGrain>();
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        Host = _provider.GetRequiredService<GrainHost>();
        Probe = _provider.GetRequiredService<GrainProbe>();
    }

    public IServiceProvider Services => _provider;

    public GrainHost Host { get; }

    public GrainProbe Probe { get; }

    public T Grain<T>(string key) where T : ParIndex.Grains.Abstractions.IGrainWithStringKey => Host.GetGrain<T>(key);

    // Disposal deactivates every grain; guarded so that a host that deadlocked fails the test instead of hanging it.
    public async ValueTask DisposeAsync() => await _provider.DisposeAsync().AsTask().WaitAsync(GrainProbe.Guard);
}
