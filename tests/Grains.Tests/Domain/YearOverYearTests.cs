using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Rule 9: previous index and rank, the change, and merged units.</summary>
public class YearOverYearTests
{
    private static readonly Dictionary<string, PreviousStanding> Previous = new()
    {
        ["06-SCT"] = new(88.5m, 4),
        ["01834"] = new(80m, 10),
        ["01837"] = new(90m, 3),
    };

    [Fact]
    public void A_unit_that_moved_up_has_a_positive_rank_change_and_its_index_change()
    {
        var c = YearOverYearPolicy.Compare("06-SCT", [], 93.44m, 1, Previous);
        Assert.Equal(88.5m, c.PreviousIndex);
        Assert.Equal(4, c.PreviousRank);
        Assert.Equal(3, c.RankChange);
        Assert.Equal(4.94m, c.IndexChange);
        Assert.False(c.Derived);
    }

    [Fact]
    public void A_unit_that_moved_down_has_a_negative_rank_change()
    {
        Assert.Equal(-5, YearOverYearPolicy.Compare("06-SCT", [], 80m, 9, Previous).RankChange);
    }

    [Fact]
    public void A_unit_without_a_previous_result_shows_nothing()
    {
        Assert.Equal(YearOverYearComparison.None, YearOverYearPolicy.Compare("06-NEW", [], 80m, 1, Previous));
    }

    [Fact]
    public void A_merged_unit_shows_the_mean_of_its_predecessors_previous_indices_marked_derived_without_a_rank()
    {
        var c = YearOverYearPolicy.Compare("00004", [new("01834"), new("01837", Partial: true), new("99999")], 88m, 2, Previous);
        Assert.Equal(85m, c.PreviousIndex);
        Assert.True(c.Derived);
        Assert.Null(c.PreviousRank);
        Assert.Null(c.RankChange);
        Assert.Equal(3m, c.IndexChange);
    }

    [Fact]
    public void A_merged_unit_whose_predecessors_were_not_assessed_shows_nothing()
    {
        Assert.Equal(YearOverYearComparison.None, YearOverYearPolicy.Compare("00004", [new("99999")], 88m, 2, Previous));
    }
}
