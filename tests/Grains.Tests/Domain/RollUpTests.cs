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
        var province = RollUpPolicy.Subtree([], [RollUpPolicy.Subtree([district1], []), RollUpPolicy.Subtree([district2], [])]);
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
}
