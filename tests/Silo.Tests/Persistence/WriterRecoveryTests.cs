using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>A database that could not be written for a while must not leave the writer broken once it can be again.</summary>
[Collection(DemoCollection.Name)]
public class WriterRecoveryTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    /// <summary>
    /// SQLite opens a write-protected file read-only, and such a connection stays read-only for its whole
    /// life: after the file is writable again, the pool still hands it out and every write fails until a
    /// restart. Tests run as root, whom chmod does not stop, so the pool is given read-only connections the
    /// way SQLite would have made them: opened with the app's own connection string (the pool's key), made
    /// read-only (PRAGMA query_only, which fails writes with the same SQLITE_READONLY), and closed into the pool.
    /// </summary>
    [Fact]
    public async Task Read_only_connections_left_in_the_pool_are_dropped_and_the_write_goes_through()
    {
        await using var path = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        await using var services = await path.SiloAsync();
        var storage = services.GetRequiredService<IStateStore<ScorecardState>>();
        var key = GrainKeys.Scorecard(Cycle, "06-SNV");
        var (state, etag) = await storage.ReadAsync(key, CancellationToken.None);

        await LeaveReadOnlyConnectionsInPoolAsync(path.Options.ConnectionString, count: 8);

        var old = state!.Items["1.1.1"];
        state.Items["1.1.1"] = old with { Appraised = 0.25m };
        state.PendingAudit = [new AuditEntry("1.1.1", ScoreKind.Appraised, old.Appraised, 0.25m, null, null, "tester", "test", DateTimeOffset.UtcNow)];
        var written = await storage.WriteAsync(key, state, etag, CancellationToken.None);

        Assert.Equal((long.Parse(etag!) + 1).ToString(), written);
        Assert.Equal(1, await path.ScalarAsync("SELECT COUNT(*) FROM item_values WHERE \"UnitCode\" = '06-SNV' AND \"ItemCode\" = '1.1.1' AND \"Appraised\" = '0.25'"));
    }

    /// <summary>Opens <paramref name="count"/> connections at once from the pool of this connection string, makes each read-only and gives them back.</summary>
    internal static async Task LeaveReadOnlyConnectionsInPoolAsync(string connectionString, int count)
    {
        var connections = new List<SqliteConnection>();
        for (var i = 0; i < count; i++)
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var readOnly = connection.CreateCommand();
            readOnly.CommandText = "PRAGMA query_only = ON";
            await readOnly.ExecuteNonQueryAsync();
            connections.Add(connection);
        }
        foreach (var connection in connections) await connection.DisposeAsync();
    }
}
