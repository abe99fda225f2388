using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ParIndex.Silo.Persistence;

/// <summary>Which database, chosen by configuration ("Database:Provider", "ConnectionStrings:ParIndex").</summary>
public sealed record DatabaseOptions(string Provider, string ConnectionString)
{
    public const string Sqlite = "sqlite";

    public static DatabaseOptions ForSqliteFile(string path) =>
        new(Sqlite, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString());

    /// <summary>Evidence files beside a SQLite file (never under a web root); elsewhere in ./evidence unless configured.</summary>
    public string DefaultEvidenceFolder() =>
        IsSqlite && Path.GetDirectoryName(Path.GetFullPath(new SqliteConnectionStringBuilder(ConnectionString).DataSource)) is { } folder
            ? Path.Combine(folder, "evidence")
            : Path.GetFullPath("evidence");

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public void Configure(DbContextOptionsBuilder builder)
    {
        if (!IsSqlite)
            throw new InvalidOperationException($"Hệ quản trị cơ sở dữ liệu \"{Provider}\" chưa được hỗ trợ (hiện có: sqlite).");
        // Busy timeout: a second process (the CLI beside the web) waits for the lock instead of failing at once.
        builder.UseSqlite(ConnectionString, o => o.CommandTimeout(60));
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
    /// <summary>Creates the database if missing, applies every migration, and turns on WAL for SQLite.</summary>
    public static async Task MigrateAsync(this ParIndexDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            var path = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer commits; FULL makes each commit survive a power cut.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

/// <summary>Lets `dotnet ef` build the context (migrations are generated on SQLite).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ParIndexDbContext>
{
    public ParIndexDbContext CreateDbContext(string[] args) =>
        new(DatabaseOptions.ForSqliteFile("design-time.db").BuildOptions());
}
