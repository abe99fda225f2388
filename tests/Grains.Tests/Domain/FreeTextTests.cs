using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Typed text and file names: bidirectional controls taken out, length capped.</summary>
public class FreeTextTests
{
    [Theory]
    [InlineData("hoa-don\u202Efdp.exe", "hoa-donfdp.exe")]
    [InlineData("\u202A\u202B\u202C\u202D\u202Ea\u2066\u2067\u2068\u2069b\u200E\u200F\u061Cc", "abc")]
    [InlineData("Đã ban hành kế hoạch", "Đã ban hành kế hoạch")]
    public void Bidirectional_controls_are_taken_out_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, FreeText.Clean(text));

    [Fact]
    public void A_scorecard_keeps_notes_without_bidirectional_controls()
    {
        var card = new Scorecard("06-SNV", Frameworks.Of([2m], [10m]));
        var change = Assert.Single(card.Apply(new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 1m, "kế hoạch\u202E số 5")));
        Assert.Equal("kế hoạch số 5", card["A.1.1"].SelfNote);
        Assert.Equal("kế hoạch số 5", change.Entry.Note); // and so does the audit
    }
}
