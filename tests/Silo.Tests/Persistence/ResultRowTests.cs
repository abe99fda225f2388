using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>A result row keeps the component totals compactly and gives back the result the scorecard computed.</summary>
public sealed class ResultRowTests
{
    private static readonly Framework Framework = ParIndex.Grains.Domain.Framework.Create("tn", "Bộ tiêu chí thử",
    [
        new Field("1", "Công tác chỉ đạo",
        [
            new Criterion("1.1", "Kế hoạch", [new Item("1.1.1", "Ban hành", 2m, ItemSource.Appraisal), new Item("1.1.2", "Thực hiện", 3m, ItemSource.Appraisal)]),
            new Criterion("1.2", "Kiểm tra", [new Item("1.2.1", "Kiểm tra", 2m, ItemSource.Appraisal)]),
        ]),
        new Field("2", "Kết quả", [new Criterion("2.1", "Tuyên truyền", [new Item("2.1.1", "Tuyên truyền", 1.5m, ItemSource.Appraisal)])]),
    ]);

    private static UnitResult Computed()
    {
        var card = new Scorecard("00001", Framework);
        card.Apply(
        [
            new ScoreEntry("00001", "1.1.1", ScoreKind.Appraised, 1.50m),
            new ScoreEntry("00001", "1.1.2", ScoreKind.Appraised, 3m),
            new ScoreEntry("00001", "1.2.1", ScoreKind.NotApplicable, null, "Không phát sinh"),
            new ScoreEntry("00001", "2.1.1", ScoreKind.Appraised, 0.75m),
        ]);
        return ScoringPolicy.Compute(card, ScoringSettings.Default);
    }

    private static ResultRow Row() => new() { CycleId = "c", UnitCode = "00001", GroupCode = "g" };

    [Fact]
    public void A_row_stores_each_fields_and_criterions_obtained_and_maximum_in_framework_order()
    {
        var row = Row();
        RowMapping.CopyTo(Computed(), row, DateTimeOffset.UnixEpoch);

        // Field 1: 1.50 + 3 of 2 + 3 (1.2.1 not applicable counts in neither); field 2: 0.75 of 1.5.
        Assert.Equal("4.50/5;0.75/1.5|4.50/5;0/0;0.75/1.5", row.Components);
    }

    [Fact]
    public void A_row_read_back_gives_the_components_with_their_titles_and_indices()
    {
        var row = Row();
        RowMapping.CopyTo(Computed(), row, DateTimeOffset.UnixEpoch);

        var read = RowMapping.ToResult(row, Framework);

        Assert.Equal(
        [
            new ComponentIndex("1", "Công tác chỉ đạo", 4.5m, 5m),
            new ComponentIndex("2", "Kết quả", 0.75m, 1.5m),
        ], read.Fields);
        Assert.Equal(
        [
            new ComponentIndex("1.1", "Kế hoạch", 4.5m, 5m),
            new ComponentIndex("1.2", "Kiểm tra", 0m, 0m),
            new ComponentIndex("2.1", "Tuyên truyền", 0.75m, 1.5m),
        ], read.Criteria);
        // Rule 6: 4.50 × 100 / 5 and 0.75 × 100 / 1.5; none where nothing counts.
        Assert.Equal([90m, 50m], read.Fields.Select(f => f.Index));
        Assert.Equal([90m, null, 50m], read.Criteria.Select(c => c.Index));
        Assert.Equal("4.50", read.Fields[0].Obtained.ToString(System.Globalization.CultureInfo.InvariantCulture)); // its scale kept
    }

    [Fact]
    public void A_row_written_before_the_compact_form_is_read_from_its_json()
    {
        var row = Row();
        row.Components = """{"fields":[{"code":"1","title":"Cũ","obtained":4.5,"maximum":5,"index":90}],"criteria":[]}""";

        var read = RowMapping.ToResult(row, Framework);

        Assert.Equal([new ComponentIndex("1", "Cũ", 4.5m, 5m)], read.Fields);
        Assert.Empty(read.Criteria);
    }

    [Fact]
    public void A_row_that_does_not_match_its_framework_is_refused_by_name()
    {
        var row = Row();
        row.Components = "4.5/5|4.5/5";

        var error = Assert.Throws<InvalidDataException>(() => RowMapping.ToResult(row, Framework));

        Assert.Contains("00001", error.Message);
        Assert.Contains("tn", error.Message);
    }

    [Fact]
    public void A_row_of_a_national_sized_framework_fits_well_within_a_page()
    {
        // 8 fields of 5 criteria, obtained and maximum with three decimals each: the widest a score may be written (rule 1).
        var fields = Enumerable.Range(1, 8).Select(f => new ComponentIndex($"{f}", "", 123.125m, 150.5m)).ToList();
        var criteria = Enumerable.Range(1, 40).Select(c => new ComponentIndex($"{c}", "", 12.125m, 15.25m)).ToList();
        var row = Row();
        RowMapping.CopyTo(Computed() with { Fields = fields, Criteria = criteria }, row, DateTimeOffset.UnixEpoch);

        Assert.True(row.Components.Length < 800, $"{row.Components.Length} characters");
    }

    [Fact]
    public void A_row_is_written_with_a_decimal_point_whatever_the_culture()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("vi-VN"); // writes 4,50
        try
        {
            var row = Row();
            RowMapping.CopyTo(Computed(), row, DateTimeOffset.UnixEpoch);

            Assert.Equal("4.50/5;0.75/1.5|4.50/5;0/0;0.75/1.5", row.Components);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void A_row_longer_than_any_national_one_is_written_whole_and_read_back()
    {
        // 300 criteria of long numbers: several thousand characters, far past what a national row needs.
        var criteria = Enumerable.Range(1, 300).Select(c => new Criterion($"c{c}", $"Tiêu chí {c}", [new Item($"i{c}", "Mục", 1000.125m + c, ItemSource.Appraisal)])).ToList();
        var framework = ParIndex.Grains.Domain.Framework.Create("lon", "Bộ tiêu chí lớn", [new Field("1", "Lĩnh vực", criteria)]);
        var card = new Scorecard("00001", framework);
        card.Apply(Enumerable.Range(1, 300).Select(c => new ScoreEntry("00001", $"i{c}", ScoreKind.Appraised, 999.875m)));
        var row = Row();
        RowMapping.CopyTo(ScoringPolicy.Compute(card, ScoringSettings.Default), row, DateTimeOffset.UnixEpoch);

        var read = RowMapping.ToResult(row, framework);

        Assert.Equal([new ComponentIndex("1", "Lĩnh vực", 300 * 999.875m, 300 * 1000.125m + 300 * 301 / 2)], read.Fields);
        Assert.Equal(300, read.Criteria.Count);
        Assert.All(read.Criteria.Select((c, i) => (c, i)), x => Assert.Equal(new ComponentIndex($"c{x.i + 1}", $"Tiêu chí {x.i + 1}", 999.875m, 1000.125m + x.i + 1), x.c));
        Assert.True(row.Components.Length > 1024, $"{row.Components.Length} characters");
    }
}
