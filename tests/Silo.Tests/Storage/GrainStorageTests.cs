using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Storage;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Storage;

/// <summary>
/// Issue 14, first step: Orleans' runtime (an in-process cluster of two silos) keeps grain state through our storage
/// provider on the EF Core store, on SQLite and PostgreSQL: the stored scorecard is read, a write lands in the
/// tables, a silo that stops leaves its grains' state to the other, and a stale ETag writes nothing.
/// </summary>
[Collection(DemoCollection.Name)]
public class GrainStorageTests(DemoDatabase demo)
{
    private const string Key = "par-2020-06/06-SCT";

    private static async Task<InProcessTestCluster> ClusterAsync(TestDatabase db)
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.Services.AddParIndexStores(db.Options);
            silo.AddParIndexGrainStorage();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_grain_reads_the_stored_scorecard_with_its_version_as_ETag(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var cluster = await ClusterAsync(db);
        var stored = await db.ScalarAsync("SELECT \"Version\" FROM \"scorecards\" WHERE \"CycleId\" = 'par-2020-06' AND \"UnitCode\" = '06-SCT'");
        var items = await db.ScalarAsync("SELECT COUNT(*) FROM \"item_values\" WHERE \"CycleId\" = 'par-2020-06' AND \"UnitCode\" = '06-SCT'");

        var view = await cluster.Client.GetGrain<IStoredScorecardGrain>(Key).ReadAsync();

        Assert.Equal((stored.ToString(System.Globalization.CultureInfo.InvariantCulture), true, (int)items), (view.ETag, view.RecordExists, view.Items));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_write_lands_in_the_tables_and_survives_the_silo_that_held_the_grain(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var cluster = await ClusterAsync(db);
        var grain = cluster.Client.GetGrain<IStoredScorecardGrain>(Key);
        var before = await grain.ReadAsync();

        var written = await grain.SetSelfAsync("1.1.1", 0.25m);
        Assert.Equal(long.Parse(before.ETag!) + 1, long.Parse(written.ETag!));
        Assert.Equal(long.Parse(written.ETag!), await db.ScalarAsync("SELECT \"Version\" FROM \"scorecards\" WHERE \"CycleId\" = 'par-2020-06' AND \"UnitCode\" = '06-SCT'"));

        // One activation: asked again, the same silo answers with the same state.
        Assert.Equal(written, await grain.ReadAsync());

        // The silo holding it stops: the grain comes back on the other one, from storage.
        var holder = cluster.Silos.Single(s => s.SiloAddress.ToString() == written.Silo);
        await cluster.StopSiloAsync(holder);
        var after = await grain.ReadAsync();
        Assert.NotEqual(written.Silo, after.Silo);
        Assert.Equal((written.ETag, 0.25m), (after.ETag, after.Self));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_stale_ETag_fails_with_Orleans_InconsistentStateException_and_writes_nothing(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var cluster = await ClusterAsync(db);
        var grain = cluster.Client.GetGrain<IStoredScorecardGrain>(Key);
        var read = await grain.ReadAsync();

        // Another writer (another node, an import) moves the scorecard on behind the grain's back.
        await using (var other = new ServiceCollection().AddLogging().AddParIndexStores(db.Options).BuildServiceProvider())
        {
            var store = other.GetRequiredService<IStateStore<ScorecardState>>();
            var (state, etag) = await store.ReadAsync(Key, CancellationToken.None);
            state.Items["1.1.1"] = state.Items["1.1.1"] with { Self = 0.5m };
            state.PendingAudit = [new AuditEntry("1.1.1", ParIndex.Grains.Domain.ScoreKind.Self, null, 0.5m, null, null, "other", "test", DateTimeOffset.UtcNow)];
            await store.WriteAsync(Key, state, etag, CancellationToken.None);
        }
        var moved = await db.ScalarAsync("SELECT \"Version\" FROM \"scorecards\" WHERE \"CycleId\" = 'par-2020-06' AND \"UnitCode\" = '06-SCT'");
        Assert.Equal(long.Parse(read.ETag!) + 1, moved);

        await Assert.ThrowsAsync<Orleans.Storage.InconsistentStateException>(() => grain.SetSelfAsync("1.1.1", 0.125m));
        Assert.Equal(moved, await db.ScalarAsync("SELECT \"Version\" FROM \"scorecards\" WHERE \"CycleId\" = 'par-2020-06' AND \"UnitCode\" = '06-SCT'"));

        // Orleans drops the stale activation: the next call reads the other writer's value, then writes on top of it.
        var fresh = await grain.ReadAsync();
        Assert.Equal((moved.ToString(System.Globalization.CultureInfo.InvariantCulture), 0.5m), (fresh.ETag, fresh.Self));
        Assert.Equal(0.125m, (await grain.SetSelfAsync("1.1.1", 0.125m)).Self);
    }
}
