using Microsoft.Data.Sqlite;
using Npgsql;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Support;

/// <summary>
/// The demo seeded once per test run into templates (SQLite files; PostgreSQL databases), each seeded when a test
/// first asks for it; each test gets its own copy, so that every test starts from a clean, known database. Two
/// demos: as `demo` seeds it (Bắc Kạn 2019 and 2020 published), and as `demo --unpublished` leaves it (every
/// scorecard a draft), for the tests that write Bắc Kạn's scores or publish it themselves.
/// </summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<(string Provider, bool Published), string> _templates = [];

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>A private copy of the demo as shipped (Bắc Kạn published) on the given provider.</summary>
    public Task<TestDatabase> CopyAsync(string provider) => CopyAsync(provider, published: true);

    /// <summary>A private copy of the demo before its decisions (`demo --unpublished`): Bắc Kạn's scorecards are drafts.</summary>
    public Task<TestDatabase> CopyUnpublishedAsync(string provider) => CopyAsync(provider, published: false);

    private async Task<TestDatabase> CopyAsync(string provider, bool published)
    {
        var template = await TemplateAsync(provider, published);
        return provider == DatabaseOptions.Sqlite
            ? await TestDatabase.CreateAsync(provider, template, null)
            : await TestDatabase.CreateAsync(provider, null, template);
    }

    private async Task<string> TemplateAsync(string provider, bool published)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_templates.TryGetValue((provider, published), out var template))
            {
                template = provider == DatabaseOptions.Sqlite ? await SeedSqliteAsync(published) : await SeedPostgresAsync(published);
                _templates[(provider, published)] = template;
            }
            return template;
        }
        finally { _lock.Release(); }
    }

    private static string[] Demo(bool published) => published ? ["demo"] : ["demo", "--unpublished"];

    private async Task<string> SeedSqliteAsync(bool published)
    {
        var path = _folder.Path(published ? "demo-template.db" : "demo-unpublished-template.db");
        (await Tool.RunAsync([.. Demo(published), "--db", path])).ShouldSucceed();
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);"; // everything in the main file, so one file copies the database
        await checkpoint.ExecuteNonQueryAsync();
        SqliteConnection.ClearAllPools();
        return path;
    }

    private static async Task<string> SeedPostgresAsync(bool published)
    {
        var name = await Postgres.CreateDatabaseAsync();
        (await Tool.RunAsync([.. Demo(published), "--connection", Postgres.ConnectionTo(name), "--provider", DatabaseOptions.Postgres])).ShouldSucceed();
        NpgsqlConnection.ClearAllPools(); // a template must have no open connections
        return name;
    }

    public async Task DisposeAsync()
    {
        _folder.Dispose();
        foreach (var ((provider, _), template) in _templates)
            if (provider != DatabaseOptions.Sqlite) await Postgres.DropDatabaseAsync(template);
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoDatabase>
{
    public const string Name = "demo database";
}
