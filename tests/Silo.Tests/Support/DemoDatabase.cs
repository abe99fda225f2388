using Microsoft.Data.Sqlite;

namespace ParIndex.Silo.Tests.Support;

/// <summary>
/// The demo seeded once per test run into a template file; each test gets its own copy, so that
/// every test starts from a clean, known database.
/// </summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

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

    /// <summary>A private copy of the seeded demo.</summary>
    public string CopyTo(TempFolder folder)
    {
        var path = folder.Path("demo.db");
        File.Copy(TemplatePath, path);
        return path;
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class DemoCollection : ICollectionFixture<DemoDatabase>
{
    public const string Name = "demo database";
}
