using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Storage;

/// <summary>
/// Issue 14, clustering: nodes on one PostgreSQL database form one Orleans cluster through the membership tables our
/// migrations create (no manual SQL), a grain lives once whichever node is asked, and when its node stops the grain
/// answers from the survivor with its stored state. On SQLite one node clusters with itself (localhost).
/// </summary>
[Collection(DemoCollection.Name)]
public class ClusteringTests(DemoDatabase demo)
{
    private const string Key = "par-2020-06/06-SCT";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<IHost> NodeAsync(TestDatabase db, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddParIndexStores(db.Options);
        builder.UseOrleans(silo => silo
            .UseParIndexClustering(db.Options, new ClusterSettings { SiloPort = FreePort(), GatewayPort = FreePort(), ClusterId = clusterId })
            .AddParIndexGrainStorage());
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static string SiloOf(IHost node) => node.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    private static IStoredScorecardGrain Grain(IHost node) => node.Services.GetRequiredService<Orleans.IGrainFactory>().GetGrain<IStoredScorecardGrain>(Key);

    [Theory, PostgresData]
    public async Task Two_nodes_on_one_database_hold_one_activation_and_the_survivor_takes_over(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var cluster = "test-" + Guid.NewGuid().ToString("N")[..8];
        using var a = await NodeAsync(db, cluster);
        using var b = await NodeAsync(db, cluster);
        Assert.Equal(2, await db.ScalarAsync($"SELECT COUNT(*) FROM orleansmembershiptable WHERE deploymentid = '{cluster}' AND status = 3")); // both Active

        var written = await Grain(a).SetSelfAsync("1.1.1", 0.25m);
        var read = await Grain(b).ReadAsync();
        Assert.Equal((written.Silo, written.ETag, 0.25m), (read.Silo, read.ETag, read.Self)); // one activation, wherever asked

        var (holder, survivor) = written.Silo == SiloOf(a) ? (a, b) : (b, a);
        await holder.StopAsync();
        var after = await Grain(survivor).ReadAsync();
        Assert.Equal((SiloOf(survivor), written.ETag, 0.25m), (after.Silo, after.ETag, after.Self));
        await survivor.StopAsync();
    }

    [Theory, SqliteData]
    public async Task One_node_on_SQLite_clusters_with_itself(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        using var node = await NodeAsync(db, "parindex");
        var written = await Grain(node).SetSelfAsync("1.1.1", 0.5m);
        Assert.Equal((SiloOf(node), 0.5m), (written.Silo, written.Self));
        await node.StopAsync();
    }
}
