using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Grains.Tests.Survey;

public class SampleSizeTests
{
    [Theory]
    [InlineData(100, 80)]    // 100 / (1 + 100 · 0.0025) = 80 exactly: not rounded up to 81
    [InlineData(1000, 286)]  // 285.71… rounded up
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    public void The_sample_is_N_over_1_plus_N_e_squared_rounded_up(int population, int expected)
    {
        Assert.Equal(expected, SampleSize.Required(population));
    }

    [Fact]
    public void Another_margin_gives_another_sample()
    {
        Assert.Equal(91, SampleSize.Required(1000, 0.1m)); // 1000 / 11 = 90.9…
    }

    [Fact]
    public void A_negative_population_is_refused()
    {
        Assert.Equal("Quy mô tổng thể -1 âm.", Assert.Throws<DomainException>(() => SampleSize.Required(-1)).Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("-0.05")]
    [InlineData("5")]
    public void A_margin_not_strictly_between_0_and_1_is_refused(string margin)
    {
        var e = decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture);
        var error = Assert.Throws<DomainException>(() => SampleSize.Required(100, e));
        Assert.Equal($"Sai số {margin} phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05 = 5 %).", error.Message);
    }

    private static readonly Gen<decimal> Margins = Gen.Choose(1, 99).Select(p => p / 100m);

    [Fact]
    public void The_sample_is_never_negative_nor_larger_than_the_population()
    {
        var gen = from n in Gen.Choose(0, 10_000_000) from e in Margins select (n, e);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var n = SampleSize.Required(t.n, t.e);
            return n >= 0 && n <= t.n;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void A_larger_population_never_needs_a_smaller_sample()
    {
        var gen = from n in Gen.Choose(0, 10_000_000) from more in Gen.Choose(0, 100_000) from e in Margins select (n, more, e);
        Prop.ForAll(gen.ToArbitrary(), t => SampleSize.Required(t.n, t.e) <= SampleSize.Required(t.n + t.more, t.e)).QuickCheckThrowOnFailure();
    }
}
