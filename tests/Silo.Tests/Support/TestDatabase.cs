using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Support;

/// <summary>
/// One test's own database, on SQLite (a file in a temporary folder) or PostgreSQL (a database with a
/// random name, dropped at the end); lets the test look into it directly, to prove what was and was
/// not stored.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly TempFolder? _folder;
    private readonly string? _postgresName;

    private TestDatabase(string provider, DatabaseOptions options, TempFolder? folder, string? postgresName)
    {
        Provider = provider;
        Options = options;
        _folder = folder;
        _postgresName = postgresName;
    }

    public string Provider { get; }
    public DatabaseOptions Options { get; }
    public bool IsSqlite => Options.IsSqlite;

    /// <summary>The command line's database options: --db PATH, or --connection STRING --provider postgres.</summary>
    public string[] Args => IsSqlite ? ["--db", SqlitePath] : ["--connection", Options.ConnectionString, "--provider", DatabaseOptions.Postgres];

    public string SqlitePath => new SqliteConnectionStringBuilder(Options.ConnectionString).DataSource;

    /// <summary>A new, empty database (not even migrated).</summary>
    public static async Task<TestDatabase> EmptyAsync(string provider) => await CreateAsync(provider, null, null);

    /// <summary>A copy of a SQLite file or of a PostgreSQL template database.</summary>
    internal static async Task<TestDatabase> CreateAsync(string provider, string? sqliteTemplate, string? postgresTemplate)
    {
        if (provider == DatabaseOptions.Sqlite)
        {
            var folder = new TempFolder();
            var path = folder.Path("test.db");
            if (sqliteTemplate is not null) File.Copy(sqliteTemplate, path);
            return new TestDatabase(provider, DatabaseOptions.ForSqliteFile(path), folder, null);
        }
        var name = await Postgres.CreateDatabaseAsync(postgresTemplate);
        return new TestDatabase(provider, DatabaseOptions.ForPostgres(Postgres.ConnectionTo(name)), null, name);
    }

    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = IsSqlite
            ? new SqliteConnection($"Data Source={SqlitePath};Pooling=False")
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Options.ConnectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public Task<long> CountAsync(string table) => ScalarAsync($"SELECT COUNT(*) FROM \"{table}\"");

    /// <summary>Row counts of every table that an import writes, to compare before and after.</summary>
    public async Task<string> FingerprintAsync()
    {
        var parts = new List<string>();
        foreach (var table in new[] { "units", "cycles", "groups", "group_members", "scorecards", "item_values", "results", "audit", "import_batches", "import_batch_units" })
            parts.Add($"{table}={await CountAsync(table)}");
        parts.Add("versions=" + await ScalarAsync("SELECT COALESCE(SUM(\"Version\"),0) FROM scorecards"));
        return string.Join(" ", parts);
    }

    /// <summary>A silo of its own on this database (migrated first), as a command runs one; disposing it stops it.</summary>
    public Task<RunningSilo> SiloAsync(Action<IServiceCollection>? configure = null) => RunningSilo.StartAsync(Options, configure);

    /// <summary>Runs the command line with this database's options after the given arguments.</summary>
    public Task<Tool.Run> RunAsync(params string[] args) => Tool.RunAsync([.. args, .. Args]);

    public async ValueTask DisposeAsync()
    {
        _folder?.Dispose();
        if (_postgresName is not null) await Postgres.DropDatabaseAsync(_postgresName);
    }
}
