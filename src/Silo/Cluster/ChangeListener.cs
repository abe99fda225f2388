using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Cluster;

/// <summary>
/// Keeps this node's grains fresh when other nodes write to the same PostgreSQL database: LISTENs on
/// <see cref="ChangeFeed.Channel"/> over a connection of its own, and makes each scorecard another node
/// changed reload, which passes its result up to the ranking and the roll-ups (a cycle's key makes the
/// cycle grain read its definition again: its deadline changed; a ranking's key makes it read its published
/// version again: an adjustment). Its own notifications
/// are skipped (its grains already applied them). Does nothing on SQLite.
/// </summary>
public sealed class ChangeListener(
    DatabaseOptions database, NodeIdentity node, IGrainFactory grains,
    ScoreTelemetry telemetry, ILogger<ChangeListener> logger) : BackgroundService
{
    private const int Workers = 4;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    // A burst of notifications for one scorecard (an import, a busy unit) becomes one reload.
    private readonly ConcurrentDictionary<string, byte> _pending = new(StringComparer.Ordinal);
    private volatile bool _listening;
    private bool _heardBefore;

    /// <summary>False on SQLite; on PostgreSQL, whether the node is hearing the others now (for /readyz).</summary>
    public bool IsListening => _listening;

    public bool IsEnabled => database.IsPostgres;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        if (!IsEnabled) return;
        var workers = Enumerable.Range(0, Workers).Select(_ => Task.Run(() => ReloadLoopAsync(stopping), CancellationToken.None)).ToList();
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                if (!_listening && !_heardBefore)
                    logger.LogInformation("Waiting for the database before listening for other nodes' changes: {Reason}", e.Message);
                else
                    logger.LogWarning(e, "Lost the change feed from other nodes; reconnecting in {Seconds} s.", RetryAfter.TotalSeconds);
                _listening = false;
                try { await Task.Delay(RetryAfter, stopping); } catch (OperationCanceledException) { break; }
            }
        }
        _listening = false;
        _queue.Writer.TryComplete();
        await Task.WhenAll(workers);
    }

    private async Task ListenAsync(CancellationToken stopping)
    {
        // Not pooled: this connection lives as long as the node; keepalives notice a dead server.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false, KeepAlive = 15, ApplicationName = "parindex-listener",
        }.ToString();
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) => Received(e.Payload);
        await connection.OpenAsync(stopping);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChangeFeed.Channel}", connection))
            await listen.ExecuteNonQueryAsync(stopping);

        // Whatever changed while nobody listened was missed: let every idle grain read the database again.
        if (_heardBefore)
        {
            await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            logger.LogInformation("Listening again; idle grains deactivated so that they reload what other nodes changed meanwhile.");
        }
        _listening = _heardBefore = true;
        logger.LogInformation("Node {Node} listens for other nodes' changes on {Channel}.", node.Id, ChangeFeed.Channel);
        while (true) await connection.WaitAsync(stopping);
    }

    private void Received(string payload)
    {
        if (!ChangeFeed.TryParse(payload, out var sender, out var key) || node.IsSameCluster(sender)) return;
        telemetry.Notification("received");
        if (_pending.TryAdd(key, 0)) _queue.Writer.TryWrite(key);
    }

    private async Task ReloadLoopAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var key in _queue.Reader.ReadAllAsync(stopping))
            {
                _pending.TryRemove(key, out _); // a change heard from now on schedules another reload
                try
                {
                    if (ChangeFeed.IsCycleKey(key, out var cycleId)) await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).ReloadAsync();
                    else if (ChangeFeed.IsRankingKey(key)) await grains.GetGrain<IRankingGrain>(key).ReloadVersionAsync();
                    else await grains.GetGrain<IScorecardGrain>(key).ReloadAsync();
                    telemetry.Notification("applied");
                }
                catch (NotFoundException e)
                {
                    logger.LogDebug(e, "Scorecard {Scorecard} changed on another node is not in a group here.", key);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not reload scorecard {Scorecard} after another node changed it.", key);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
