using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>One set of migrations for both providers: it matches the model, and each provider gets its own exact column types.</summary>
public class MigrationTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_migrations_match_the_model_and_leave_nothing_pending(string provider)
    {
        await using var test = await TestDatabase.EmptyAsync(provider);
        await using var services = await test.SiloAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>().CreateDbContextAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed without a migration (or the snapshot is not provider-neutral)");
    }

    [Theory]
    [PostgresData("item_values", "Self", "numeric")]
    [PostgresData("results", "Index", "numeric")]
    [PostgresData("framework_items", "Max", "numeric")]
    [PostgresData("cycles", "ReferenceDate", "date")]
    [PostgresData("units", "ValidFrom", "date")]
    [PostgresData("audit", "At", "timestamp with time zone")]
    [PostgresData("import_batches", "At", "timestamp with time zone")]
    [PostgresData("import_batches", "Id", "bigint")]
    [PostgresData("scorecards", "Version", "bigint")]
    [PostgresData("groups", "AllowOver100", "boolean")]
    public async Task PostgreSQL_columns_get_its_own_types_and_decimals_no_fixed_scale(string provider, string table, string column, string type)
    {
        await using var test = await TestDatabase.EmptyAsync(provider);
        await using (await test.SiloAsync()) { }
        Assert.Equal(type, await TextAsync(test, $"SELECT data_type FROM information_schema.columns WHERE table_name='{table}' AND column_name='{column}'"));
        Assert.Equal(0, await test.ScalarAsync($"SELECT COUNT(*) FROM information_schema.columns WHERE table_name='{table}' AND column_name='{column}' AND numeric_scale IS NOT NULL AND data_type='numeric'"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_exact_index_is_stored_and_read_back_without_rounding(string provider)
    {
        await using var test = await TestDatabase.EmptyAsync(provider);
        await using var services = await test.SiloAsync();
        var contexts = services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>();
        var exact = 100m * 277.5m / 303m; // 91.584158415841584158415841584
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Results.Add(new ResultRow { CycleId = "c", UnitCode = "u", GroupCode = "g", Obtained = 277.5m, Maximum = 303m, Index = exact, ComputedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }
        await using (var db = await contexts.CreateDbContextAsync())
            Assert.Equal(exact, (await db.Results.SingleAsync()).Index);
    }

    private static async Task<string?> TextAsync(TestDatabase test, string sql)
    {
        await using var connection = await test.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string?)await command.ExecuteScalarAsync();
    }
}
