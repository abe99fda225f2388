using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;
using static ParIndex.Grains.Tests.Domain.SubtreeGroups;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>A unit's roll-up kept from its members' results, as each scorecard tells it (what a unit grain holds).</summary>
public class SubtreeTallyTests
{
    private static SubtreeTally Tally(decimal[][] appraisals) =>
        new(appraisals.Select((members, g) => new GroupTally(Group(g), FrameworkOf(g), members.Select((a, m) => Result(g, m, a)))).ToList());

    [Fact]
    public void Members_changed_in_any_order_and_read_at_any_time_give_the_figures_counted_from_their_results()
    {
        // Indices out of 35.5 (communes) have 28 digits; an office whose one item does not apply has no index and no field.
        var appraisal = Gen.Frequency((1, Gen.Constant(-1m)), (3, Gen.Choose(0, 10_000).Select(a => a / 1000m)));
        var cases = from groups in Gen.Choose(1, 6)
                    from changes in Gen.ArrayOf(from g in Gen.Choose(0, groups - 1) from m in Gen.Choose(0, 2) from a in appraisal
                                                from read in Gen.Elements(false, false, true) select (g, m, a, read), 16)
                    select (groups, changes);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var current = Enumerable.Range(0, c.groups).Select(g => new[] { 5m, g % 10 + 0.125m, 9.999m - g % 9 }).ToArray();
            var tally = Tally(current.Select(a => a.ToArray()).ToArray());
            foreach (var (g, m, a, read) in c.changes)
            {
                current[g][m] = a;
                tally.Set(Result(g, m, a));
                if (read) _ = tally.Lines; // a reader between changes: the changes after it are summarized at the next read
            }

            foreach (var framework in new[] { Offices, Communes })
            {
                var results = Enumerable.Range(0, c.groups).Where(g => FrameworkOf(g) == framework)
                    .SelectMany(g => current[g].Select((a, i) => Result(g, i, a))).ToList();
                if (results.Count == 0) continue;
                AssertLineCounted(results, Assert.Single(tally.Lines, l => l.Key == framework.Code));
            }
            Assert.All(Enumerable.Range(0, c.groups), g =>
                Assert.Equal(current[g].Count(a => Result(g, 0, a).Index is not null), tally.Group($"g{g}").Indexed));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_member_from_outside_the_subtree_is_refused_and_nothing_changes()
    {
        var tally = Tally([[5m, 6m], [7m]]);
        var before = tally.Lines;

        var refused = Assert.Throws<DomainException>(() => tally.Set(Result(7, 0, 9m)));

        Assert.Contains("u7-00", refused.Message);
        Assert.Same(before, tally.Lines);
    }

    [Fact]
    public void A_unit_in_two_groups_of_the_subtree_is_refused()
    {
        var twice = new GroupTally(Group(2), Communes, [Result(0, 0, 5m)]);

        var refused = Assert.Throws<DomainException>(() => new SubtreeTally([new GroupTally(Group(0), Communes, [Result(0, 0, 5m)]), twice]));

        Assert.Contains("u0-00", refused.Message);
    }
}
