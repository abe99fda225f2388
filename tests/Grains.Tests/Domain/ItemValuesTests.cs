using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>An item's values read back exactly as they were set, however compactly they are kept.</summary>
public class ItemValuesTests
{
    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.50")]
    [InlineData("0.125")]
    [InlineData("-2.750")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("2147483")]
    [InlineData("2147483.647")] // past the compact range: kept whole
    [InlineData("0.3333333333333333333333333333")] // a survey mean
    [InlineData("79228162514264337593543950335")]
    [InlineData("-0.0001")]
    public void Each_score_reads_back_as_the_decimal_that_was_set_scale_included(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        var values = new ItemValues { Self = value, Appraised = value, Survey = value, Bonus = value, Penalty = value };

        Assert.All(new[] { values.Self, values.Appraised, values.Survey, values.Bonus, values.Penalty }, v => Assert.Equal(text, Text(v)));
    }

    [Fact]
    public void Scores_not_set_are_none_and_a_score_set_to_none_is_cleared()
    {
        var values = new ItemValues { Appraised = 1.25m };
        Assert.Null(values.Self);
        Assert.Null(values.Survey);

        var cleared = values with { Appraised = null };

        Assert.Null(cleared.Appraised);
        Assert.Equal(1.25m, values.Appraised); // the original is unchanged
    }

    [Fact]
    public void A_copy_that_changes_a_score_kept_whole_leaves_the_original_as_it_was()
    {
        var third = 1m / 3m;
        var original = new ItemValues { Survey = third, Self = 2m / 3m };

        var copy = original with { Survey = 1m / 7m };

        Assert.Equal(third, original.Survey);
        Assert.Equal(2m / 3m, original.Self);
        Assert.Equal(1m / 7m, copy.Survey);
        Assert.Equal(2m / 3m, copy.Self);
    }

    [Fact]
    public void Values_are_equal_when_their_scores_and_notes_are_whatever_their_scale()
    {
        var a = new ItemValues { Self = 1.5m, Survey = 1m / 3m, SelfNote = "Có kế hoạch" };
        var b = new ItemValues { Self = 1.500m, Survey = 1m / 3m, SelfNote = "Có kế hoạch" };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { SelfNote = "Khác" });
        Assert.NotEqual(a, b with { Appraised = 0m });
        Assert.NotEqual(new ItemValues { Self = 0m }, ItemValues.Empty); // a zero is a value, none is not
    }

    [Fact]
    public void Any_decimal_set_on_any_score_reads_back_exactly()
    {
        var decimals = from lo in ArbMap.Default.GeneratorFor<int>()
                       from mid in Gen.Elements(0, 0, 0, 1, int.MaxValue)
                       from negative in ArbMap.Default.GeneratorFor<bool>()
                       from scale in Gen.Choose(0, 28)
                       select new decimal(lo, mid, 0, negative, (byte)scale);
        var gen = from value in decimals
                  from other in decimals
                  from kind in Gen.Elements(ScoreKind.Self, ScoreKind.Appraised, ScoreKind.Survey, ScoreKind.Bonus, ScoreKind.Penalty)
                  select (value, other, kind);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (value, other, kind) = t;
            var values = ItemValues.Empty.With(ScoreKind.Self, other, null).With(kind, value, null);
            var expectedSelf = kind == ScoreKind.Self ? value : other;
            return Text(values.ValueOf(kind)) == Text(value) && Text(values.Self) == Text(expectedSelf);
        }).QuickCheckThrowOnFailure();
    }
}
