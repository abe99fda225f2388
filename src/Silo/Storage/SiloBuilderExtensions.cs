using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Storage;

/// <summary>
/// The "Orleans" settings of a node: its ports, the address the others reach it at, and the cluster it joins
/// (ClusterId: one running cluster; ServiceId: the installation, stable across upgrades).
/// </summary>
public sealed class ClusterSettings
{
    /// <summary>0: a free port, chosen at start (tests, and a command line's own silo).</summary>
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>The address other nodes reach this one at; loopback when unset (one machine).</summary>
    public string? AdvertisedAddress { get; set; }
    /// <summary>Unset: "parindex" on PostgreSQL; on SQLite one per database file, so that a command joins only a node of its own file.</summary>
    public string? ClusterId { get; set; }
    public string ServiceId { get; set; } = "parindex";
    /// <summary>A silo of its own that joins no cluster (a command run with no cluster to join).</summary>
    public bool Standalone { get; set; }

    /// <summary>A silo for one process: free ports, a cluster id nobody else uses, localhost membership.</summary>
    public static ClusterSettings Private() => new() { SiloPort = 0, GatewayPort = 0, ClusterId = "parindex-" + Guid.NewGuid().ToString("N"), Standalone = true };

    public string ClusterIdFor(DatabaseOptions database) => ClusterId is { Length: > 0 } id ? id
        : database.IsSqlite ? "parindex-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(database.SqliteFullPath())))[..12]
        : "parindex";

    /// <summary>
    /// A free port for 0. Orleans binds it later, so the system could offer the same port again meanwhile to another silo
    /// of this process (tests start many at once): a port is handed out once per process.
    /// </summary>
    internal static int Resolve(int port)
    {
        if (port != 0) return port;
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var free = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(free, 0)) return free;
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> HandedOut = new();
}

/// <summary>What a silo of ParIndex needs from Orleans, in one place.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// ParIndex's silo: everything of <see cref="AddParIndexGrains"/>, and membership (<see cref="UseParIndexClustering"/>).
    /// </summary>
    public static ISiloBuilder AddParIndex(this ISiloBuilder silo, DatabaseOptions database, ClusterSettings cluster) =>
        silo.AddParIndexGrains(database).UseParIndexClustering(database, cluster);

    /// <summary>
    /// A silo's ParIndex without its membership: the services and stores on the given database, our grain storage, and
    /// the activity propagation that puts grain calls into a request's trace. What a host that brings its own membership
    /// (Orleans' in-process test cluster) adds; the database is migrated by whoever starts the silo, not here.
    /// </summary>
    public static ISiloBuilder AddParIndexGrains(this ISiloBuilder silo, DatabaseOptions database)
    {
        silo.Services.AddParIndexSilo(database);
        silo.AddParIndexGrainStorage();
        silo.AddActivityPropagation();
        // A storage error crosses silos with its type, so that any node answers it as a storage problem (503, with the reason).
        silo.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return silo;
    }

    /// <summary>Our grain storage, named <see cref="GrainStorage.Name"/>, over the stores of AddParIndexStores.</summary>
    public static ISiloBuilder AddParIndexGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(GrainStorage.Name, (sp, _) => new ParIndexGrainStorage(sp));
        return silo;
    }

    /// <summary>
    /// A node killed without a word is declared dead in about a second, not the default 10 s or more: its grains come back
    /// on a survivor that soon (measured ≈1 s with these two settings on this machine).
    /// </summary>
    public static void QuickFailureDetection(ClusterMembershipOptions options) => (options.ProbeTimeout, options.NumMissedProbesLimit) = (TimeSpan.FromSeconds(1), 2);

    /// <summary>
    /// Membership: on SQLite one node with localhost clustering; on PostgreSQL every node of the installation joins one
    /// cluster through Orleans' ADO.NET clustering on the shared database (its tables come with our migrations).
    /// </summary>
    public static ISiloBuilder UseParIndexClustering(this ISiloBuilder silo, DatabaseOptions database, ClusterSettings settings)
    {
        var siloPort = ClusterSettings.Resolve(settings.SiloPort);
        var gatewayPort = ClusterSettings.Resolve(settings.GatewayPort);
        if (database.IsPostgres && !settings.Standalone)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = database.ConnectionString;
            });
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterIdFor(database), settings.ServiceId));
            var address = settings.AdvertisedAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;
            silo.ConfigureEndpoints(address, siloPort, gatewayPort, listenOnAnyHostAddress: settings.AdvertisedAddress is { Length: > 0 });
            silo.Configure<ClusterMembershipOptions>(QuickFailureDetection);
        }
        else
        {
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterIdFor(database));
        }
        return silo;
    }
}
