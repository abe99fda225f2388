using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.OrleansCluster;

/// <summary>
/// The real grains (scorecard, ranking, unit, cycle) on a cluster of two silos with our storage provider on one
/// database: what a second node must not change. Run on SQLite and on PostgreSQL by the two classes below, each on
/// the cluster of its collection.
/// </summary>
/// <remarks>
/// The cluster is shared by the tests of a collection and they may run in any order, so each test writes only units
/// of its own: 98-SA, 98-SB, 98-SC, 98-SE, commune 98-Y and, for the roll-ups, 98-SD and commune 98-X; the roll-up
/// test compares the province's figures before and after its own change. Every scorecard starts empty (imported, nothing entered):
/// 0 of its maximum, index 0, provisional, "Yếu".
/// Rules used by hand below: an appraisal item counts its appraised score; index = obtained × 100 / maximum, where a
/// department's maximum is 4 + 6 = 10 and a commune's 8 + 12 = 20 (<see cref="TwoSilos"/>).
/// </remarks>
public abstract class TwoSiloClusterTests(TwoSilos silos)
{
    private const string Cycle = TwoSilos.CycleId;

    private static ScoreChange Appraised(string unit, params (string Item, decimal Value)[] values) =>
        new(values.Select(v => new ScoreEntry(unit, v.Item, ScoreKind.Appraised, v.Value)).ToList(), "tester", "test");

