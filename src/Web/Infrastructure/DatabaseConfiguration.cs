using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// The database from configuration: `ConnectionStrings:ParIndex` and `Database:Provider`; by default a
/// SQLite file in the app's data folder (`Database:DataFolder`, default App_Data), created on first start.
/// </summary>
public static class DatabaseConfiguration
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? DatabaseOptions.Sqlite;
        var connection = configuration.GetConnectionString("ParIndex");
        if (!string.IsNullOrWhiteSpace(connection)) return new DatabaseOptions(provider, connection);
        var folder = Path.Combine(contentRoot, configuration["Database:DataFolder"] ?? "App_Data");
        return DatabaseOptions.ForSqliteFile(Path.Combine(folder, "parindex.db"));
    }
}
