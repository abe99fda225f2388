using ParIndex.Grains.Contracts;

namespace ParIndex.Grains.Tests.Contracts;

public class VersionDiffTests
{
    private static ResultLine Line(string unit, int? rank, decimal? index, string? cls, int decimals = 2) => new()
    {
        Group = "xa", Rank = rank, UnitCode = unit, UnitName = "Đơn vị " + unit, Obtained = index ?? 0, Maximum = 100,
        Index = index, IndexDisplay = index is { } i ? Math.Round(i, decimals, MidpointRounding.AwayFromZero) : null,
        DisplayDecimals = decimals, Classification = cls, Provisional = false,
    };

    [Fact]
    public void Only_units_whose_index_rank_or_class_changed_are_listed_in_the_new_order()
    {
        ResultLine[] before = [Line("A", 1, 91.2m, "Xuất sắc"), Line("B", 2, 85.5m, "Tốt"), Line("C", 3, 70.1m, "Khá")];
        ResultLine[] after = [Line("B", 1, 92.0m, "Xuất sắc"), Line("A", 2, 91.2m, "Xuất sắc"), Line("C", 3, 70.1m, "Khá")];

        var changes = VersionDiff.Compare(before, after);

        Assert.Equal(["B", "A"], changes.Select(c => c.UnitCode));
        var b = changes[0];
        Assert.Equal((85.50m, 92.00m), (b.IndexBefore!.Value, b.IndexAfter!.Value));
        Assert.Equal((2, 1), (b.RankBefore!.Value, b.RankAfter!.Value));
        Assert.Equal(("Tốt", "Xuất sắc"), (b.ClassBefore, b.ClassAfter));
        Assert.True(b.IndexChanged && b.RankChanged && b.ClassChanged);
        var a = changes[1]; // only moved down: same index and class
        Assert.False(a.IndexChanged);
        Assert.True(a.RankChanged);
        Assert.False(a.ClassChanged);
    }

    [Fact]
    public void A_change_below_the_displayed_precision_is_still_a_change()
    {
        var changes = VersionDiff.Compare([Line("A", 1, 90.001m, "Xuất sắc")], [Line("A", 1, 90.004m, "Xuất sắc")]);

        var change = Assert.Single(changes);
        Assert.Equal(90.00m, change.IndexBefore);
        Assert.Equal(90.00m, change.IndexAfter);
    }

    [Fact]
    public void Identical_versions_have_no_changes_and_a_unit_on_one_side_only_is_listed_with_nulls()
    {
        ResultLine[] lines = [Line("A", 1, 91.2m, "Xuất sắc"), Line("B", null, null, null)];
        Assert.Empty(VersionDiff.Compare(lines, lines));

        var changes = VersionDiff.Compare([Line("A", 1, 91.2m, "Xuất sắc")], [Line("A", 1, 91.2m, "Xuất sắc"), Line("N", 2, 60m, "Trung bình")]);
        var added = Assert.Single(changes);
        Assert.Equal("N", added.UnitCode);
        Assert.Null(added.IndexBefore);
        Assert.Null(added.RankBefore);
        Assert.Equal(2, added.RankAfter);
    }
}
