using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Support;

/// <summary>Looks into a test database directly, to prove what was and was not stored.</summary>
internal static class Db
{
    public static async Task<long> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static Task<long> CountAsync(string path, string table) => ScalarAsync(path, $"SELECT COUNT(*) FROM \"{table}\"");

    /// <summary>Row counts of every table that an import writes, to compare before and after.</summary>
    public static async Task<string> FingerprintAsync(string path)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "units", "cycles", "groups", "group_members", "scorecards", "item_values", "results", "audit" })
            parts.Add($"{table}={await CountAsync(path, table)}");
        parts.Add("versions=" + await ScalarAsync(path, "SELECT COALESCE(SUM(\"Version\"),0) FROM scorecards"));
        return string.Join(" ", parts);
    }

    /// <summary>The silo's services on a SQLite file, migrated.</summary>
    public static async Task<ServiceProvider> SiloAsync(string path, Action<ParIndex.Silo.Hosting.GrainHostOptions>? host = null)
    {
        var services = new ServiceCollection().AddLogging().AddParIndexSilo(DatabaseOptions.ForSqliteFile(path), host).BuildServiceProvider();
        await services.MigrateDatabaseAsync();
        return services;
    }
}
