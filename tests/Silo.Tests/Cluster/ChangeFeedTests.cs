using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Workflow;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cluster;

/// <summary>
/// Several nodes over one PostgreSQL database: each hears what the others changed (LISTEN/NOTIFY) and
/// its grains reload; concurrent writers on different nodes never lose an update.
/// </summary>
[Collection(DemoCollection.Name)]
public class ChangeFeedTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    /// <summary>A node: the silo's services with its change listener running, as the web host runs it.</summary>
    private sealed class Node : IAsyncDisposable
    {
        private Node(RunningSilo services) => Services = services;

        public RunningSilo Services { get; }
        public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();
        private ChangeListener Listener => Services.GetRequiredService<ChangeListener>();

        public static async Task<Node> StartAsync(TestDatabase db)
        {
            var node = new Node(await db.SiloAsync());
            await node.Listener.StartAsync(CancellationToken.None);
            var until = Stopwatch.StartNew();
            while (!node.Listener.IsListening)
            {
                Assert.True(until.Elapsed < TimeSpan.FromSeconds(10), "the node never started listening");
                await Task.Delay(20);
            }
            return node;
        }

        public async Task<ResultLine> LineAsync(string assessor, string group, string unit) =>
            (await Grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, assessor, group)).GetLinesAsync()).Single(l => l.UnitCode == unit);

        public async ValueTask DisposeAsync()
        {
            await Listener.StopAsync(CancellationToken.None);
            await Services.DisposeAsync();
        }
    }

    /// <summary>Polls a node until the condition holds, and says how long it took.</summary>
    private static async Task<TimeSpan> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"not seen within {limit.TotalMilliseconds} ms");
            await Task.Delay(10);
        }
        return clock.Elapsed;
    }

    [Theory, PostgresData]
    public async Task A_write_on_one_node_shows_in_the_other_nodes_ranking_within_a_second(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        Assert.Equal(1, (await b.LineAsync("06", "so", "06-SCT")).Rank); // B has its ranking in memory

        // On A, Sở Công Thương loses every appraisal point: it falls to the bottom.
        var framework = (await a.Grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync()).FrameworkOf("06-SCT");
        var zeroes = framework.Items.Where(i => i.Source == ItemSource.Appraisal).Select(i => new ScoreEntry("06-SCT", i.Code, ScoreKind.Appraised, 0m)).ToList();
        var written = await a.Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SCT")).SetValuesAsync(new ScoreChange(zeroes, "tester", "test"));

        await WithinAsync(TimeSpan.FromSeconds(1), async () => (await b.LineAsync("06", "so", "06-SCT")).Index == written.Result.Index);
        Assert.Equal(19, (await b.LineAsync("06", "so", "06-SCT")).Rank);
        Assert.Equal(written.Version, (await b.Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SCT")).GetAsync()).Version);
        var province = await b.Grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06")).GetRollUpAsync();
        Assert.NotEqual("06-SCT", province.Groups.Single(g => g.Key == "so").Best!.UnitCode); // and the roll-up above it
    }

    [Theory, PostgresData]
    public async Task A_node_skips_its_own_notifications_and_hears_the_others(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var node = await Node.StartAsync(db);
        var received = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) => { if (instrument.Name == ParIndex.Silo.Persistence.ScoreTelemetry.NotificationsName) l.EnableMeasurementEvents(instrument); },
        };
        meters.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags) if (tag.Key == "direction" && (string?)tag.Value == "received") Interlocked.Add(ref received, (int)value);
        });
        meters.Start();
        var change = new ScoreChange([new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Appraised, 0m)], "tester", "test");

        await node.Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV")).SetValuesAsync(change);
        await Task.Delay(300);
        Assert.Equal(0, Volatile.Read(ref received)); // its own write: already applied, not heard

        await using (var other = await db.SiloAsync()) // another node, writing only
            await other.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SCT")).SetValuesAsync(change with { Entries = [new ScoreEntry("06-SCT", "1.1.1", ScoreKind.Appraised, 0m)] });
        await WithinAsync(TimeSpan.FromSeconds(1), () => Task.FromResult(Volatile.Read(ref received) == 1));
    }

    [Theory, PostgresData]
    public async Task A_scores_import_from_the_command_line_refreshes_a_listening_node(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var node = await Node.StartAsync(db);
        var before = await node.LineAsync("06", "so", "06-SNV");

        using var folder = new TempFolder();
        (await db.RunAsync("import", "scores", "--cycle", Cycle, folder.Write("scores.csv", "unit_code,item_code,kind,value,note\n06-SNV,1.1.1,appraised,0,\n06-SNV,1.2.1,appraised,0,\n"))).ShouldSucceed();

        await WithinAsync(TimeSpan.FromSeconds(1), async () => (await node.LineAsync("06", "so", "06-SNV")).Index < before.Index);
    }

    [Theory, PostgresData]
    public async Task Concurrent_writers_on_two_nodes_lose_no_update(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        var key = GrainKeys.Scorecard(Cycle, "06-SCT");
        var start = await a.Grains.GetGrain<IScorecardGrain>(key).GetAsync();
        await b.Grains.GetGrain<IScorecardGrain>(key).GetAsync();
        var framework = (await a.Grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync()).FrameworkOf("06-SCT");
        // Twenty writers, each changing its own item, half through each node, all at once, none with a version:
        // a writer that loses a race retries on top of the winner (as the web API does).
        var targets = framework.Items.Where(i => i.Source == ItemSource.Appraisal).Take(20)
            .Select(i => (i.Code, Value: start.Items.GetValueOrDefault(i.Code)?.Appraised == 0m ? i.Max : 0m)).ToList();
        var conflicts = 0;
        await Task.WhenAll(targets.Select(async (t, n) =>
        {
            var grain = (n % 2 == 0 ? a : b).Grains.GetGrain<IScorecardGrain>(key);
            for (var attempt = 1; ; attempt++)
            {
                try { await grain.SetValuesAsync(new ScoreChange([new ScoreEntry("06-SCT", t.Code, ScoreKind.Appraised, t.Value)], $"writer-{n}", "test")); return; }
                catch (Exception e) when (e is InconsistentStateException or OrleansMessageRejectionException && attempt < 50) { Interlocked.Increment(ref conflicts); await Task.Delay(Random.Shared.Next(1, 10)); }
            }
        }));

        var stored = await db.ScalarAsync("SELECT \"Version\" FROM scorecards WHERE \"CycleId\"='par-2020-06' AND \"UnitCode\"='06-SCT'");
        Assert.Equal(long.Parse(start.Version) + targets.Count, stored); // one version per write: none overwrote another
        await WithinAsync(TimeSpan.FromSeconds(1), async () =>
        {
            var onA = (await a.Grains.GetGrain<IScorecardGrain>(key).GetAsync()).Items;
            var onB = (await b.Grains.GetGrain<IScorecardGrain>(key).GetAsync()).Items;
            return targets.All(t => onA[t.Code].Appraised == t.Value && onB[t.Code].Appraised == t.Value);
        });
    }

    [Theory, PostgresData]
    public async Task A_deadline_set_on_one_node_holds_on_the_other_within_a_second(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        var cycleOnB = b.Grains.GetGrain<ICycleGrain>(Cycle);
        Assert.Null((await cycleOnB.GetDefinitionAsync()).Cycle.SelfAssessmentDeadline); // B has the definition in memory

        var deadline = new DateOnly(2020, 12, 15);
        await a.Services.GetRequiredService<IGrainFactory>().GetGrain<ICycleGrain>(GrainKeys.Cycle(Cycle)).SetSelfAssessmentDeadlineAsync(deadline, "tester");

        await WithinAsync(TimeSpan.FromSeconds(1), async () => (await cycleOnB.GetDefinitionAsync()).Cycle.SelfAssessmentDeadline == deadline);
        // B's scorecards ask their cycle grain at every step: past the deadline, a self score is refused there too.
        var refused = await Assert.ThrowsAsync<DomainException>(() => b.Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "01834"))
            .EnterSelfScoresAsync(new ScoreChange([new ScoreEntry("01834", "1.2", ScoreKind.Self, 1m)], "tester")));
        Assert.Contains("Đã quá hạn tự đánh giá (15/12/2020)", refused.Message);
    }

    [Theory, PostgresData]
    public async Task A_publication_on_one_node_freezes_the_scorecards_the_other_node_holds(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        var cardOnB = b.Grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "01843"));
        Assert.NotEqual(ParIndex.Grains.Domain.Workflow.ScorecardStatus.Published, (await cardOnB.GetAsync()).Workflow.Status); // B holds it, unpublished

        await a.Services.GetRequiredService<PublicationService>().PublishAsync(Cycle, "xa-058", new Decision("15/QĐ-UBND", new DateOnly(2021, 1, 25), "Chủ tịch"), "tester");

        await WithinAsync(TimeSpan.FromSeconds(1), async () => (await cardOnB.GetAsync()).Workflow.Status == ParIndex.Grains.Domain.Workflow.ScorecardStatus.Published);
        var refused = await Assert.ThrowsAsync<DomainException>(() => cardOnB.SetValuesAsync(new ScoreChange([new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 1m)], "tester")));
        Assert.Contains("điều chỉnh", refused.Message);
    }

    [Theory, PostgresData]
    public async Task An_adjustment_on_one_node_shows_as_the_new_version_in_the_other_nodes_ranking(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var a = await Node.StartAsync(db);
        await using var b = await Node.StartAsync(db);
        var publications = a.Services.GetRequiredService<PublicationService>();
        await publications.PublishAsync(Cycle, "xa-058", new Decision("15/QĐ-UBND", new DateOnly(2021, 1, 25), "Chủ tịch"), "tester");
        Assert.Equal(1, (await b.LineAsync("058", "xa-058", "01843")).Version); // B has the ranking in memory

        // Phường Phùng Chí Kiên gains 2 points (1.3: 0.75 → 1.5; 2.2: 0.25 → 1.5) by decision on A.
        await publications.AdjustAsync(Cycle, [new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 1.5m), new ScoreEntry("01843", "2.2", ScoreKind.Appraised, 1.5m)],
            new Decision("1243/QĐ-UBND", new DateOnly(2021, 7, 30), Reason: "Bổ sung tài liệu"), "tester");

        await WithinAsync(TimeSpan.FromSeconds(1), async () => (await b.LineAsync("058", "xa-058", "01843")) is { Version: 2, Rank: 2 });
        Assert.Equal(2, (await b.LineAsync("058", "xa-058", "01855")).Version);
    }
}
