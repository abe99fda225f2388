using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Rule 7: bands on the displayed index, with each group's own labels.</summary>
public class ClassificationTests
{
    [Theory]
    [InlineData(95, "Xuất sắc")]
    [InlineData(90, "Xuất sắc")]
    [InlineData(89.99, "Tốt")]
    [InlineData(80, "Tốt")]
    [InlineData(70, "Khá")]
    [InlineData(50, "Trung bình")]
    [InlineData(49.99, "Yếu")]
    [InlineData(0, "Yếu")]
    public void The_default_bands_classify_by_their_lower_bounds(decimal shown, string label) =>
        Assert.Equal(label, ClassificationBands.Default.Classify(shown));

    [Fact]
    public void The_displayed_value_decides_the_class_89_996_shows_as_90_00_and_is_top_band()
    {
        var result = Frameworks.Score(Frameworks.SingleItem(100m), "u", null, new ScoreEntry("u", "A.1.1", ScoreKind.Appraised, 89.996m));
        Assert.Equal(89.996m, result.Index);
        Assert.Equal(90.00m, result.DisplayIndex);
        Assert.Equal("Xuất sắc", result.Classification);
    }

    [Fact]
    public void A_group_may_use_other_labels_and_bounds_Nhom_A_B_C()
    {
        var bands = ClassificationBands.Create([new("Nhóm C", 0m), new("Nhóm A", 85m), new("Nhóm B", 65m)]);
        var settings = ScoringSettings.Default with { Bands = bands };
        Assert.Equal("Nhóm A", Frameworks.Score(Frameworks.SingleItem(100m), "u", settings, new ScoreEntry("u", "A.1.1", ScoreKind.Appraised, 85m)).Classification);
        Assert.Equal("Nhóm B", Frameworks.Score(Frameworks.SingleItem(100m), "u", settings, new ScoreEntry("u", "A.1.1", ScoreKind.Appraised, 84.99m)).Classification);
        Assert.Equal("Nhóm C", Frameworks.Score(Frameworks.SingleItem(100m), "u", settings, new ScoreEntry("u", "A.1.1", ScoreKind.Appraised, 10m)).Classification);
        Assert.Equal(["Nhóm A", "Nhóm B", "Nhóm C"], bands.Bands.Select(b => b.Label));
    }

    [Fact]
    public void An_index_below_every_band_has_no_class()
    {
        var bands = ClassificationBands.Create([new("Tốt", 80m), new("Khá", 60m)]);
        Assert.Null(bands.Classify(59.99m));
    }

    [Fact]
    public void Bands_with_duplicate_labels_or_bounds_are_refused()
    {
        Assert.Throws<DomainValidationException>(() => ClassificationBands.Create([new("Tốt", 80m), new("Tốt", 60m)]));
        Assert.Throws<DomainValidationException>(() => ClassificationBands.Create([new("Tốt", 80m), new("Khá", 80m)]));
        Assert.Throws<DomainValidationException>(() => ClassificationBands.Create([]));
    }
}
