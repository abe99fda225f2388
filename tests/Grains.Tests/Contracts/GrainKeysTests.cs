using ParIndex.Grains.Contracts;

namespace ParIndex.Grains.Tests.Contracts;

/// <summary>Grain keys are made and read in one place: what GrainKeys writes, it reads back part for part.</summary>
public class GrainKeysTests
{
    [Fact]
    public void A_scorecard_key_reads_back_as_its_cycle_and_unit()
    {
        Assert.Equal("par-2020-06/01834", GrainKeys.Scorecard("par-2020-06", "01834"));
        Assert.Equal(("par-2020-06", "06-SNV"), GrainKeys.Split(GrainKeys.Scorecard("par-2020-06", "06-SNV")));
    }

    [Fact]
    public void A_ranking_key_reads_back_as_its_cycle_assessor_and_group_even_when_the_group_code_has_a_dash()
    {
        Assert.Equal("par-2020-06/058/xa-058", GrainKeys.Ranking("par-2020-06", "058", "xa-058"));
        Assert.Equal(("par-2020-06", "058", "xa-058"), GrainKeys.SplitRanking(GrainKeys.Ranking("par-2020-06", "058", "xa-058")));
    }

    [Fact]
    public void A_key_without_a_slash_is_a_cycle_alone()
    {
        Assert.Equal(("par-2025-19", ""), GrainKeys.Split(GrainKeys.Cycle("par-2025-19")));
    }
}
