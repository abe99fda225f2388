using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>Year-over-year standings as the store gives them: a ranking asks for its members only, a whole read for every unit.</summary>
[Collection(DemoCollection.Name)]
public class StandingsTests(DemoDatabase demo)
{
    private const string Previous = "par-2020-06";

    [Theory, SqliteData, PostgresData]
    public async Task Standings_asked_for_some_units_are_theirs_alone_and_equal_to_those_of_the_whole_cycle(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var services = await db.SiloAsync();
        var store = services.GetRequiredService<IResultStore>();

        var all = await store.LoadStandingsAsync([Previous], units: null, CancellationToken.None);
        var some = await store.LoadStandingsAsync([Previous], ["06-SNV", "01834", "no-such-unit"], CancellationToken.None);

        Assert.True(all.Count > 100, $"the demo's {Previous} has {all.Count} results");
        Assert.Equal(["01834", "06-SNV"], some.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(all["06-SNV"], some["06-SNV"]);
        Assert.Equal(all["01834"], some["01834"]);
        Assert.NotNull(some["06-SNV"].Rank);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_ranking_reads_the_standings_of_its_members_and_of_a_merged_members_predecessors(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var services = await db.SiloAsync();
        var grains = services.GetRequiredService<IGrainFactory>();
        var cycle = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle("par-2025-19")).GetDefinitionAsync();
        var merged = cycle.Unit("01840")!; // Phường Đức Xuân, formed by merger in 2025
        var group = cycle.GroupOf(merged.Code)!;
        var previous = await services.GetRequiredService<IResultStore>().LoadStandingsAsync(cycle.Cycle.PreviousCycles, units: null, CancellationToken.None);

        var lines = await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(cycle.Cycle.Id, group.AssessorCode, group.Code)).GetLinesAsync();

        // Rule 9: a merged unit's previous index is the mean of its predecessors'; any other member shows its own.
        var indices = merged.Predecessors.Select(p => previous[p.Code].Index!.Value).ToList();
        Assert.NotEmpty(indices);
        var line = lines.Single(l => l.UnitCode == merged.Code);
        Assert.True(line.PreviousIndexDerived);
        Assert.Equal(indices.Sum() / indices.Count, line.PreviousIndex);

        // A department that was there the year before: its own index and rank.
        var before = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle("par-2020-06")).GetDefinitionAsync();
        var standings = await services.GetRequiredService<IResultStore>().LoadStandingsAsync(before.Cycle.PreviousCycles, units: null, CancellationToken.None);
        var so = before.Cycle.FindGroup("so")!;
        var department = (await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(before.Cycle.Id, so.AssessorCode, so.Code)).GetLinesAsync()).Single(l => l.UnitCode == "06-SNV");
        Assert.False(department.PreviousIndexDerived);
        Assert.Equal(standings["06-SNV"].Index, department.PreviousIndex);
        Assert.Equal(standings["06-SNV"].Rank, department.PreviousRank);
        Assert.NotNull(department.PreviousRank);
    }
}
