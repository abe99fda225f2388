using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>
/// Dropping the pooled connections (after a failover, a read-only spell, a restart of the server) must really give the
/// next caller a new session: one the server ended, or one that started read-only, would otherwise be handed out again.
/// </summary>
[Collection(DemoCollection.Name)]
public class PoolDropTests(DemoDatabase demo)
{
    [Theory, PostgresData]
    public async Task After_the_pool_is_dropped_no_session_pooled_before_is_handed_out_again(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var contexts = services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>();

        var before = await SessionsAsync(contexts, count: 4);
        services.GetRequiredService<StorageHealth>().DropPooledConnections();
        var after = await SessionsAsync(contexts, count: 4);

        Assert.Empty(before.Intersect(after));
    }

    /// <summary>The server's process ids of <paramref name="count"/> sessions taken from the pool at once, then given back.</summary>
    private static async Task<List<int>> SessionsAsync(IDbContextFactory<ParIndexDbContext> contexts, int count)
    {
        var held = new List<ParIndexDbContext>();
        var pids = new List<int>();
        for (var i = 0; i < count; i++)
        {
            var context = await contexts.CreateDbContextAsync();
            held.Add(context);
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT pg_backend_pid()";
            pids.Add(Convert.ToInt32(await command.ExecuteScalarAsync()));
        }
        foreach (var context in held) await context.DisposeAsync();
        return pids;
    }
}
