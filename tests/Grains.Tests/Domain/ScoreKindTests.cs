using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>The kind column of a scores file (docs/formats.md): its names, in any case, with spaces around.</summary>
public class ScoreKindTests
{
    [Theory]
    [InlineData("self", ScoreKind.Self)]
    [InlineData("appraised", ScoreKind.Appraised)]
    [InlineData(" Survey ", ScoreKind.Survey)]
    [InlineData("BONUS", ScoreKind.Bonus)]
    [InlineData("penalty\t", ScoreKind.Penalty)]
    [InlineData("not_applicable", ScoreKind.NotApplicable)]
    [InlineData("Applicable", ScoreKind.Applicable)]
    public void A_kind_is_read_by_its_file_name_whatever_its_case_and_surrounding_spaces(string text, ScoreKind expected)
    {
        Assert.True(ScoreKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("appraise")]
    [InlineData("not applicable")]
    [InlineData("tự đánh giá")]
    public void Anything_else_is_no_kind(string? text) => Assert.False(ScoreKinds.TryParse(text, out _));
}
