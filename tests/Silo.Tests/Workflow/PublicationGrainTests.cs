using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Import;
using ParIndex.Silo.Tests.Support;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Tests.Workflow;

/// <summary>
/// A group's ranking grain owns its publication: publishing and adjusting go through it, and the scorecards it ranks hold
/// the change at once, with nobody asking them to reload.
/// </summary>
[Collection(DemoCollection.Name)]
public class PublicationGrainTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";
    private static readonly Decision Publication = new("15/QĐ-UBND", new DateOnly(2021, 1, 25), "Chủ tịch UBND thành phố Bắc Kạn");
    private static readonly Decision Adjustment = new("1243/QĐ-UBND", new DateOnly(2021, 7, 30), Reason: "Bổ sung tài liệu kiểm chứng");

    [Theory, SqliteData, PostgresData]
    public async Task A_publication_freezes_the_scorecards_already_in_memory(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var silo = await db.SiloAsync();
        var card = silo.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "01843"));
        Assert.NotEqual(ScorecardStatus.Published, (await card.GetAsync()).Workflow.Status); // active, unpublished

        Assert.Equal(["xa-058"], await silo.GetRequiredService<PublicationService>().PublishAsync(Cycle, "xa-058", Publication, "tester"));

        Assert.Equal(ScorecardStatus.Published, (await card.GetAsync()).Workflow.Status);
        var refused = await Assert.ThrowsAsync<DomainException>(() => card.SetValuesAsync(new ScoreChange([new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 1m)], "tester")));
        Assert.Contains("điều chỉnh", refused.Message);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_cycle_grain_holds_a_publication_at_once_and_reads_it_back_from_the_store(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var silo = await db.SiloAsync();
        var cycle = silo.GetRequiredService<IGrainFactory>().GetGrain<ICycleGrain>(GrainKeys.Cycle(Cycle));
        Assert.Empty((await cycle.GetPublishedGroupsAsync()).Value); // active, nothing published

        await silo.GetRequiredService<PublicationService>().PublishAsync(Cycle, "xa-058", Publication, "tester");

        Assert.Equal(["xa-058"], (await cycle.GetPublishedGroupsAsync()).Value);
        var reading = await cycle.GetReadingAsync(); // what a read of results asks for: the same set, with the definition
        Assert.Equal(["xa-058"], reading.Published);
        Assert.Equal(Cycle, reading.Definition.Cycle.Id);
        await cycle.ReloadAsync(); // what a new activation reads: the store's publications, not the grain's memory
        Assert.Equal(["xa-058"], (await cycle.GetPublishedGroupsAsync()).Value);
        Assert.Equal(["xa-058"], (await cycle.GetReadingAsync()).Published);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_adjustment_shows_as_the_new_version_and_rank_in_the_ranking_at_once(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var silo = await db.SiloAsync();
        var publications = silo.GetRequiredService<PublicationService>();
        var ranking = silo.GetRequiredService<IGrainFactory>().GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "058", "xa-058"));
        Assert.Empty(await ranking.GetDecisionsAsync());
        await publications.PublishAsync(Cycle, "xa-058", Publication, "tester");
        Assert.Equal(1, (await ranking.GetLinesAsync()).Single(l => l.UnitCode == "01843").Version);
        Assert.Equal([(1, "15/QĐ-UBND")], (await ranking.GetDecisionsAsync()).Select(d => (d.Version, d.Decision)));

        // Phường Phùng Chí Kiên gains 2 points (1.3: 0.75 → 1.5; 2.2: 0.25 → 1.5), which lifts it to second place.
        var versions = await publications.AdjustAsync(Cycle,
            [new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 1.5m), new ScoreEntry("01843", "2.2", ScoreKind.Appraised, 1.5m)], Adjustment, "tester");

        Assert.Equal(2, versions["xa-058"]);
        var lines = await ranking.GetLinesAsync();
        Assert.Equal((2, 2), (lines.Single(l => l.UnitCode == "01843").Version, lines.Single(l => l.UnitCode == "01843").Rank));
        Assert.All(lines, l => Assert.Equal(2, l.Version));
        // The ranking page shows the decisions from the grain: the adjustment first, at once.
        Assert.Equal([(2, "1243/QĐ-UBND"), (1, "15/QĐ-UBND")], (await ranking.GetDecisionsAsync()).Select(d => (d.Version, d.Decision)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_ranking_views_stamp_is_new_after_every_change_it_shows_and_only_then(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var silo = await db.SiloAsync();
        var grains = silo.GetRequiredService<IGrainFactory>();
        var ranking = grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "058", "xa-058"));
        var first = await ranking.GetViewAsync();
        Assert.Equal(first.Stamp, (await ranking.GetViewAsync()).Stamp); // nothing changed, nothing new

        // A score: the member's line changes, and so does the stamp.
        await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "01843"))
            .SetValuesAsync(new ScoreChange([new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 1.5m)], "tester"));
        var scored = await ranking.GetViewAsync();
        Assert.NotEqual(first.Stamp, scored.Stamp);
        Assert.Equal(1.5m - 0.75m, scored.Lines.Single(l => l.UnitCode == "01843").AppraisalSubtotal - first.Lines.Single(l => l.UnitCode == "01843").AppraisalSubtotal);

        // A decision: the decisions change, and so does the stamp.
        await silo.GetRequiredService<PublicationService>().PublishAsync(Cycle, "xa-058", Publication, "tester");
        var published = await ranking.GetViewAsync();
        Assert.NotEqual(scored.Stamp, published.Stamp);
        Assert.Equal(["15/QĐ-UBND"], published.Decisions.Select(d => d.Decision));

        // A new activation starts a stamp of its own.
        await ranking.RefreshAsync();
        Assert.NotEqual(published.Stamp, (await ranking.GetViewAsync()).Stamp);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Roll_ups_that_first_wake_during_a_publication_hold_the_group_as_its_ranking_does_and_take_an_adjustment(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var silo = await db.SiloAsync();
        var grains = silo.GetRequiredService<IGrainFactory>();
        var publications = silo.GetRequiredService<PublicationService>();
        var ranking = grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "058", "xa-058"));
        var district = grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "058"));
        var province = grains.GetGrain<IUnitGrain>(GrainKeys.Unit(Cycle, "06"));

        // Nobody has read a roll-up yet: the publication has each member's scorecard tell them, and they wake in the
        // middle of it, asking the publishing ranking for its results.
        await publications.PublishAsync(Cycle, "xa-058", Publication, "tester");
        var published = await AssertDistrictHoldsTheRankingsSummaryAsync();
        var communesBefore = (await province.GetRollUpAsync()).Subtree.Single(l => l.Key == "xa-2020").IndexSum;

        // Phường Phùng Chí Kiên gains 2 points: the district's group and the province's commune line move by its change alone.
        await publications.AdjustAsync(Cycle,
            [new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 1.5m), new ScoreEntry("01843", "2.2", ScoreKind.Appraised, 1.5m)], Adjustment, "tester");
        var adjusted = await AssertDistrictHoldsTheRankingsSummaryAsync();
        Assert.True(adjusted.IndexSum > published.IndexSum);
        Assert.Equal(communesBefore + adjusted.IndexSum - published.IndexSum, (await province.GetRollUpAsync()).Subtree.Single(l => l.Key == "xa-2020").IndexSum);

        async Task<GroupSummary> AssertDistrictHoldsTheRankingsSummaryAsync()
        {
            var expected = await ranking.GetSummaryAsync();
            var held = (await district.GetRollUpAsync()).Groups.Single(g => g.Key == "xa-058");
            Assert.Equal((expected.Units, expected.Indexed, expected.IndexSum, expected.Best, expected.Worst), (held.Units, held.Indexed, held.IndexSum, held.Best, held.Worst));
            Assert.Equal(expected.Classes, held.Classes);
            return held;
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_adjustment_over_two_groups_with_one_bad_value_changes_neither(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await using var silo = await db.SiloAsync();
        var publications = silo.GetRequiredService<PublicationService>();
        var cycle = await silo.GetRequiredService<IGrainFactory>().GetGrain<ICycleGrain>(GrainKeys.Cycle(Cycle)).GetDefinitionAsync();
        var otherUnit = cycle.Members["xa-060"][0].Code;
        var otherCard = silo.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, otherUnit));
        var before = (await otherCard.GetAsync()).Items["1.3"].Appraised;
        await publications.PublishAsync(Cycle, "xa-058", Publication, "tester");
        await publications.PublishAsync(Cycle, "xa-060", Publication, "tester");

        // Both groups score communes by one framework, where 1.3 takes at most 1.5: 9 is refused, and the valid change of
        // the other group's commune is not kept either.
        var refused = await Assert.ThrowsAsync<ImportRefusedException>(() => publications.AdjustAsync(Cycle,
            [new ScoreEntry(otherUnit, "1.3", ScoreKind.Appraised, before == 0m ? 1m : 0m), new ScoreEntry("01843", "1.3", ScoreKind.Appraised, 9m)], Adjustment, "tester"));

        Assert.Contains(refused.Problems, p => p.Contains("01843") && p.Contains("1.3"));
        var grains = silo.GetRequiredService<IGrainFactory>();
        Assert.All(await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "058", "xa-058")).GetLinesAsync(), l => Assert.Equal(1, l.Version));
        Assert.All(await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "060", "xa-060")).GetLinesAsync(), l => Assert.Equal(1, l.Version));
        Assert.Equal(before, (await otherCard.GetAsync()).Items["1.3"].Appraised);
    }
}
