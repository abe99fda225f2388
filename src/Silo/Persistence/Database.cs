using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace ParIndex.Silo.Persistence;

/// <summary>Which database, chosen by configuration ("Database:Provider", "ConnectionStrings:ParIndex").</summary>
public sealed record DatabaseOptions(string Provider, string ConnectionString)
{
    /// <summary>How long a command may take; on SQLite also how long a write waits for another process's write lock ("Database:CommandTimeoutSeconds").</summary>
    public int CommandTimeoutSeconds { get; init; } = 60;

    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static DatabaseOptions ForSqliteFile(string path) =>
        new(Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    public static DatabaseOptions ForPostgres(string connectionString) => new(Postgres, connectionString);

    /// <summary>Evidence files beside a SQLite file (never under a web root); elsewhere in ./evidence unless configured.</summary>
    public string DefaultEvidenceFolder() =>
        IsSqlite && Path.GetDirectoryName(SqliteFullPath()) is { } folder
            ? Path.Combine(folder, "evidence")
            : Path.GetFullPath("evidence");

    /// <summary>The SQLite file's full path (one file, however it is named).</summary>
    public string SqliteFullPath() => Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource);

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    /// <summary>"postgres", or the other names people use for it.</summary>
    public bool IsPostgres => Provider.ToLowerInvariant() is Postgres or "postgresql" or "npgsql" or "pg";

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (IsSqlite)
            // Busy timeout: a second process (the CLI beside the web) waits for the lock instead of failing at once.
            builder.UseSqlite(ConnectionString, o => o.CommandTimeout(CommandTimeoutSeconds));
        else if (IsPostgres)
            builder.UseNpgsql(ConnectionString, o => o.CommandTimeout(CommandTimeoutSeconds));
        else
            throw new InvalidOperationException($"Hệ quản trị cơ sở dữ liệu \"{Provider}\" chưa được hỗ trợ (hiện có: sqlite, postgres).");
    }

    public DbContextOptions<ParIndexDbContext> BuildOptions()
    {
        var builder = new DbContextOptionsBuilder<ParIndexDbContext>();
        Configure(builder);
        return builder.Options;
    }
}

public static class DatabaseSetup
{
    private const long StartupLockKey = 0x5041_5249_4E44; // "PARIND"

    /// <summary>
    /// On PostgreSQL, waits for and holds a lock that nodes take while they migrate and seed, so that two
    /// nodes starting together over an empty database do not both seed it; disposing releases it. Null on
    /// SQLite, and while the database does not exist yet (migrating creates it).
    /// </summary>
    public static async Task<IAsyncDisposable?> LockForStartupAsync(this DatabaseOptions options, CancellationToken cancellationToken = default)
    {
        if (!options.IsPostgres) return null;
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = false }.ToString());
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({StartupLockKey})", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection; // closing the session releases the lock
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the database if missing, applies every migration, and turns on WAL for SQLite.</summary>
    public static async Task MigrateAsync(this ParIndexDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        // EF Core takes a lock while migrating, so nodes starting together over one PostgreSQL database apply each migration once.
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; FULL makes each commit survive a power cut.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

/// <summary>
/// Lets `dotnet ef` build the context. Migrations are generated on SQLite and then made
/// provider-neutral by hand (see Migrations/README.md), so that PostgreSQL runs the same ones.
/// </summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ParIndexDbContext>
{
    public ParIndexDbContext CreateDbContext(string[] args) =>
        new(DatabaseOptions.ForSqliteFile("design-time.db").BuildOptions());
}
