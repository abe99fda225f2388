using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>
/// The WithoutRowid migration (issue 17): on SQLite the hot composite-key tables are single B-trees, a database
/// migrated from before keeps every row, index and trigger, and going back down restores rowid tables.
/// </summary>
public partial class WithoutRowidTests
{
    private const string Before = "20261204110000_ImportBatches"; // the migration before WithoutRowid
    private static readonly string[] Rebuilt = ["item_values", "scorecards"];
    private static readonly string[] KeptAsRowidTables = ["results", "audit", "group_members"];

    [Fact]
    public async Task A_new_SQLite_database_has_its_hot_composite_key_tables_without_rowid()
    {
        await using var test = await TestDatabase.EmptyAsync(DatabaseOptions.Sqlite);
        await MigrateAsync(test, null);
        await using var connection = await test.OpenAsync();
        foreach (var table in Rebuilt)
        {
            Assert.EndsWith(") WITHOUT ROWID", await TableSqlAsync(connection, table));
            var error = await Assert.ThrowsAnyAsync<DbException>(() => QueryAsync(connection, $"SELECT rowid FROM \"{table}\""));
            Assert.Contains("no such column: rowid", error.Message);
        }
        foreach (var table in KeptAsRowidTables)
        {
            Assert.DoesNotContain("WITHOUT ROWID", await TableSqlAsync(connection, table));
            await QueryAsync(connection, $"SELECT rowid FROM \"{table}\"");
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Migrating_a_filled_database_keeps_every_row_index_and_trigger_and_down_restores_rowid_tables(string provider)
    {
        await using var test = await TestDatabase.EmptyAsync(provider);
        await MigrateAsync(test, Before);
        await FillAsync(test);
        var rows = await RowsAsync(test);
        var schema = test.IsSqlite ? await SchemaAsync(test) : null;

        await MigrateAsync(test, null);
        Assert.Equal(rows, await RowsAsync(test));
        if (test.IsSqlite)
        {
            var after = await SchemaAsync(test);
            // The same indexes and triggers (the audit's append-only ones included), and each rebuilt table exactly as EF made it, plus WITHOUT ROWID.
            Assert.Equal(schema!.Where(e => !Rebuilt.Contains(e.Table)), after.Where(e => !Rebuilt.Contains(e.Table)));
            foreach (var table in Rebuilt)
            {
                Assert.Equal(schema!.Single(e => e.Name == table).Sql + " WITHOUT ROWID", after.Single(e => e.Name == table).Sql);
                Assert.DoesNotContain(after, e => e.Name == $"sqlite_autoindex_{table}_1"); // the key is the table itself
            }
            await AssertSoundAsync(test);
            await AssertAuditIsAppendOnlyAsync(test);
        }

        await MigrateAsync(test, Before);
        Assert.Equal(rows, await RowsAsync(test));
        if (test.IsSqlite)
        {
            Assert.Equal(schema, await SchemaAsync(test));
            await AssertSoundAsync(test);
        }
    }

    /// <summary>Rows as the services write them: values with and without notes, decimals of many digits, a returned scorecard.</summary>
    private static async Task FillAsync(TestDatabase test)
    {
        await using var db = new ParIndexDbContext(test.Options.BuildOptions());
        var at = new DateTimeOffset(2026, 12, 4, 5, 0, 0, TimeSpan.Zero); // PostgreSQL stores timestamptz from UTC only
        foreach (var unit in new[] { "00001", "00004", "xa-ba-be" })
        {
            db.Scorecards.Add(new ScorecardRow
            {
                CycleId = "par-2025", UnitCode = unit, GroupCode = "xa", Version = unit.Length, UpdatedAt = at,
                Status = unit == "00004" ? "Returned" : "Draft", Round = unit == "00004" ? 2 : 1,
                Returns = unit == "00004" ? """{"1.1.2":{"question":"Thiếu văn bản","answer":null}}""" : "{}",
                DeadlineException = unit == "xa-ba-be",
            });
            db.Results.Add(new ResultRow { CycleId = "par-2025", UnitCode = unit, GroupCode = "xa", Obtained = 277.5m, Maximum = 303m, Index = 100m * 277.5m / 303m, ComputedAt = at });
            for (var item = 1; item <= 90; item++)
            {
                db.ItemValues.Add(new ItemValueRow
                {
                    CycleId = "par-2025", UnitCode = unit, ItemCode = $"{item / 10 + 1}.{item % 10}",
                    Self = item % 7 == 0 ? null : item / 3m, Appraised = item % 5 == 0 ? null : 0.123456789012345678901234567m * item,
                    Survey = item > 80 ? item / 100m : null, Bonus = item == 89 ? 1.5m : null, Penalty = item == 90 ? 2m : null,
                    NotApplicableReason = item == 13 ? "Không phát sinh" : null, SelfNote = item % 11 == 0 ? "Đã có quyết định" : null,
                    AppraisedNote = item % 13 == 0 ? "đo hiệu năng" : null,
                });
                db.Audit.Add(new AuditRow { At = at, User = "admin", Origin = "import", CycleId = "par-2025", UnitCode = unit, ItemCode = $"{item}", Kind = "self", NewValue = $"{item}" });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Every row of every table the migration touches or must leave alone, each value with the type it is stored as.</summary>
    private static async Task<List<string>> RowsAsync(TestDatabase test)
    {
        await using var connection = await test.OpenAsync();
        var rows = new List<string>();
        foreach (var (table, order) in new[]
        {
            ("item_values", "\"CycleId\", \"UnitCode\", \"ItemCode\""), ("scorecards", "\"CycleId\", \"UnitCode\""),
            ("results", "\"CycleId\", \"UnitCode\""), ("audit", "\"Id\""),
        })
            rows.AddRange((await QueryAsync(connection, $"SELECT * FROM \"{table}\" ORDER BY {order}")).Select(r => $"{table}: {r}"));
        Assert.Equal(3 * 90 + 3 + 3 + 3 * 90, rows.Count);
        return rows;
    }

    private sealed record SchemaEntry(string Type, string Name, string Table, string Sql);

    /// <summary>sqlite_master, its statements with their whitespace made single (EF writes newlines, ALTER TABLE spaces).</summary>
    private static async Task<List<SchemaEntry>> SchemaAsync(TestDatabase test)
    {
        await using var connection = await test.OpenAsync();
        return (await QueryRecordsAsync(connection, "SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master ORDER BY type, name"))
            .Select(r => new SchemaEntry((string)r[0], (string)r[1], (string)r[2], Spaces().Replace((string)r[3], " ")))
            .ToList();
    }

    private static async Task AssertSoundAsync(TestDatabase test)
    {
        await using var connection = await test.OpenAsync();
        Assert.Equal(new[] { "String:ok" }, await QueryAsync(connection, "PRAGMA integrity_check"));
        Assert.Empty(await QueryAsync(connection, "PRAGMA foreign_key_check"));
    }

    private static async Task AssertAuditIsAppendOnlyAsync(TestDatabase test)
    {
        await using var connection = await test.OpenAsync();
        var error = await Assert.ThrowsAnyAsync<DbException>(() => QueryAsync(connection, "UPDATE audit SET \"User\" = 'x'"));
        Assert.Contains("append-only", error.Message);
        error = await Assert.ThrowsAnyAsync<DbException>(() => QueryAsync(connection, "DELETE FROM audit"));
        Assert.Contains("append-only", error.Message);
    }

    /// <summary>Applies the migrations up (or down) to the one named, or to the last.</summary>
    private static async Task MigrateAsync(TestDatabase test, string? target)
    {
        await using var db = new ParIndexDbContext(test.Options.BuildOptions());
        await db.GetService<IMigrator>().MigrateAsync(target);
    }

    private static async Task<string> TableSqlAsync(DbConnection connection, string table) =>
        Assert.Single(await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'"))["String:".Length..];

    private static async Task<List<string>> QueryAsync(DbConnection connection, string sql) =>
        (await QueryRecordsAsync(connection, sql)).Select(r => string.Join(" | ", r.Select(v => $"{v.GetType().Name}:{v}"))).ToList();

    private static async Task<List<object[]>> QueryRecordsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
