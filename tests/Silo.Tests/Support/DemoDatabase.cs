using Microsoft.Data.Sqlite;
using Npgsql;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Support;

/// <summary>
/// The demo seeded once per test run into a template (a SQLite file; a PostgreSQL database, seeded
/// when a test first asks for it); each test gets its own copy, so that every test starts from a
/// clean, known database.
/// </summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly SemaphoreSlim _postgresLock = new(1, 1);
    private string? _postgresTemplate;

    public string TemplatePath => _folder.Path("demo-template.db");

    public async Task InitializeAsync()
    {
        (await Tool.RunAsync("demo", "--db", TemplatePath)).ShouldSucceed();
        await using var connection = new SqliteConnection($"Data Source={TemplatePath};Pooling=False");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);"; // everything in the main file, so one file copies the database
        await checkpoint.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>A private copy of the seeded demo on the given provider.</summary>
    public async Task<TestDatabase> CopyAsync(string provider) =>
        provider == DatabaseOptions.Sqlite
            ? await TestDatabase.CreateAsync(provider, TemplatePath, null)
            : await TestDatabase.CreateAsync(provider, null, await PostgresTemplateAsync());

    private async Task<string> PostgresTemplateAsync()
    {
        await _postgresLock.WaitAsync();
        try
        {
            if (_postgresTemplate is null)
            {
                var name = await Postgres.CreateDatabaseAsync();
                (await Tool.RunAsync("demo", "--connection", Postgres.ConnectionTo(name), "--provider", DatabaseOptions.Postgres)).ShouldSucceed();
                NpgsqlConnection.ClearAllPools(); // a template must have no open connections
                _postgresTemplate = name;
            }
            return _postgresTemplate;
        }
        finally { _postgresLock.Release(); }
    }

    public async Task DisposeAsync()
    {
        _folder.Dispose();
        if (_postgresTemplate is not null) await Postgres.DropDatabaseAsync(_postgresTemplate);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoDatabase>
{
    public const string Name = "demo database";
}
