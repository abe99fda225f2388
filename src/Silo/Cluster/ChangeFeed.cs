using Microsoft.EntityFrameworkCore;

namespace ParIndex.Silo.Cluster;

/// <summary>
/// Tells the other nodes which scorecards changed, through PostgreSQL's NOTIFY. Sent inside the
/// writing transaction: PostgreSQL delivers it on commit, and never if the write rolls back. On SQLite
/// (one process, or the CLI beside it) there is nobody to tell, and nothing is sent.
/// </summary>
public static class ChangeFeed
{
    public const string Channel = "parindex_changes";

    /// <summary>"&lt;node&gt; &lt;cycle&gt;/&lt;unit&gt;": the sender, then the scorecard grain's key.</summary>
    public static string Payload(NodeIdentity node, string scorecardKey) => $"{node.Id} {scorecardKey}";

    public static bool TryParse(string payload, out string node, out string scorecardKey)
    {
        var space = payload.IndexOf(' ');
        (node, scorecardKey) = space > 0 ? (payload[..space], payload[(space + 1)..]) : ("", "");
        return space > 0 && scorecardKey.Contains('/');
    }

    /// <summary>The key that stands for a whole cycle's definition (its deadline changed), not for one scorecard.</summary>
    public static string CycleKey(string cycleId) => $"{cycleId}/*";

    public static bool IsCycleKey(string key, out string cycleId)
    {
        cycleId = key.EndsWith("/*", StringComparison.Ordinal) ? key[..^2] : "";
        return cycleId.Length > 0;
    }

    /// <summary>A ranking grain's key (cycle/assessor/group: two slashes, where a scorecard's has one): its published version changed.</summary>
    public static bool IsRankingKey(string key) => key.Count(c => c == '/') == 2;

    /// <returns>How many notifications were queued (0 on SQLite).</returns>
    public static async Task<int> NotifyAsync(DbContext db, NodeIdentity node, IReadOnlyCollection<string> scorecardKeys, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || scorecardKeys.Count == 0) return 0;
        var payloads = scorecardKeys.Select(k => Payload(node, k)).ToArray();
        // One round trip however many units an import touched.
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_notify('{Channel}', p) FROM unnest({{0}}) AS p", [payloads], cancellationToken);
        return payloads.Length;
    }
}
