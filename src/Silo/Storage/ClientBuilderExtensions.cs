using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Storage;

/// <summary>How a command reaches a running cluster as an Orleans client: the same membership the silos use.</summary>
public static class ClientBuilderExtensions
{
    /// <summary>
    /// On PostgreSQL the gateways come from the membership table of the shared database; on SQLite the one node's gateway
    /// on this machine, at the configured gateway port, under the cluster id of that database file (so that a node serving
    /// another file refuses the connection).
    /// </summary>
    public static IClientBuilder UseParIndexClustering(this IClientBuilder client, DatabaseOptions database, ClusterSettings settings)
    {
        if (database.IsPostgres)
        {
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = database.ConnectionString;
            });
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterIdFor(database), settings.ServiceId));
        }
        else
        {
            client.UseLocalhostClustering(settings.GatewayPort, settings.ServiceId, settings.ClusterIdFor(database));
        }
        client.AddActivityPropagation();
        // One attempt: with no node running the command hosts a silo of its own instead of waiting for one.
        client.UseConnectionRetryFilter((_, _) => Task.FromResult(false));
        client.Services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return client;
    }

    /// <summary>Whether a command should look for a running node at all (a gateway port of 0 names none).</summary>
    public static bool MayJoin(this ClusterSettings settings, DatabaseOptions database) => database.IsPostgres || settings.GatewayPort > 0;
}
