using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.Hosting;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Storage;

/// <summary>
/// The "Orleans" settings of a node: its ports, the address the others reach it at, and the cluster it joins
/// (ClusterId: one running cluster; ServiceId: the installation, stable across upgrades).
/// </summary>
public sealed class ClusterSettings
{
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;
    /// <summary>The address other nodes reach this one at; loopback when unset (one machine).</summary>
    public string? AdvertisedAddress { get; set; }
    public string ClusterId { get; set; } = "parindex";
    public string ServiceId { get; set; } = "parindex";
}

/// <summary>What a silo of ParIndex needs from Orleans, in one place.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Our grain storage, named <see cref="ParIndexGrainStorage.Name"/>, over the stores of AddParIndexStores.</summary>
    public static ISiloBuilder AddParIndexGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(ParIndexGrainStorage.Name, (sp, _) => new ParIndexGrainStorage(sp));
        return silo;
    }

    /// <summary>
    /// Membership: on SQLite one node with localhost clustering; on PostgreSQL every node of the installation joins one
    /// cluster through Orleans' ADO.NET clustering on the shared database (its tables come with our migrations).
    /// </summary>
    public static ISiloBuilder UseParIndexClustering(this ISiloBuilder silo, DatabaseOptions database, ClusterSettings settings)
    {
        if (database.IsPostgres)
        {
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = database.ConnectionString;
            });
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
            var address = settings.AdvertisedAddress is { Length: > 0 } a ? IPAddress.Parse(a) : IPAddress.Loopback;
            silo.ConfigureEndpoints(address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: settings.AdvertisedAddress is { Length: > 0 });
            // A node killed without a word is declared dead in about a second, not the default 10 s or more: its grains
            // come back on a survivor that soon (PACKAGES.md measured ≈1 s with these two settings).
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
            });
        }
        else
        {
            silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        }
        return silo;
    }
}
