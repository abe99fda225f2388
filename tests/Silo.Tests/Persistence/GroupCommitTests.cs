using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>Group commit: many writers share commits, and every acknowledged write is stored, none lost, none mixed up.</summary>
[Collection(DemoCollection.Name)]
public class GroupCommitTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    [Fact]
    public async Task Concurrent_writes_are_all_stored_once_acknowledged_and_survive_a_restart()
    {
        using var folder = new TempFolder();
        await using var path = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var auditBefore = await path.CountAsync("audit");
        var versionsBefore = await path.ScalarAsync("SELECT SUM(\"Version\") FROM scorecards");
        List<(string Unit, string Item, decimal Value)> written;

        await using (var services = await path.SiloAsync())
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            var cycle = await grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync();
            var units = cycle.Cycle.Groups.SelectMany(g => cycle.Members[g.Code]).Select(u => u.Code).Take(64).ToList();
            Assert.Equal(64, units.Count);
            written = units.Select((u, i) =>
            {
                var item = cycle.FrameworkOf(u).Items.First(x => x.Source == ItemSource.Appraisal);
                return (u, item.Code, Math.Round(item.Max * (i % 5) / 4m, 2));
            }).ToList();

            // 64 writers at once, each twice, so that commits are shared and a grain's second write builds on its first.
            await Task.WhenAll(written.Select(w => Task.Run(async () =>
            {
                var card = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, w.Unit));
                await card.SetValuesAsync(new ScoreChange([new ScoreEntry(w.Unit, w.Item, ScoreKind.Appraised, 0m)], "tester", "test"));
                var view = await card.SetValuesAsync(new ScoreChange([new ScoreEntry(w.Unit, w.Item, ScoreKind.Appraised, w.Value)], "tester", "test"));
                Assert.Equal(w.Value, view.Items[w.Item].Appraised);
            })));
        }

        Assert.Equal(auditBefore + 128, await path.CountAsync("audit"));
        Assert.Equal(versionsBefore + 128, await path.ScalarAsync("SELECT SUM(\"Version\") FROM scorecards"));
        await using (var services = await path.SiloAsync())
        {
            var grains = services.GetRequiredService<IGrainFactory>();
            foreach (var (unit, item, value) in written)
            {
                var view = await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, unit)).GetAsync();
                Assert.Equal(value, view.Items[item].Appraised);
                var group = (await grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync()).GroupOf(unit)!;
                var line = (await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, group.AssessorCode, group.Code)).GetLinesAsync()).Single(l => l.UnitCode == unit);
                Assert.Equal(view.Result.Index, line.Index);
            }
        }
    }

    [Fact]
    public async Task A_stale_write_fails_alone_and_the_writes_beside_it_commit()
    {
        using var folder = new TempFolder();
        await using var path = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        await using var services = await path.SiloAsync();
        var storage = services.GetRequiredService<IStateStore<ScorecardState>>();
        var keys = new[] { "06-SNV", "06-STP", "06-SCT" }.Select(u => GrainKeys.Scorecard(Cycle, u)).ToArray();
        var states = await Task.WhenAll(keys.Select(k => storage.ReadAsync(k, CancellationToken.None)));
        var auditBefore = await path.CountAsync("audit");

        Task<string> Write(int i, string? etag)
        {
            var state = states[i].State;
            var old = state.Items["1.1.1"];
            state.Items["1.1.1"] = old with { Appraised = 0.125m };
            state.PendingAudit = [new AuditEntry("1.1.1", ScoreKind.Appraised, old.Appraised, 0.125m, null, null, "tester", "test", DateTimeOffset.UtcNow)];
            return storage.WriteAsync(keys[i], state, etag, CancellationToken.None);
        }

        // Submitted together, so that they can share one commit.
        var first = Write(0, states[0].Etag);
        var stale = Write(1, "999");
        var third = Write(2, states[2].Etag);

        Assert.Equal((long.Parse(states[0].Etag!) + 1).ToString(), await first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale);
        Assert.Equal((long.Parse(states[2].Etag!) + 1).ToString(), await third);
        Assert.Equal(auditBefore + 2, await path.CountAsync("audit"));
        Assert.Equal(0, await path.ScalarAsync("SELECT COUNT(*) FROM item_values WHERE \"UnitCode\" = '06-STP' AND \"ItemCode\" = '1.1.1' AND \"Appraised\" = '0.125'"));
        Assert.Equal(1, await path.ScalarAsync("SELECT COUNT(*) FROM item_values WHERE \"UnitCode\" = '06-SCT' AND \"ItemCode\" = '1.1.1' AND \"Appraised\" = '0.125'"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_result_row_follows_its_scorecard_into_another_group_and_is_made_again_when_missing(string provider)
    {
        await using var path = await demo.CopyUnpublishedAsync(provider);
        await using var services = await path.SiloAsync();
        var storage = services.GetRequiredService<IStateStore<ScorecardState>>();
        var cycle = await services.GetRequiredService<IGrainFactory>().GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync();
        var moved = GrainKeys.Scorecard(Cycle, "06-SNV");
        var lost = GrainKeys.Scorecard(Cycle, "06-STP");
        await using (var connection = await path.OpenAsync())
        await using (var delete = connection.CreateCommand())
        {
            delete.CommandText = $"DELETE FROM results WHERE \"CycleId\" = '{Cycle}' AND \"UnitCode\" = '06-STP'";
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }

        async Task WriteAsync(string key, Action<ScorecardState> change)
        {
            var read = await storage.ReadAsync(key, CancellationToken.None);
            var state = read.State;
            change(state);
            var old = state.Items["1.1.1"];
            state.Items["1.1.1"] = old with { Appraised = 0.25m };
            state.PendingAudit = [new AuditEntry("1.1.1", ScoreKind.Appraised, old.Appraised, 0.25m, null, null, "tester", "test", DateTimeOffset.UtcNow)];
            state.Result = ScoringPolicy.Compute(GrainKeys.Split(key).Remainder, cycle.FrameworkOf(GrainKeys.Split(key).Remainder), state.Items, ScoringSettings.Default);
            await storage.WriteAsync(key, state, read.Etag, CancellationToken.None);
        }

        await WriteAsync(moved, s => s.GroupCode = "nhom-moi");
        await WriteAsync(lost, _ => { });

        Assert.Equal(1, await path.ScalarAsync($"SELECT COUNT(*) FROM results WHERE \"UnitCode\" = '06-SNV' AND \"GroupCode\" = 'nhom-moi'"));
        Assert.Equal(1, await path.ScalarAsync($"SELECT COUNT(*) FROM results WHERE \"UnitCode\" = '06-STP' AND \"CycleId\" = '{Cycle}'"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_write_commits_only_on_the_version_stored_and_written_as_stored(string provider)
    {
        await using var path = await demo.CopyUnpublishedAsync(provider);
        await using var services = await path.SiloAsync();
        var storage = services.GetRequiredService<IStateStore<ScorecardState>>();
        var key = GrainKeys.Scorecard(Cycle, "06-STP");
        var (state, etag) = await storage.ReadAsync(key, CancellationToken.None);
        var version = long.Parse(etag!);
        var old = state.Items["1.1.1"];
        state.Items["1.1.1"] = old with { Appraised = 0.375m };
        state.PendingAudit = [new AuditEntry("1.1.1", ScoreKind.Appraised, old.Appraised, 0.375m, null, null, "tester", "test", DateTimeOffset.UtcNow)];
        var audit = await path.CountAsync("audit");
        async Task<long> Stored() => await path.ScalarAsync($"SELECT \"Version\" FROM scorecards WHERE \"CycleId\" = '{Cycle}' AND \"UnitCode\" = '06-STP'");
        async Task<long> Written() => await path.ScalarAsync("SELECT COUNT(*) FROM item_values WHERE \"UnitCode\" = '06-STP' AND \"ItemCode\" = '1.1.1' AND \"Appraised\" = '0.375'");

        // The next version, the one before, the same number written otherwise, and none (for a scorecard that is stored).
        foreach (var wrong in new[] { (version + 1).ToString(), (version - 1).ToString(), "0" + etag, " " + etag, null })
        {
            await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(key, state, wrong, CancellationToken.None));
            Assert.Equal(version, await Stored());
            Assert.Equal(0, await Written());
            Assert.Equal(audit, await path.CountAsync("audit"));
        }

        Assert.Equal((version + 1).ToString(), await storage.WriteAsync(key, state, etag, CancellationToken.None));
        Assert.Equal(version + 1, await Stored());
        Assert.Equal(1, await Written());
        Assert.Equal(audit + 1, await path.CountAsync("audit"));

        // A scorecard not stored yet takes a write without an ETag only, and starts at version 1.
        var unstored = GrainKeys.Scorecard(Cycle, "06-CHUA-CO");
        var (fresh, none) = await storage.ReadAsync(unstored, CancellationToken.None);
        Assert.Null(none);
        fresh.GroupCode = state.GroupCode;
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteAsync(unstored, fresh, "1", CancellationToken.None));
        Assert.Equal("1", await storage.WriteAsync(unstored, fresh, null, CancellationToken.None));
        Assert.Equal("1", (await storage.ReadAsync(unstored, CancellationToken.None)).Etag);
    }
}
