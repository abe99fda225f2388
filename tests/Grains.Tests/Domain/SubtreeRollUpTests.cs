using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;
using static ParIndex.Grains.Tests.Domain.SubtreeGroups;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>A unit's roll-up kept current a group at a time (what a unit grain holds between changes).</summary>
public class SubtreeRollUpTests
{
    private static GroupSummary Summary(int g, IEnumerable<decimal> appraisals) =>
        RollUpPolicy.Summarize(Group(g), FrameworkOf(g), appraisals.Select((a, i) => Result(g, i, a)));

    [Fact]
    public void Groups_changed_one_at_a_time_give_the_lines_counted_from_their_results_directly()
    {
        var appraisals = Gen.ArrayOf(Gen.Choose(0, 10_000).Select(a => a / 1000m), 3);
        var changes = from count in Gen.Choose(1, 12) from list in Gen.ArrayOf(from g in Gen.Choose(0, 4) from values in appraisals select (g, values), count) select list;
        Prop.ForAll(changes.ToArbitrary(), sequence =>
        {
            var current = Enumerable.Range(0, 5).Select(_ => new[] { 5m, 7m, 9m }).ToArray();
            var rollUp = new SubtreeRollUp(Enumerable.Range(0, 5).Select(g => Summary(g, current[g])));
            foreach (var (g, values) in sequence)
            {
                current[g] = values;
                rollUp.Update(Summary(g, values));
            }

            // What each line must say, from the results themselves: units, the index sum, best and worst (ties to the lower code).
            foreach (var framework in new[] { Offices, Communes })
            {
                var results = Enumerable.Range(0, 5).Where(g => FrameworkOf(g) == framework)
                    .SelectMany(g => current[g].Select((a, i) => Result(g, i, a))).ToList();
                var line = Assert.Single(rollUp.Lines, l => l.Key == framework.Code);
                Assert.Equal(framework.Title, line.CategoryName);
                AssertLineCounted(results, line);
            }
            Assert.Equal(["phong", "xa"], rollUp.Lines.Select(l => l.Key));
            Assert.All(Enumerable.Range(0, 5), g => Assert.Equal(current[g].Length, rollUp.Group($"g{g}").Units));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Kept_up_to_date_a_group_at_a_time_the_lines_equal_those_merged_at_once()
    {
        // Indices out of 35.5 (communes) have 28 digits. An office whose one item does not apply has no index and no
        // field: its group then lists fewer fields, and the line is merged afresh. Changes move best and worst around.
        var appraisal = Gen.Frequency((1, Gen.Constant(-1m)), (2, Gen.Choose(0, 10_000).Select(a => a / 1000m)));
        var cases = from groups in Gen.Choose(1, 24)
                    from changes in Gen.ArrayOf(from g in Gen.Choose(0, groups - 1) from m in Gen.Choose(0, 1) from a in appraisal select (g, m, a), 12)
                    select (groups, changes);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var current = Enumerable.Range(0, c.groups).Select(g => new[] { g % 10 + 0.125m, 9.999m - g % 9 }).ToArray();
            var rollUp = new SubtreeRollUp(Enumerable.Range(0, c.groups).Select(g => Summary(g, current[g])));
            foreach (var (g, m, a) in c.changes)
            {
                current[g][m] = a;
                rollUp.Update(Summary(g, current[g]));
            }

            var atOnce = RollUpPolicy.Subtree(Enumerable.Range(0, c.groups).Select(g => Summary(g, current[g])));
            Assert.Equal(atOnce.Select(Figures), rollUp.Lines.Select(Figures));
            Assert.Equal(atOnce.Select(l => l.Classes), rollUp.Lines.Select(l => l.Classes));
            Assert.Equal(atOnce.Select(l => l.Fields), rollUp.Lines.Select(l => l.Fields));
        }).QuickCheckThrowOnFailure();

        static (string, int, int, int, decimal, Standing?, Standing?) Figures(GroupSummary l) =>
            (l.Key, l.Units, l.Indexed, l.Provisional, l.IndexSum, l.Best, l.Worst);
    }

    [Fact]
    public void A_change_merges_only_its_own_framework_again_and_leaves_the_lines_read_before_as_they_were()
    {
        var rollUp = new SubtreeRollUp(Enumerable.Range(0, 4).Select(g => Summary(g, [5m])));
        var before = rollUp.Lines;
        var offices = before.Single(l => l.Key == "phong");

        rollUp.Update(Summary(2, [10m, 10m]));

        Assert.Same(offices, rollUp.Lines.Single(l => l.Key == "phong"));
        Assert.Equal(3, rollUp.Lines.Single(l => l.Key == "xa").Units);
        Assert.Equal(2, before.Single(l => l.Key == "xa").Units); // a reader's list is not changed under it
    }

    [Fact]
    public void A_group_from_outside_the_subtree_is_refused_and_nothing_changes()
    {
        var rollUp = new SubtreeRollUp(Enumerable.Range(0, 2).Select(g => Summary(g, [5m])));
        var before = rollUp.Lines;

        var refused = Assert.Throws<DomainException>(() => rollUp.Update(Summary(7, [9m])));

        Assert.Contains("g7", refused.Message);
        Assert.Same(before, rollUp.Lines);
    }
}
