using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;

namespace ParIndex.Silo;

/// <summary>
/// A silo of this process's own, for a command and for tests: ParIndex's services and grains on the given database,
/// migrated before the silo starts, on free ports with a cluster id of its own (it joins no running cluster).
/// Its services are the silo's; disposing it stops the silo, which deactivates its grains.
/// </summary>
public sealed class RunningSilo : IGrainServices
{
    private readonly IHost _host;

    private RunningSilo(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public bool IsClient => false;

    public object? GetService(Type serviceType) => _host.Services.GetService(serviceType);

    /// <param name="configure">Services to add or replace before the silo's own are registered (a clock, a store).</param>
    public static async Task<RunningSilo> StartAsync(DatabaseOptions database, Action<IServiceCollection>? configure = null, CancellationToken cancellationToken = default)
    {
        // No defaults: a command's silo reads no appsettings or environment of whatever folder it runs in.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        configure?.Invoke(builder.Services);
        builder.UseOrleans(silo => silo.AddParIndex(database, ClusterSettings.Private()));
        var host = builder.Build();
        try
        {
            await host.Services.MigrateDatabaseAsync(cancellationToken);
            await host.StartAsync(cancellationToken);
            return new RunningSilo(host);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        if (_host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else _host.Dispose();
    }
}
