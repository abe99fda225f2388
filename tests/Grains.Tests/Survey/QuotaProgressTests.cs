using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Grains.Tests.Survey;

public class QuotaProgressTests
{
    private static QuotaProgress Progress(int target, int respondents) => new("06-SNV", "P02", target, respondents);

    [Theory]
    [InlineData(30, 0, "0")]
    [InlineData(3, 1, "33.3")]
    [InlineData(3, 2, "66.7")]
    [InlineData(8, 1, "12.5")]
    [InlineData(30, 30, "100")]
    [InlineData(30, 45, "100")]
    public void The_percent_is_rounded_to_one_decimal_and_capped_at_100(int target, int respondents, string percent)
    {
        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), Progress(target, respondents).Percent);
    }

    [Fact]
    public void Without_a_target_there_is_no_percent_and_the_quota_is_not_met()
    {
        Assert.Null(Progress(0, 12).Percent);
        Assert.False(Progress(0, 12).IsMet);
    }

    [Fact]
    public void The_quota_is_met_from_the_target_on()
    {
        Assert.False(Progress(30, 29).IsMet);
        Assert.True(Progress(30, 30).IsMet);
        Assert.True(Progress(30, 31).IsMet);
    }
}
