namespace ParIndex.Silo.Cluster;

/// <summary>
/// Who this process is among the nodes sharing one database: it signs its change notifications, so
/// that it can skip its own. New at every start (a restarted node has no grains to keep fresh).
/// </summary>
public sealed record NodeIdentity(string Id)
{
    public static NodeIdentity New() => new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".Replace(' ', '_'));
}
