using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Roll-ups: counts by class, average, best, worst, field averages, merged across assessors.</summary>
public class RollUpTests
{
    private static readonly Framework Framework = Frameworks.Of([100m]);

    private static RankGroup Group(string code) => new()
    {
        Code = code, Name = "Xã của " + code, AssessorCode = code, FrameworkCode = Framework.Code, Members = new UnitList([]),
    };

    private static UnitResult Result(string unit, decimal appraised) =>
        Frameworks.Score(Framework, unit, null, new ScoreEntry(unit, "A.1.1", ScoreKind.Appraised, appraised));

    [Fact]
    public void A_group_summary_counts_classes_in_band_order_with_average_best_and_worst()
    {
        var summary = RollUpPolicy.Summarize(Group("058"), Framework, [Result("a", 95m), Result("b", 85m), Result("c", 82m), Result("d", 71m)]);
        Assert.Equal(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"], summary.Classes.Select(c => c.Label));
        Assert.Equal([1, 2, 1, 0, 0], summary.Classes.Select(c => c.Count));
        Assert.Equal(83.25m, summary.Average);
        Assert.Equal(new Standing("a", 95m), summary.Best);
        Assert.Equal(new Standing("d", 71m), summary.Worst);
        Assert.Equal(83.25m, Assert.Single(summary.Fields, f => f.FieldCode == "A").Average);
    }

    [Fact]
    public void Subtrees_merge_groups_of_one_framework_across_assessors_exactly()
    {
        var district1 = RollUpPolicy.Summarize(Group("058"), Framework, [Result("a", 95m), Result("b", 80m)]);
        var district2 = RollUpPolicy.Summarize(Group("060"), Framework, [Result("c", 70m)]);
        var province = RollUpPolicy.Subtree([district1, district2]);
        var communes = Assert.Single(province);
        Assert.Equal(Framework.Code, communes.Key);
        Assert.Equal(3, communes.Units);
        Assert.Equal((1, 1, 1), (communes.CountOf("Xuất sắc"), communes.CountOf("Tốt"), communes.CountOf("Khá")));
        Assert.Equal(245m / 3m, communes.Average);
        Assert.Equal("a", communes.Best!.UnitCode);
        Assert.Equal("c", communes.Worst!.UnitCode);
    }

    [Fact]
    public void A_group_without_indices_has_no_average_best_or_worst()
    {
        var summary = RollUpPolicy.Summarize(Group("058"), Framework, [Frameworks.Score(Framework, "a", null, new ScoreEntry("a", "A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh"))]);
        Assert.Null(summary.Average);
        Assert.Null(summary.Best);
        Assert.Equal(1, summary.Units);
    }

    private static readonly Framework TwoFields = Frameworks.Of([10m, 5.5m], [20m]);

    /// <summary>
    /// However a framework's results are split into groups under districts, the province's line equals the figures worked
    /// out directly from all of them: counts per class, indexed and provisional units, the index sum, best and worst
    /// (ties to the lower unit code), and each field's sum and count of component indices.
    /// </summary>
    [Fact]
    public void A_subtree_equals_its_results_counted_directly_however_they_are_split()
    {
        var unit = from appraisal in Gen.Choose(0, 10_000) from survey in Gen.Choose(-1, 20_000) from na in Gen.Choose(0, 9)
                   select (Appraisal: appraisal / 1000m, Survey: survey < 0 ? (decimal?)null : survey / 1000m, NotApplicable: na == 0);
        var split = from count in Gen.Choose(1, 30)
                    from units in Gen.ArrayOf(unit, count)
                    from groupOf in Gen.ArrayOf(Gen.Choose(0, 5), count)
                    select (units, groupOf);
        Prop.ForAll(split.ToArbitrary(), t =>
        {
            var (units, groupOf) = t;
            var results = units.Select((u, i) =>
            {
                var code = $"u{i:00}";
                var entries = new List<ScoreEntry> { u.NotApplicable ? new(code, "A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh") : new(code, "A.1.1", ScoreKind.Appraised, Math.Min(u.Appraisal, 10m)),
                                                     new(code, "A.1.2", ScoreKind.Appraised, Math.Min(u.Appraisal, 5.5m)) };
                if (u.Survey is { } survey) entries.Add(new(code, "S.1.1", ScoreKind.Survey, survey));
                return Frameworks.Score(TwoFields, code, null, [.. entries]);
            }).ToList();
            // Six groups of one framework under one province (by districts or by itself: a subtree merges them all alike).
            RankGroup Group(int g) => new() { Code = $"g{g}", Name = $"g{g}", AssessorCode = "p", FrameworkCode = TwoFields.Code, Members = new UnitList([]) };
            var summaries = Enumerable.Range(0, 6).Select(g => RollUpPolicy.Summarize(Group(g), TwoFields, results.Where((_, i) => groupOf[i] == g))).ToList();
            var line = Assert.Single(RollUpPolicy.Subtree(summaries));

            var indexed = results.Where(r => r.Index is not null).ToList();
            var best = indexed.OrderByDescending(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).FirstOrDefault();
            var worst = indexed.OrderBy(r => r.Index).ThenBy(r => r.UnitCode, StringComparer.Ordinal).FirstOrDefault();
            var fields = TwoFields.Fields.Select(f =>
            {
                var indices = results.Select(r => r.Fields.Single(x => x.Code == f.Code)).Where(c => c.Maximum != 0m).Select(c => Math.Round(c.Obtained * 100m / c.Maximum, 20)).ToList();
                return (FieldCode: f.Code, Sum: indices.Sum(), indices.Count);
            }).Where(f => f.Count > 0).ToList();
            Assert.Equal(TwoFields.Code, line.Key);
            Assert.Equal(results.Count, line.Units);
            Assert.Equal(indexed.Count, line.Indexed);
            Assert.Equal(results.Count(r => r.Provisional), line.Provisional);
            Assert.Equal(ClassificationBands.Default.Bands.Select(b => (b.Label, results.Count(r => r.Classification == b.Label))), line.Classes.Select(c => (c.Label, c.Count)));
            // Quotients have up to 28 digits; each enters a sum rounded to 20 places, so that sums are exact in any order.
            Assert.Equal(indexed.Sum(r => Math.Round(r.Index!.Value, 20)), line.IndexSum);
            Assert.Equal(best is null ? null : new Standing(best.UnitCode, best.Index!.Value), line.Best);
            Assert.Equal(worst is null ? null : new Standing(worst.UnitCode, worst.Index!.Value), line.Worst);
            Assert.Equal(fields, line.Fields.Select(f => (f.FieldCode, f.Sum, f.Count)));
        }).QuickCheckThrowOnFailure();
    }
}
