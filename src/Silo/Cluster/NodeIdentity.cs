namespace ParIndex.Silo.Cluster;

/// <summary>
/// Who this process is among the processes sharing one database: it signs its change notifications, so that it can
/// skip its own, and those of the other nodes of its Orleans cluster, whose grains are the same grains (each lives
/// once in the cluster). New at every start (a restarted node has no grains to keep fresh).
/// </summary>
public sealed record NodeIdentity(string Id)
{
    /// <summary>A process that is no node of a cluster (a command's own silo).</summary>
    public static NodeIdentity New() => new(Unique());

    /// <summary>A node of the named cluster: its id starts with the cluster's.</summary>
    public static NodeIdentity InCluster(string clusterId) => new($"{clusterId}/{Unique()}");

    /// <summary>Whether a notification's sender is this node or another node of its cluster.</summary>
    public bool IsSameCluster(string sender) =>
        sender == Id || Id.IndexOf('/') is var slash and > 0 && sender.StartsWith(Id[..(slash + 1)], StringComparison.Ordinal);

    private static string Unique() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".Replace(' ', '_').Replace('/', '_');
}
