using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Grains;

/// <summary>The grains on SQLite and PostgreSQL: writes go through, rankings and roll-ups follow before the write returns.</summary>
[Collection(DemoCollection.Name)]
public class ScorecardGrainTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    private static ScoreChange Change(string unit, string item, ScoreKind kind, decimal? value, string? note = null, string? version = null) =>
        new([new ScoreEntry(unit, item, kind, value, note)], "tester", "test", version);

    private static async Task<ResultLine> LineOf(IGrainFactory grains, string assessor, string group, string unit) =>
        (await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, assessor, group)).GetLinesAsync()).Single(l => l.UnitCode == unit);

    /// <summary>Gives the province's last department full marks on every appraisal and survey item, so that it rises to first.</summary>
    /// <returns>Its line as it was before.</returns>
    private static async Task<ResultLine> GiveTheLastDepartmentFullMarksAsync(IGrainFactory grains)
    {
        var last = (await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "06", "so")).GetLinesAsync())[^1];
        var card = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, last.UnitCode));
        var view = await card.GetAsync();
        var framework = (await grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync()).FrameworkOf(last.UnitCode);
        var entries = framework.Items.Where(i => i.CountsInMaximum && !view.Items.GetValueOrDefault(i.Code, ItemValues.Empty).IsNotApplicable)
            .Select(i => new ScoreEntry(last.UnitCode, i.Code, i.Source == ItemSource.Survey ? ScoreKind.Survey : ScoreKind.Appraised, i.Max)).ToList();
        await card.SetValuesAsync(new ScoreChange(entries, "tester", "test"));
        return last;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_write_shows_in_the_ranking_and_every_roll_up_when_it_returns(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var grains = services.GetRequiredService<IGrainFactory>();
        var last = await GiveTheLastDepartmentFullMarksAsync(grains);

        var line = await LineOf(grains, "06", "so", last.UnitCode);
        Assert.Equal(1, line.Rank);
        var province = await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06")).GetRollUpAsync();
        var departments = province.Groups.Single(g => g.Key == "so");
        Assert.Equal(last.UnitCode, departments.Best!.UnitCode);
        Assert.Equal(line.Index, departments.Best.Index);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_ranks_a_write_moves_are_stored_behind_it(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var grains = services.GetRequiredService<IGrainFactory>();
        var ranking = grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "06", "so"));
        var last = await GiveTheLastDepartmentFullMarksAsync(grains);
        Assert.NotEqual(1, last.Rank); // so ranks move: the last rises to first, the others move down one

        // Ranks are written behind the change, in the order the writer takes its work: a write made after it and
        // acknowledged means they are committed too.
        var definition = await grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync();
        var otherGroup = definition.Cycle.Groups.First(g => g.Code != "so");
        var other = definition.Members[otherGroup.Code][0].Code;
        var item = definition.Cycle.FrameworkOf(otherGroup).Items.First(i => i.Source == ItemSource.Appraisal).Code;
        await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, other)).SetValuesAsync(Change(other, item, ScoreKind.Appraised, 0m));

        var lines = await ranking.GetLinesAsync();
        Assert.Equal(1, lines.Single(l => l.UnitCode == last.UnitCode).Rank);
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "UnitCode", "Rank" FROM "results" WHERE "CycleId" = 'par-2020-06' AND "GroupCode" = 'so'""";
        var stored = new Dictionary<string, int?>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) stored[reader.GetString(0)] = reader.IsDBNull(1) ? null : Convert.ToInt32(reader.GetValue(1));
        Assert.Equal(lines.OrderBy(l => l.UnitCode).Select(l => (l.UnitCode, l.Rank)), stored.OrderBy(s => s.Key).Select(s => (s.Key, s.Value)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_province_sees_every_districts_communes_through_its_districts(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var grains = services.GetRequiredService<IGrainFactory>();
        var province = await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06")).GetRollUpAsync();
        var communes = province.Subtree.Where(s => s.Key == "xa-2020").ToList();
        Assert.Equal(108, communes.Sum(c => c.Units));
        Assert.Equal((12, 78, 18), (communes.Sum(c => c.CountOf("Xuất sắc")), communes.Sum(c => c.CountOf("Tốt")), communes.Sum(c => c.CountOf("Khá"))));

        // A commune's change reaches the province's subtree before the write returns.
        var district = (await grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync()).Cycle.Groups.First(g => g.Code.StartsWith("xa-"));
        var commune = (await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, district.AssessorCode, district.Code)).GetLinesAsync())[0];
        var card = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, commune.UnitCode));
        var framework = (await grains.GetGrain<ICycleGrain>(Cycle).GetDefinitionAsync()).FrameworkOf(commune.UnitCode);
        var zeroes = framework.Items.Where(i => i.Source == ItemSource.Appraisal).Select(i => new ScoreEntry(commune.UnitCode, i.Code, ScoreKind.Appraised, 0m)).ToList();
        await card.SetValuesAsync(new ScoreChange(zeroes, "tester", "test"));
        var after = await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06")).GetRollUpAsync();
        var sumBefore = communes.Sum(c => c.IndexSum);
        var sumAfter = after.Subtree.Where(s => s.Key == "xa-2020").Sum(c => c.IndexSum);
        Assert.True(sumAfter < sumBefore);
        Assert.Equal(108, after.Subtree.Where(s => s.Key == "xa-2020").Sum(c => c.Units));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_value_is_refused_and_nothing_of_the_change_is_stored(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        var before = await card.GetAsync();
        var audit = await db.CountAsync("audit");
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => card.SetValuesAsync(new ScoreChange(
            [new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Appraised, 0.5m), new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Self, 99m)], "tester", "test")));
        Assert.Contains("1.1.1", error.Message);
        Assert.Equal(audit, await db.CountAsync("audit"));
        var after = await card.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Items["1.1.1"], after.Items["1.1.1"]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_change_is_audited_with_who_old_new_and_why(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        var old = (await card.GetAsync()).Items["1.1.1"].Appraised;
        await card.SetValuesAsync(Change("06-SNV", "1.1.1", ScoreKind.Appraised, 0.125m, "Thẩm định lại"));
        Assert.Equal(1, await db.ScalarAsync(
            $"SELECT COUNT(*) FROM audit WHERE \"UnitCode\"='06-SNV' AND \"ItemCode\"='1.1.1' AND \"User\"='tester' AND \"Kind\"='appraised' AND \"OldValue\"='{ScoreText.Format(old!.Value)}' AND \"NewValue\"='0.125' AND \"Note\"='Thẩm định lại'"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_audit_is_append_only_in_the_database_itself(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        // The demo's imports set values where there were none: their batches stand for them, so the audit may be empty. Adding is allowed.
        await db.ScalarAsync("INSERT INTO audit (\"At\",\"User\",\"Origin\",\"CycleId\",\"UnitCode\",\"ItemCode\",\"Kind\",\"NewValue\") VALUES (CURRENT_TIMESTAMP,'tester','test','par-2020-06','06-SNV','1.1.1','self','1')");
        Assert.NotEqual(0, await db.CountAsync("audit"));
        var error = await Assert.ThrowsAnyAsync<DbException>(() => db.ScalarAsync("UPDATE audit SET \"NewValue\"='9'"));
        Assert.Contains("append-only", error.Message);
        await Assert.ThrowsAnyAsync<DbException>(() => db.ScalarAsync("DELETE FROM audit"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_writer_with_a_stale_version_fails_instead_of_overwriting(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        var read = await card.GetAsync();
        await card.SetValuesAsync(Change("06-SNV", "1.1.1", ScoreKind.Appraised, 0.5m, version: read.Version));
        await Assert.ThrowsAsync<StaleVersionException>(() => card.SetValuesAsync(Change("06-SNV", "1.1.1", ScoreKind.Appraised, 0.75m, version: read.Version)));
        Assert.Equal(0.5m, (await card.GetAsync()).Items["1.1.1"].Appraised);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_second_node_writing_the_same_scorecard_makes_the_stale_one_fail_then_succeed_on_retry(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var nodeA = await db.SiloAsync();
        await using var nodeB = await db.SiloAsync();
        var a = nodeA.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        var b = nodeB.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        await a.GetAsync();
        await b.GetAsync();
        await a.SetValuesAsync(Change("06-SNV", "1.1.1", ScoreKind.Appraised, 0.5m));
        await Assert.ThrowsAsync<InconsistentStateException>(() => b.SetValuesAsync(Change("06-SNV", "1.2.1", ScoreKind.Appraised, 0m)));
        await b.SetValuesAsync(Change("06-SNV", "1.2.1", ScoreKind.Appraised, 0m)); // the failed write reloaded node B's grain
        var values = (await b.GetAsync()).Items;
        Assert.Equal(0.5m, values["1.1.1"].Appraised); // A's write was not lost
        Assert.Equal(0m, values["1.2.1"].Appraised);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deactivated_grains_come_back_from_the_store_with_the_same_state_and_ranking(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var services = await db.SiloAsync();
        var grains = services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV")).SetValuesAsync(Change("06-SNV", "1.1.1", ScoreKind.Appraised, 0m));
        var ranking = await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "06", "so")).GetLinesAsync();
        var rollUp = await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06")).GetRollUpAsync();

        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Equal(0m, (await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV")).GetAsync()).Items["1.1.1"].Appraised);
        Assert.Equal(ranking, await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "06", "so")).GetLinesAsync());
        var rebuilt = await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06")).GetRollUpAsync();
        Assert.Equal(rollUp.Subtree.Select(s => (s.Name, s.Units, s.IndexSum, s.Best)), rebuilt.Subtree.Select(s => (s.Name, s.Units, s.IndexSum, s.Best)));
    }
}
