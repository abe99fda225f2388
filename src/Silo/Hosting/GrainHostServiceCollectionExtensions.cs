using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Hosting;

public static class GrainHostServiceCollectionExtensions
{
    /// <summary>
    /// Adds the grain host as <see cref="GrainHost"/> and <see cref="IGrainFactory"/> (one singleton), the
    /// persistent state factory, and a hosted service that deactivates every grain on shutdown.
    /// </summary>
    public static IServiceCollection AddGrainHost(this IServiceCollection services, Action<GrainHostOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GrainHostOptions>();
        if (configure is not null) options.Configure(configure);

        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GrainHost(
            sp,
            sp.GetServices<GrainRegistration>(),
            sp.GetRequiredService<IOptions<GrainHostOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            new GrainTelemetry(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            sp.GetRequiredService<ILogger<GrainHost>>()));
        services.TryAddSingleton<IGrainFactory>(sp => sp.GetRequiredService<GrainHost>());
        services.TryAddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, GrainHostLifetime>());
        return services;
    }

    /// <summary>Registers <typeparamref name="TGrain"/> as the class activated for <typeparamref name="TInterface"/>.</summary>
    public static IServiceCollection AddGrain<TInterface, TGrain>(this IServiceCollection services)
        where TInterface : class, IGrainWithStringKey
        where TGrain : Grain, TInterface
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(new GrainRegistration(typeof(TInterface), typeof(TGrain)));
        return services;
    }

    /// <summary>Stores every grain state type in memory (<see cref="InMemoryGrainStorage{TState}"/>), unless a storage is already registered.</summary>
    public static IServiceCollection AddInMemoryGrainStorage(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(IGrainStorage<>), typeof(InMemoryGrainStorage<>)));
        return services;
    }
}

/// <summary>Deactivates every grain when the application stops, so that OnDeactivateAsync runs.</summary>
internal sealed class GrainHostLifetime(GrainHost host) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => host.DeactivateAllAsync(cancellationToken);
}
