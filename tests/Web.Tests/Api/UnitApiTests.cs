using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

public class UnitApiTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Theory]
    [InlineData("par-2020-06", "06-SCT")]
    [InlineData("par-2020-06", "058")]
    [InlineData("par-2019-06", "06-SNV")]
    public async Task The_unit_carries_its_result_fields_criteria_and_items(string cycle, string unit)
    {
        var details = await Json.GetAsync((await app.ReaderAsync()), $"/api/cycles/{cycle}/units/{unit}");

        Assert.Equal(cycle, details.String("cycle"));
        Assert.Equal(unit, details.GetProperty("result").String("unitCode"));
        Assert.NotEmpty(details.GetProperty("fields").EnumerateArray());
        Assert.True(details.GetProperty("criteria").GetArrayLength() > details.GetProperty("fields").GetArrayLength());
        Assert.True(details.GetProperty("items").GetArrayLength() >= details.GetProperty("criteria").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(details.String("version")));
    }

    [Theory]
    [InlineData("par-2020-06", "06-SCT")]
    [InlineData("par-2020-06", "06-VP")]
    [InlineData("par-2020-06", "061")]
    [InlineData("par-2020-06", "01837")]
    [InlineData("par-2019-06", "06-VP")]
    [InlineData("par-2025-19", "19-SNV")]
    public async Task The_index_is_ScoringPolicy_over_the_scorecard_read_through_the_grains(string cycle, string unit)
    {
        var details = await Json.GetAsync((await app.ReaderAsync()), $"/api/cycles/{cycle}/units/{unit}");
        var domain = await DomainResults.ComputeAsync(app, cycle, unit);

        var result = details.GetProperty("result");
        Assert.Equal(domain.Index, result.Decimal("index"));
        Assert.Equal(domain.DisplayIndex, result.Decimal("indexDisplay"));
        Assert.Equal(domain.Obtained, result.Decimal("obtained"));
        Assert.Equal(domain.Maximum, result.Decimal("maximum"));
        Assert.Equal(domain.Classification, result.String("classification"));
        var fields = details.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(domain.Fields.Select(f => (f.Code, f.Index)), fields.Select(f => (f.String("code")!, f.Decimal("index"))));
    }

    [Theory]
    [InlineData("par-2020-06", "06-SCT")]
    [InlineData("par-2020-06", "06-VP")]    // a bonus
    [InlineData("par-2020-06", "01837")]    // a penalty, a commune
    [InlineData("par-2019-06", "06-VP")]    // an item not applicable
    [InlineData("par-2025-19", "19-SCT")]   // a penalty, after the merger
    public async Task Counted_item_values_add_up_to_the_obtained_points(string cycle, string unit)
    {
        var details = await Json.GetAsync((await app.ReaderAsync()), $"/api/cycles/{cycle}/units/{unit}");
        var items = details.GetProperty("items").EnumerateArray().ToList();

        // Counted is already signed: bonus adds, penalty subtracts; not-applicable items count nothing.
        var counted = items.Sum(i => i.Decimal("counted") ?? 0m);
        var bonus = items.Where(i => i.String("source") == "Bonus").Sum(i => i.Decimal("bonus") ?? 0m);
        var penalty = items.Where(i => i.String("source") == "Penalty").Sum(i => i.Decimal("penalty") ?? 0m);
        var inMaximum = items.Where(i => i.String("source") is "Appraisal" or "Survey").Sum(i => i.Decimal("counted") ?? 0m);

        var result = details.GetProperty("result");
        Assert.Equal(result.Decimal("obtained"), counted);
        Assert.Equal(result.Decimal("obtained"), inMaximum + bonus - penalty);
        Assert.Equal(result.Decimal("bonusSubtotal"), bonus);
        Assert.Equal(result.Decimal("penaltySubtotal"), penalty);
    }
}
