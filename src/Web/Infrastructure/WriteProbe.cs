using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParIndex.Silo.Evidence;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Can the node write now? A write that writes nothing: on SQLite BEGIN IMMEDIATE (takes the write lock,
/// which a read-only connection or another process's lock refuses) then ROLLBACK; on PostgreSQL an UPDATE
/// matching no row in a transaction rolled back (a standby or a read-only setting refuses the statement
/// itself). Plus room on the disks the node writes to, and a disk-full failure of the last minute, which no
/// probe can see without filling the disk further. The answer is kept for a couple of seconds, so that
/// frequent probes cost one check; a failure drops the pooled connections and is checked once more on a
/// fresh one, so that a connection left bad by a past failure is not taken for the present state.
/// </summary>
public sealed class WriteProbe(IDbContextFactory<ParIndexDbContext> contexts, DatabaseOptions database, EvidenceOptions evidence,
    StorageHealth health, TimeProvider clock, IConfiguration configuration)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2), FullFor = TimeSpan.FromMinutes(1);
    // SQLite: how long the probe waits for another process's write lock. PostgreSQL: the probe waits on no lock (it matches
    // no row), so only a slow server makes it wait; a server slow under load (CI saw one take seconds) is not unreachable,
    // while a readiness probe must still answer in time.
    private const int SqliteTimeoutSeconds = 2, PostgresTimeoutSeconds = 10;

    private readonly SemaphoreSlim _one = new(1, 1);
    private (DateTimeOffset At, string? Reason)? _last;

    /// <summary>Below this much free space (`Health:MinFreeMegabytes`, default 32) the node says the disk is full.</summary>
    private long MinFreeBytes => configuration.GetValue("Health:MinFreeMegabytes", 32L) * 1024 * 1024;

    /// <summary>Null when the node can write; otherwise why not, in Vietnamese.</summary>
    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached) return cached.Reason;
        await _one.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } meanwhile) return meanwhile.Reason;
            var reason = await ProbeAsync(cancellationToken);
            _last = (clock.GetUtcNow(), reason);
            return reason;
        }
        finally { _one.Release(); }
    }

    private (DateTimeOffset At, string? Reason)? Fresh() => _last is { } last && clock.GetUtcNow() - last.At < CacheFor ? last : null;

    private async Task<string?> ProbeAsync(CancellationToken cancellationToken)
    {
        if (health.WasFullWithin(FullFor) || Folders().Any(IsLow)) return StorageFailure.Reason(StorageProblem.Full);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TryWriteAsync(cancellationToken);
                return null;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                var problem = health.Report(e); // drops the pooled connections
                if (attempt == 1 && problem is StorageProblem.ReadOnly or StorageProblem.Unreachable) continue;
                return problem is { } known ? StorageFailure.Reason(known) : $"Không ghi thử được vào cơ sở dữ liệu ({e.GetType().Name}: {e.Message}).";
            }
        }
    }

    private async Task TryWriteAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        if (connection is SqliteConnection)
        {
            await ExecuteAsync(connection, null, "BEGIN IMMEDIATE", cancellationToken);
            await ExecuteAsync(connection, null, "ROLLBACK", cancellationToken);
            return;
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, """UPDATE "__EFMigrationsHistory" SET "ProductVersion" = "ProductVersion" WHERE FALSE""", cancellationToken);
        await transaction.RollbackAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = connection is SqliteConnection ? SqliteTimeoutSeconds : PostgresTimeoutSeconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The folders this node writes files to: the SQLite database's, and the evidence files'.</summary>
    private IEnumerable<string> Folders()
    {
        if (database.IsSqlite && Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)) is { } data)
            yield return data;
        yield return evidence.Folder;
    }

    private bool IsLow(string folder)
    {
        // The folder may not exist yet (no evidence uploaded): its nearest existing parent is on the same disk.
        var existing = Path.GetFullPath(folder);
        while (!Directory.Exists(existing) && Path.GetDirectoryName(existing) is { } parent) existing = parent;
        try { return new DriveInfo(existing).AvailableFreeSpace < MinFreeBytes; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return false; }
    }
}
