using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>A group's results as its ranking keeps them between changes, and the summary made from them.</summary>
public class GroupTallyTests
{
    // Field A out of 10 + 5.5 (indices with 28 digits), and field S out of 20.
    private static readonly Framework Communes = Framework.Create("xa", "Bộ tiêu chí xã", Frameworks.Of([10m, 5.5m], [20m]).Fields.ToList());

    private static readonly RankGroup Group = new()
    {
        Code = "g", Name = "Nhóm", AssessorCode = "d", FrameworkCode = Communes.Code, Members = new UnitList([]),
    };

    private static UnitResult Result(int unit, decimal first, decimal second) => Frameworks.Score(Communes, $"u{unit:00}", null,
        new ScoreEntry($"u{unit:00}", "A.1.1", ScoreKind.Appraised, first), new ScoreEntry($"u{unit:00}", "A.1.2", ScoreKind.Appraised, second));

    [Fact]
    public void Members_changed_one_at_a_time_give_the_summary_counted_from_their_results_directly()
    {
        var cases = from members in Gen.Choose(1, 25)
                    from changes in Gen.ArrayOf(from m in Gen.Choose(0, members - 1) from a in Gen.Choose(0, 10_000) from b in Gen.Choose(0, 5500)
                                                select (m, a / 1000m, b / 1000m), 8)
                    select (members, changes);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var current = Enumerable.Range(0, c.members).Select(m => Result(m, m % 6, 5.5m - m % 5)).ToArray();
            var tally = new GroupTally(Group, Communes, current);
            foreach (var (m, a, b) in c.changes)
            {
                current[m] = Result(m, a, b);
                tally.Set(current[m]);
            }

            var summary = tally.Summarize();
            Assert.Equal(current.Length, summary.Units);
            Assert.Equal(current.Sum(r => Math.Round(r.Index!.Value, 20)), summary.IndexSum); // each rounded to 20 places: exact
            Assert.Equal(ClassificationBands.Default.Bands.Select(b => current.Count(r => r.Classification == b.Label)), summary.Classes.Select(k => k.Count));
            var best = current.OrderByDescending(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).First();
            Assert.Equal(new Standing(best.UnitCode, best.Index!.Value), summary.Best);
            foreach (var field in new[] { "A", "S" })
            {
                var indices = current.Select(r => r.Field(field)!.Value).Where(f => f.Maximum != 0).Select(f => Math.Round(f.Obtained * 100m / f.Maximum, 20)).ToList();
                var average = Assert.Single(summary.Fields, f => f.FieldCode == field);
                Assert.Equal((indices.Sum(), indices.Count), (average.Sum, average.Count));
            }
            Assert.Equal(current.Select(r => r.UnitCode), tally.Results.Select(r => r.UnitCode)); // members keep their order
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_tally_is_ranked_by_rule_8_after_a_change()
    {
        // Points 12.4, 13.95, 10.85 and 10.85, all of the same maximum.
        var tally = new GroupTally(Group, Communes, [Result(1, 10m, 2.4m), Result(2, 10m, 3.95m), Result(3, 10m, 0.85m), Result(4, 7m, 3.85m)]);

        tally.Set(Result(3, 10m, 3.95m)); // u03 from 10.85 to 13.95 points, level with u02

        var ranking = RankingPolicy.Rank(tally, Group);
        Assert.Equal([("u02", 1), ("u03", 1), ("u01", 3), ("u04", 4)], ranking.Select(r => (r.UnitCode, r.Rank!.Value)));
    }

    [Fact]
    public void A_unit_of_another_group_is_refused_and_the_summary_is_unchanged()
    {
        var tally = new GroupTally(Group, Communes, [Result(1, 10m, 5m), Result(2, 4m, 1m)]);
        var before = tally.Summarize();

        var refused = Assert.Throws<DomainException>(() => tally.Set(Result(7, 10m, 5.5m)));

        Assert.Contains("u07", refused.Message);
        Assert.Equal((before.Units, before.IndexSum, before.Best), (tally.Summarize().Units, tally.Summarize().IndexSum, tally.Summarize().Best));
    }

    [Fact]
    public void Two_results_for_one_unit_are_refused()
    {
        var refused = Assert.Throws<DomainException>(() => new GroupTally(Group, Communes, [Result(1, 10m, 5m), Result(1, 4m, 1m)]));
        Assert.Contains("u01", refused.Message);
    }
}
