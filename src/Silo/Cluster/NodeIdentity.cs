namespace ParIndex.Silo.Cluster;

/// <summary>Who this process is among the nodes of an installation: named in every log line and in the telemetry resource.</summary>
public sealed record NodeIdentity(string Id)
{
    /// <summary>New at every start: a restarted node is told apart from its earlier life.</summary>
    public static NodeIdentity New() =>
        new($"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}".Replace(' ', '_').Replace('/', '_'));
}
