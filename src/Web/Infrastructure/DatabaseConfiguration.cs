using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// The database from configuration: `ConnectionStrings:ParIndex` and `Database:Provider` (sqlite or
/// postgres; postgres needs the connection string); by default a
/// SQLite file in the app's data folder (`Database:DataFolder`, default App_Data), created on first start.
/// `Database:CommandTimeoutSeconds` (60): how long a command, or a SQLite write waiting for the lock, may take.
/// </summary>
public static class DatabaseConfiguration
{
    public static DatabaseOptions From(IConfiguration configuration, string contentRoot) =>
        Choose(configuration, contentRoot) with { CommandTimeoutSeconds = configuration.GetValue("Database:CommandTimeoutSeconds", 60) };

    private static DatabaseOptions Choose(IConfiguration configuration, string contentRoot)
    {
        var provider = configuration["Database:Provider"] ?? DatabaseOptions.Sqlite;
        var connection = configuration.GetConnectionString("ParIndex");
        if (!string.IsNullOrWhiteSpace(connection)) return new DatabaseOptions(provider, connection);
        if (!new DatabaseOptions(provider, "").IsSqlite)
            throw new InvalidOperationException($"Database:Provider={provider} cần chuỗi kết nối ConnectionStrings:ParIndex (biến môi trường ConnectionStrings__ParIndex).");
        var folder = Path.Combine(contentRoot, configuration["Database:DataFolder"] ?? "App_Data");
        return DatabaseOptions.ForSqliteFile(Path.Combine(folder, "parindex.db"));
    }
}