    private IScorecardGrain Card(int silo, string unit) => silos.Grains(silo).GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, unit));

    /// <summary>A scorecard's version (its ETag) as the number the scorecards table stores.</summary>
    private static long Number(string version) => long.Parse(version, CultureInfo.InvariantCulture);

    private Task<long> StoredVersionAsync(string unit) =>
        silos.Db.ScalarAsync($"SELECT \"Version\" FROM scorecards WHERE \"CycleId\" = '{Cycle}' AND \"UnitCode\" = '{unit}'");

    private Task<long> AuditRowsAsync(string unit) =>
        silos.Db.ScalarAsync($"SELECT COUNT(*) FROM audit WHERE \"CycleId\" = '{Cycle}' AND \"UnitCode\" = '{unit}'");

    [Fact]
    public virtual async Task A_score_written_through_silo_1_is_read_through_silo_2_from_one_activation()
    {
        // 98-SA: appraised 2 of 4 and 3 of 6 → 5 of 10 → index 50, "Trung bình".
        var written = await Card(1, "98-SA").SetValuesAsync(Appraised("98-SA", ("1.1", 2m), ("1.2", 3m)));

        var read = await Card(2, "98-SA").GetAsync();

        Assert.Equal((written.Version, 2m, 3m, 50m, "Trung bình"),
            (read.Version, read.Items["1.1"].Appraised, read.Items["1.2"].Appraised, read.Result.Index, read.Result.Classification));
        Assert.Equal(Number(read.Version), await StoredVersionAsync("98-SA"));
        // One activation in the whole cluster, on a silo of the cluster: each silo asked for its own activations of it.
        var grain = (GrainReference)Card(2, "98-SA");
        Assert.Equal(1, await silos.Management.GetGrainActivationCount(grain));
        var holder = await silos.Management.GetActivationAddress(grain);
        Assert.NotNull(holder);
        Assert.Contains(holder, new[] { silos.Silo(1).SiloAddress, silos.Silo(2).SiloAddress });
    }

    [Fact]
    public virtual async Task A_silo_stopped_after_a_write_leaves_the_stored_state_to_the_other_silo()
    {
        var silo1 = silos.Silo(1);
        var silo2 = silos.Silo(2);
        try
        {
            // 98-SB activates on silo 2: Orleans places a new activation where the call's placement hint says.
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo2.SiloAddress);
            var before = await Card(2, "98-SB").GetAsync();
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            Assert.Equal(silo2.SiloAddress, await silos.Management.GetActivationAddress(Card(1, "98-SB")));

            // Appraised 4 of 4 and 5 of 6 → 9 of 10 → index 90, "Xuất sắc"; the version moves on by one.
            var written = await Card(2, "98-SB").SetValuesAsync(Appraised("98-SB", ("1.1", 4m), ("1.2", 5m)));
            Assert.Equal(Number(before.Version) + 1, Number(written.Version));

            await silos.Cluster.StopSiloAsync(silo2);
            await silos.UntilMembershipAsync(silo1, s => s.GetSiloStatus(silo2.SiloAddress) == SiloStatus.Dead, "silo 2 dead");

            var read = await silos.Grains(1).GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "98-SB")).GetAsync();
            Assert.Equal((written.Version, 4m, 5m, 90m, "Xuất sắc"),
                (read.Version, read.Items["1.1"].Appraised, read.Items["1.2"].Appraised, read.Result.Index, read.Result.Classification));
            Assert.Equal(silo1.SiloAddress, await silos.Management.GetActivationAddress(Card(1, "98-SB")));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            await silos.RestoreTwoSilosAsync();
        }
    }

    [Fact]
    public virtual async Task A_silo_killed_after_a_write_leaves_the_stored_state_to_the_other_silo()
    {
        var silo1 = silos.Silo(1);
        var silo2 = silos.Silo(2);
        try
        {
            // Commune 98-Y activates on silo 2 (placement hint, as above).
            RequestContext.Set(IPlacementDirector.PlacementHintKey, silo2.SiloAddress);
            await Card(2, "98-Y").GetAsync();
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            Assert.Equal(silo2.SiloAddress, await silos.Management.GetActivationAddress(Card(1, "98-Y")));

            // Appraised 6 of 8 and 12 of 12 → 18 of 20 → index 90, "Xuất sắc".
            var written = await Card(2, "98-Y").SetValuesAsync(Appraised("98-Y", ("1.1", 6m), ("1.2", 12m)));

            // Orleans' in-process "kill": the host stops with its token already cancelled, so its grains are dropped, not
            // deactivated, and nothing is handed over (the silo still marks itself dead in the membership table as it goes;
            // were it silent, silo 1's probes would declare it dead within seconds, as configured for production).
            await silos.Cluster.KillSiloAsync(silo2);
            await silos.UntilMembershipAsync(silo1, s => s.GetSiloStatus(silo2.SiloAddress) == SiloStatus.Dead, "silo 2 dead");

            var read = await Card(1, "98-Y").GetAsync();
            Assert.Equal((written.Version, 6m, 12m, 90m, "Xuất sắc"),
                (read.Version, read.Items["1.1"].Appraised, read.Items["1.2"].Appraised, read.Result.Index, read.Result.Classification));
            Assert.Equal(silo1.SiloAddress, await silos.Management.GetActivationAddress(Card(1, "98-Y")));
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
            await silos.RestoreTwoSilosAsync();
        }
    }

    [Fact]
    public virtual async Task A_stale_expected_version_is_refused_on_the_other_silo_and_writes_nothing()
    {
        var shown = (await Card(1, "98-SC").GetAsync()).Version;
        // Someone saves first through silo 1: appraised 1 of 4 → 1 of 10 → index 10.
        var saved = await Card(1, "98-SC").SetValuesAsync(Appraised("98-SC", ("1.1", 1m)) with { ExpectedVersion = shown });
        var audit = await AuditRowsAsync("98-SC");

        // Someone else, shown the same version, saves through silo 2.
        var refused = await Assert.ThrowsAsync<StaleVersionException>(() =>
            Card(2, "98-SC").SetValuesAsync(Appraised("98-SC", ("1.1", 4m), ("1.2", 6m)) with { ExpectedVersion = shown }));

        Assert.Equal((shown, saved.Version), (refused.Expected, refused.Stored));
        Assert.Equal(Number(saved.Version), await StoredVersionAsync("98-SC"));
        Assert.Equal(audit, await AuditRowsAsync("98-SC"));
        var after = await Card(2, "98-SC").GetAsync();
        Assert.Equal((saved.Version, 1m, (decimal?)null, 10m), (after.Version, after.Items["1.1"].Appraised, after.Items.GetValueOrDefault("1.2")?.Appraised, after.Result.Index));
    }

    [Fact]
    public virtual async Task A_stale_ETag_fails_the_write_with_InconsistentStateException_and_writes_nothing()
    {
        var key = GrainKeys.Scorecard(Cycle, "98-SE");
        var held = await Card(2, "98-SE").GetAsync(); // the cluster's activation holds the stored version as its ETag

        // Another writer outside the cluster (an import on another node) moves the stored scorecard on: 1.1 appraised 3.
        await using (var other = new ServiceCollection().AddLogging().AddParIndexStores(silos.Db.Options).BuildServiceProvider())
        {
            var store = other.GetRequiredService<IStateStore<ScorecardState>>();
            var (state, etag) = await store.ReadAsync(key, CancellationToken.None);
            state.Items["1.1"] = new ItemValues { Appraised = 3m };
            state.PendingAudit = [new AuditEntry("1.1", ScoreKind.Appraised, null, 3m, null, null, "other", "import", DateTimeOffset.UtcNow)];
            await store.WriteAsync(key, state, etag, CancellationToken.None);
        }
        var moved = await StoredVersionAsync("98-SE");
        Assert.Equal(Number(held.Version) + 1, moved);
        var audit = await AuditRowsAsync("98-SE");

        // The grain's write, through silo 1, carries the ETag it read: the store refuses it.
        await Assert.ThrowsAsync<InconsistentStateException>(() => Card(1, "98-SE").SetValuesAsync(Appraised("98-SE", ("1.1", 4m))));

        Assert.Equal(moved, await StoredVersionAsync("98-SE"));
        Assert.Equal(audit, await AuditRowsAsync("98-SE"));
        // The grain now holds the other writer's values: 3 of 10 → index 30.
        var after = await Card(2, "98-SE").GetAsync();
        Assert.Equal((moved.ToString(CultureInfo.InvariantCulture), 3m, 30m), (after.Version, after.Items["1.1"].Appraised, after.Result.Index));
    }

    [Fact]
    public virtual async Task Changes_made_through_either_silo_reach_the_provinces_roll_up_and_ranking()
    {
        var province = GrainKeys.Unit(Cycle, "98");
        var before = await silos.Grains(1).GetGrain<IUnitGrain>(province).GetRollUpAsync();

        // Through silo 1, department 98-SD (empty so far, index 0, "Yếu"): appraised 3 of 4 and 4.5 of 6 → 7.5 of 10 → 75, "Khá".
        await Card(1, "98-SD").SetValuesAsync(Appraised("98-SD", ("1.1", 3m), ("1.2", 4.5m)));

        var line = (await silos.Grains(2).GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "98", "so")).GetLinesAsync()).Single(l => l.UnitCode == "98-SD");
        Assert.Equal((7.5m, 10m, 75m, "Khá", false), (line.Obtained, line.Maximum, line.Index, line.Classification, line.Provisional));
        var afterDepartment = await silos.Grains(2).GetGrain<IUnitGrain>(province).GetRollUpAsync();
        AssertMoved(Group(before.Groups, "so"), Group(afterDepartment.Groups, "so"), indexSum: 75m, from: "Yếu", to: "Khá");
        AssertMoved(Group(before.Subtree, "f-so"), Group(afterDepartment.Subtree, "f-so"), indexSum: 75m, from: "Yếu", to: "Khá");
        Assert.Equal(Figures(Group(before.Subtree, "f-xa")), Figures(Group(afterDepartment.Subtree, "f-xa")));

        // Through silo 2, commune 98-X (assessed by district 980, empty so far): 8 of 8 and 9 of 12 → 17 of 20 → 85, "Tốt".
        // The province sees it only through its district's roll-up.
        await Card(2, "98-X").SetValuesAsync(Appraised("98-X", ("1.1", 8m), ("1.2", 9m)));

        var afterCommune = await silos.Grains(1).GetGrain<IUnitGrain>(province).GetRollUpAsync();
        AssertMoved(Group(afterDepartment.Subtree, "f-xa"), Group(afterCommune.Subtree, "f-xa"), indexSum: 85m, from: "Yếu", to: "Tốt");
        Assert.Equal(Figures(Group(afterDepartment.Groups, "so")), Figures(Group(afterCommune.Groups, "so")));
        var district = await silos.Grains(1).GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "980")).GetRollUpAsync();
        Assert.Equal(Group(afterCommune.Subtree, "f-xa").IndexSum, Group(district.Groups, "xa-980").IndexSum);
    }

    private static GroupSummary Group(IReadOnlyList<GroupSummary> summaries, string key) => summaries.Single(s => s.Key == key);

    /// <summary>A summary's figures, comparable by value (the record's lists compare by reference).</summary>
    private static string Figures(GroupSummary s) =>
        FormattableString.Invariant($"{s.Units} units, {s.Indexed} indexed, {s.Provisional} provisional, sum {s.IndexSum}; ") + string.Join(", ", s.Classes.Select(c => $"{c.Label} {c.Count}"));

    /// <summary>One unit moved from an empty scorecard (provisional, index 0) to a complete one with the given index.</summary>
    private static void AssertMoved(GroupSummary before, GroupSummary after, decimal indexSum, string from, string to)
    {
        Assert.Equal((before.Units, before.Indexed), (after.Units, after.Indexed));
        Assert.Equal(before.IndexSum + indexSum, after.IndexSum);
        Assert.Equal(before.Provisional - 1, after.Provisional);
        Assert.Equal((before.CountOf(from) - 1, before.CountOf(to) + 1), (after.CountOf(from), after.CountOf(to)));
    }
}

