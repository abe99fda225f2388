using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// What the node learnt from its failed writes. A failure drops the pooled connections, because a
/// connection opened while the database was unwritable stays so for its whole life (SQLite opens a
/// write-protected file read-only; a PostgreSQL session keeps the read-only setting it started with),
/// and the pool would hand it out again after the cause is gone. A full disk is remembered for /readyz:
/// a probe cannot see it without filling the disk further.
/// </summary>
public sealed class StorageHealth(IDbContextFactory<ParIndexDbContext> contexts, TimeProvider clock, ILogger<StorageHealth> logger)
{
    private long _fullAtTicks; // 0: never

    /// <summary>Records a failed write; returns its storage problem, or null when it was something else (a bug, a refusal).</summary>
    public StorageProblem? Report(Exception error)
    {
        var problem = StorageFailure.Classify(error);
        if (problem == StorageProblem.Full) Interlocked.Exchange(ref _fullAtTicks, clock.GetUtcNow().UtcTicks);
        if (problem is not null || error is DbException or DbUpdateException) DropPooledConnections();
        return problem;
    }

    /// <summary>Whether a write failed for want of space within the last <paramref name="window"/>.</summary>
    public bool WasFullWithin(TimeSpan window)
    {
        var at = Interlocked.Read(ref _fullAtTicks);
        return at != 0 && clock.GetUtcNow().UtcTicks - at < window.Ticks;
    }

    /// <summary>Closes the idle pooled connections; those in use are closed when given back instead of being pooled again.</summary>
    public void DropPooledConnections()
    {
        try
        {
            using var db = contexts.CreateDbContext();
            switch (db.Database.GetDbConnection())
            {
                case SqliteConnection sqlite: SqliteConnection.ClearPool(sqlite); break;
                case NpgsqlConnection postgres: NpgsqlConnection.ClearPool(postgres); break;
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not drop the pooled database connections.");
        }
    }
}
