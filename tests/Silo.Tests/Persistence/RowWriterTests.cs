using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>
/// The bulk importers' writer stores a row exactly as EF Core stores the same row: on SQLite decimals, times and dates
/// are text there, and rows of the two writers must compare, sort and read back alike. Each kind of column it writes is
/// written once by EF and once by the writer, and the two rows compared column by column as the database gives them back.
/// </summary>
public sealed class RowWriterTests
{
    private static readonly DateTimeOffset At = new DateTimeOffset(2024, 1, 31, 7, 5, 9, TimeSpan.Zero).AddTicks(1_234_500);

    [Theory, SqliteData, PostgresData]
    public async Task A_result_row_written_in_bulk_is_stored_as_EF_stores_it(string provider)
    {
        await using var test = await MigratedAsync(provider);
        await using (var db = new ParIndexDbContext(test.Options.BuildOptions()))
        {
            db.Results.Add(new ResultRow
            {
                CycleId = "c", UnitCode = "ef", GroupCode = "g", Obtained = 1m, Maximum = 100.00m, Index = 70.222759802439270234855357323m, DisplayIndex = null,
                DisplayDecimals = 2, Classification = "Khá", Provisional = true, SelfSubtotal = 0m, AppraisalSubtotal = 0.5m, SurveySubtotal = 12.125m,
                BonusSubtotal = -1m, PenaltySubtotal = 3.10m, Rank = 7, Components = "1/2", ComputedAt = At,
            });
            await db.SaveChangesAsync();
        }
        await WriteAsync(test, """
            INSERT INTO "results" ("CycleId","UnitCode","GroupCode","Obtained","Maximum","Index","DisplayIndex","DisplayDecimals","Classification","Provisional",
              "SelfSubtotal","AppraisalSubtotal","SurveySubtotal","BonusSubtotal","PenaltySubtotal","Rank","Components","ComputedAt")
            VALUES
            """, ["c", "bulk", "g", 1m, 100.00m, 70.222759802439270234855357323m, null, 2, "Khá", true, 0m, 0.5m, 12.125m, -1m, 3.10m, 7, "1/2", At]);

        var ef = await RowAsync(test, "results", "UnitCode", "ef");
        Assert.Equal(ef, await RowAsync(test, "results", "UnitCode", "bulk"));
        if (test.IsSqlite)
        {
            // EF's (Microsoft.Data.Sqlite's) text: a decimal keeps one decimal place at least, a time its offset after a space.
            Assert.Equal("String:1.0", ef["Obtained"]);
            Assert.Equal("String:100.0", ef["Maximum"]);
            Assert.Equal("String:3.1", ef["PenaltySubtotal"]);
            Assert.Equal("Int64:1", ef["Provisional"]);
            Assert.Equal("String:2024-01-31 07:05:09.12345+00:00", ef["ComputedAt"]);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_scorecard_and_a_unit_written_in_bulk_are_stored_as_EF_stores_them(string provider)
    {
        await using var test = await MigratedAsync(provider);
        await using (var db = new ParIndexDbContext(test.Options.BuildOptions()))
        {
            db.Scorecards.Add(new ScorecardRow { CycleId = "c", UnitCode = "ef", GroupCode = "g", Version = 1, UpdatedAt = At });
            db.Units.Add(new UnitRow { Code = "ef", Name = "Xã Thử", Type = "Xã", Level = 3, ParentCode = "001", ValidFrom = new DateOnly(2025, 7, 1), ValidTo = null, Predecessors = "" });
            await db.SaveChangesAsync();
        }
        await WriteAsync(test, """
            INSERT INTO "scorecards" ("CycleId","UnitCode","GroupCode","Version","Status","Round","Returns","DeadlineException","UpdatedAt")
            VALUES
            """, ["c", "bulk", "g", 1L, "Draft", 1, "{}", false, At]);
        await WriteAsync(test, """
            INSERT INTO "units" ("Code","Name","Type","Level","ParentCode","ValidFrom","ValidTo","Predecessors")
            VALUES
            """, ["bulk", "Xã Thử", "Xã", 3, "001", new DateOnly(2025, 7, 1), null, ""]);

        Assert.Equal(await RowAsync(test, "scorecards", "UnitCode", "ef"), await RowAsync(test, "scorecards", "UnitCode", "bulk"));
        var ef = await RowAsync(test, "units", "Code", "ef");
        ef.Remove("Id");
        var bulk = await RowAsync(test, "units", "Code", "bulk");
        bulk.Remove("Id");
        Assert.Equal(ef, bulk);
        if (test.IsSqlite) Assert.Equal(("String:2025-07-01", "String:"), (ef["ValidFrom"], ef["Predecessors"])); // empty text is text, not NULL
    }

    [Theory, SqliteData, PostgresData]
    public async Task Rows_added_from_one_array_refilled_each_time_are_each_stored_as_given(string provider)
    {
        await using var test = await MigratedAsync(provider);
        await using (var db = new ParIndexDbContext(test.Options.BuildOptions()))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await using (var writer = RowWriter.Create(db, """
                INSERT INTO "scorecards" ("CycleId","UnitCode","GroupCode","Version","Status","Round","Returns","DeadlineException","UpdatedAt")
                VALUES
                """, "", 9))
            {
                // Nine rows: more than one of PostgreSQL's multi-row statements, and a rest.
                var row = new object?[9];
                for (int i = 0; i < 9; i++)
                {
                    (row[0], row[1], row[2], row[3], row[4]) = ("c", $"u{i}", i % 2 == 0 ? "even" : "odd", (long)i + 1, "Draft");
                    (row[5], row[6], row[7], row[8]) = (1, "{}", false, At);
                    await writer.AddAsync(row, CancellationToken.None);
                }
                await writer.FlushAsync(CancellationToken.None);
            }
            await transaction.CommitAsync();
        }

        for (int i = 0; i < 9; i++)
        {
            var stored = await RowAsync(test, "scorecards", "UnitCode", $"u{i}");
            Assert.Equal((i % 2 == 0 ? "String:even" : "String:odd", $"Int64:{i + 1}"), (stored["GroupCode"], stored["Version"].Replace("Int32", "Int64", StringComparison.Ordinal)));
        }
    }

    private static async Task<TestDatabase> MigratedAsync(string provider)
    {
        var test = await TestDatabase.EmptyAsync(provider);
        await using var db = new ParIndexDbContext(test.Options.BuildOptions());
        await db.MigrateAsync();
        return test;
    }

    private static async Task WriteAsync(TestDatabase test, string head, object?[] row)
    {
        await using var db = new ParIndexDbContext(test.Options.BuildOptions());
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var writer = RowWriter.Create(db, head, "", row.Length))
        {
            await writer.AddAsync(row, CancellationToken.None);
            await writer.FlushAsync(CancellationToken.None);
        }
        await transaction.CommitAsync();
    }

    /// <summary>Every column but the key, as its stored type and value.</summary>
    private static async Task<Dictionary<string, string>> RowAsync(TestDatabase test, string table, string keyColumn, string key)
    {
        await using var connection = await test.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{keyColumn}\" = '{key}'";
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No {table} row {key}.");
        var row = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < reader.FieldCount; i++)
            if (reader.GetName(i) != keyColumn)
                row[reader.GetName(i)] = reader.IsDBNull(i) ? "null" : $"{reader.GetValue(i).GetType().Name}:{Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)}";
        return row;
    }
}
