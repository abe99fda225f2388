using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;

namespace ParIndex.Silo;

/// <summary>A process's way to the grains, with ParIndex's services beside them; disposing it lets go of them.</summary>
public interface IGrainServices : IServiceProvider, IAsyncDisposable
{
    /// <summary>True when the grains are those of a running cluster, false when they live in this process's own silo.</summary>
    bool IsClient { get; }
}

/// <summary>
/// A command's connection to the running cluster on its database, as an Orleans client: the grains it calls are the
/// ones the nodes serve, so a change it makes shows on every page at once, and an import's grains reload in place.
/// </summary>
public sealed class ClusterConnection : IGrainServices
{
    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    public bool IsClient => true;

    public object? GetService(Type serviceType) => _host.Services.GetService(serviceType);

    /// <summary>Joins the running cluster on <paramref name="database"/>; null when no node of it answers.</summary>
    public static async Task<ClusterConnection?> ConnectAsync(DatabaseOptions database, ClusterSettings cluster, CancellationToken cancellationToken = default)
    {
        if (!cluster.MayJoin(database)) return null;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        builder.Services.AddParIndexSilo(database);
        builder.UseOrleansClient(client => client.UseParIndexClustering(database, cluster));
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
            return new ClusterConnection(host);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No node (or only a stale membership row): the caller hosts a silo of its own.
            host.Dispose();
            return null;
        }
    }

    /// <summary>The running cluster's grains when one runs on the database, else a silo of this command's own.</summary>
    public static async Task<IGrainServices> ForCommandAsync(DatabaseOptions database, ClusterSettings cluster, CancellationToken cancellationToken = default) =>
        (IGrainServices?)await ConnectAsync(database, cluster, cancellationToken)
        ?? await RunningSilo.StartAsync(database, cancellationToken: cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