/// <summary>The tests above on two silos sharing one SQLite file.</summary>
[Collection(SqliteTwoSilos.Collection)]
public sealed class SqliteClusterTests(SqliteTwoSilos silos) : TwoSiloClusterTests(silos);

/// <summary>
/// The tests above on two silos sharing one PostgreSQL database; skipped like every PostgreSQL test when no server is
/// configured, unless CI=true. Each test is declared again only to carry that attribute: xunit reads an override's own
/// test attribute instead of the base method's.
/// </summary>
[Collection(PostgresTwoSilos.Collection)]
public sealed class PostgresClusterTests(PostgresTwoSilos silos) : TwoSiloClusterTests(silos)
{
    [PostgresFact]
    public override Task A_score_written_through_silo_1_is_read_through_silo_2_from_one_activation() => base.A_score_written_through_silo_1_is_read_through_silo_2_from_one_activation();

    [PostgresFact]
    public override Task A_silo_stopped_after_a_write_leaves_the_stored_state_to_the_other_silo() => base.A_silo_stopped_after_a_write_leaves_the_stored_state_to_the_other_silo();

    [PostgresFact]
    public override Task A_silo_killed_after_a_write_leaves_the_stored_state_to_the_other_silo() => base.A_silo_killed_after_a_write_leaves_the_stored_state_to_the_other_silo();

    [PostgresFact]
    public override Task A_stale_expected_version_is_refused_on_the_other_silo_and_writes_nothing() => base.A_stale_expected_version_is_refused_on_the_other_silo_and_writes_nothing();

    [PostgresFact]
    public override Task A_stale_ETag_fails_the_write_with_InconsistentStateException_and_writes_nothing() => base.A_stale_ETag_fails_the_write_with_InconsistentStateException_and_writes_nothing();

    [PostgresFact]
    public override Task Changes_made_through_either_silo_reach_the_provinces_roll_up_and_ranking() => base.Changes_made_through_either_silo_reach_the_provinces_roll_up_and_ranking();
}
