using Microsoft.Data.Sqlite;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>
/// The statement the importers and the group commit run on SQLite: bound by position, a value bound again only when it
/// changes, and the rows changed or the first column given back as a provider's command gives them.
/// </summary>
public sealed class SqliteStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = """CREATE TABLE t ("K" TEXT PRIMARY KEY, "V" INTEGER, "D" TEXT); INSERT INTO t VALUES ('a', 1, NULL), ('b', 2, NULL), ('c', NULL, NULL);""";
        create.ExecuteNonQuery();
    }

    [Fact]
    public void An_update_gives_the_rows_it_changed_and_none_when_nothing_matches()
    {
        using var update = new SqliteStatement(_connection, """UPDATE t SET "V" = @p0 WHERE "K" = @p1 OR "V" = @p0""", 2);

        Assert.Equal(1, update.Execute([7L, "a"]));
        Assert.Equal(0, update.Execute([5L, "x"]));
        Assert.Equal(2, update.Execute([7L, "b"])); // a (now 7) and b
    }

    [Fact]
    public void A_scalar_is_the_first_column_and_null_for_no_row_or_a_null()
    {
        using var read = new SqliteStatement(_connection, """SELECT "V" FROM t WHERE "K" = @p0""", 1);

        Assert.Equal(2L, read.Scalar(["b"]));
        Assert.Null(read.Scalar(["x"]));
        Assert.Null(read.Scalar(["c"]));
        Assert.Equal(1L, read.Scalar(["a"]));
    }

    [Fact]
    public void A_value_kept_bound_between_runs_still_changes_when_a_run_gives_another()
    {
        using var write = new SqliteStatement(_connection, """UPDATE t SET "D" = @p0 WHERE "K" = @p1""", 2);

        write.Execute([1.5m, "a"]);
        write.Execute([1.50m, "b"]); // equal: left bound, and stored as the same text
        write.Execute([null, "c"]);
        write.Execute([0.25m, "c"]);

        using var read = _connection.CreateCommand();
        read.CommandText = """SELECT group_concat(coalesce("D", '-'), ' ') FROM (SELECT "D" FROM t ORDER BY "K")""";
        Assert.Equal("1.5 1.5 0.25", read.ExecuteScalar());
    }

    public void Dispose() => _connection.Dispose();
}
