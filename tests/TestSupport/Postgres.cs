using Npgsql;
using Xunit;
using Xunit.Sdk;

namespace ParIndex.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: an administrator's connection string in
/// PARINDEX_TEST_POSTGRES (`.ci/run` starts a server and sets it). Each test gets a database of its
/// own, created with a random name and dropped at the end.
/// </summary>
public static class Postgres
{
    public const string Variable = "PARINDEX_TEST_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL tests are skipped here, or null when they run (always under CI=true, where a missing server fails them).</summary>
    public static string? SkipReason => Server is null && !IsCi
        ? $"Không có máy chủ PostgreSQL ({Variable} chưa đặt; .ci/run tự khởi động một máy chủ); CI không được đặt nên bỏ qua."
        : null;

    public static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(Server ?? throw new InvalidOperationException($"{Variable} is not set: no PostgreSQL server for this test."))
        { Database = database }.ToString();

    /// <summary>Creates a database with a random name (a copy of <paramref name="template"/> if given); returns its name.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = "parindex_test_" + Guid.NewGuid().ToString("N")[..16];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"" + (template is null ? "" : $" TEMPLATE \"{template}\""));
        return name;
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Runs a theory on SQLite: the first argument is the provider.</summary>
public sealed class SqliteDataAttribute(params object[] more) : DataAttribute
{
    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[ParIndex.Silo.Persistence.DatabaseOptions.Sqlite, .. more]];
}

/// <summary>
/// Runs a theory on PostgreSQL: the first argument is the provider. Skipped when no server is
/// configured, unless CI=true: then it runs and fails, so CI never passes without having run it.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    private readonly object[] _more;

    public PostgresDataAttribute(params object[] more)
    {
        _more = more;
        Skip = Postgres.SkipReason!;
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[ParIndex.Silo.Persistence.DatabaseOptions.Postgres, .. _more]];
}

/// <summary>A fact that needs PostgreSQL; skipped like <see cref="PostgresDataAttribute"/>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = Postgres.SkipReason!;
}
