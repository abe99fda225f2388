using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

public class FrameworkTests
{
    private static Field FieldWith(string code, params Item[] items) => new(code, "Lĩnh vực " + code, [new Criterion(code + ".1", "Tiêu chí", items)]);

    [Fact]
    public void A_valid_framework_knows_its_items_and_maximum_without_bonus_or_penalty()
    {
        var framework = Frameworks.Of([1m, 2.5m], [30m], bonusMax: 2m, penaltyMax: 3m);
        Assert.Equal(33.5m, framework.Maximum);
        Assert.Equal(3.5m, framework.MaximumOf(ItemSource.Appraisal));
        Assert.Equal("S", framework.FieldOf("S.1.1").Code);
        Assert.Equal("A.1", framework.CriterionOf("A.1.2").Code);
    }

    [Fact]
    public void A_criterion_without_items_is_itself_an_item()
    {
        var framework = Framework.Create("f", "F", [new Field("1", "L", [Framework.CriterionAsItem("1.1", "Kế hoạch", 2m, ItemSource.Appraisal)])]);
        var item = framework.GetItem("1.1");
        Assert.Equal(2m, item.Max);
        Assert.Equal("1.1", framework.CriterionOf("1.1").Code);
    }

    [Fact]
    public void Duplicate_item_codes_are_refused_naming_the_code()
    {
        var error = Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F",
        [
            FieldWith("1", new Item("1.1.1", "a", 1m, ItemSource.Appraisal)),
            FieldWith("2", new Item("1.1.1", "b", 1m, ItemSource.Appraisal)),
        ]));
        Assert.Contains(error.Errors, e => e.Contains("1.1.1") && e.Contains("trùng"));
    }

    [Fact]
    public void Duplicate_field_codes_are_refused_naming_the_code()
    {
        var error = Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F",
        [
            new Field("1", "a", [Framework.CriterionAsItem("1.1", "x", 1m, ItemSource.Appraisal)]),
            new Field("1", "b", [Framework.CriterionAsItem("1.2", "y", 1m, ItemSource.Appraisal)]),
        ]));
        Assert.Contains(error.Errors, e => e.Contains("lĩnh vực 1") && e.Contains("trùng"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Non_positive_maxima_are_refused_naming_the_item(int max)
    {
        var error = Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F", [FieldWith("1", new Item("1.1.7", "a", max, ItemSource.Appraisal))]));
        Assert.Contains(error.Errors, e => e.Contains("1.1.7") && e.Contains("điểm tối đa"));
    }

    [Fact]
    public void An_empty_field_is_refused_naming_the_field()
    {
        var error = Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F",
        [
            FieldWith("1", new Item("1.1.1", "a", 1m, ItemSource.Appraisal)),
            new Field("9", "Trống", []),
        ]));
        Assert.Contains(error.Errors, e => e.Contains("lĩnh vực 9"));
    }

    [Fact]
    public void A_framework_without_fields_or_without_counted_items_is_refused()
    {
        Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F", []));
        var onlyBonus = Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F", [FieldWith("1", new Item("1.1.1", "a", 1m, ItemSource.Bonus))]));
        Assert.Contains("Appraisal", onlyBonus.Message);
    }

    [Fact]
    public void Every_error_is_listed_not_only_the_first()
    {
        var error = Assert.Throws<DomainValidationException>(() => Framework.Create("f", "F",
        [
            FieldWith("1", new Item("1.1.1", "a", 0m, ItemSource.Appraisal), new Item("1.1.2", "b", -2m, ItemSource.Appraisal)),
        ]));
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Values_in_framework_order_are_keyed_by_the_frameworks_own_codes_and_keep_codes_it_does_not_have()
    {
        var framework = Framework.Create("f", "F",
        [
            FieldWith("1", new Item("1.1.1", "a", 1m, ItemSource.Appraisal), new Item("1.1.2", "b", 1m, ItemSource.Appraisal)),
            FieldWith("2", new Item("2.1.1", "c", 1m, ItemSource.Survey)),
        ]);
        // Codes as a database read gives them: equal strings, other instances, in another order, one the framework lacks.
        var read = new Dictionary<string, ItemValues>(StringComparer.Ordinal)
        {
            [new string("9.9.9".AsSpan())] = new() { Self = 4m },
            [new string("2.1.1".AsSpan())] = new() { Survey = 0.5m },
            [new string("1.1.1".AsSpan())] = new() { Appraised = 1m },
        };

        var ordered = framework.InOrder(read);

        Assert.Equal(["1.1.1", "2.1.1", "9.9.9"], ordered.Keys);
        Assert.Same(framework.GetItem("1.1.1").Code, ordered.Keys.First());
        Assert.Same(framework.GetItem("2.1.1").Code, ordered.Keys.ElementAt(1));
        Assert.Equal(1m, ordered["1.1.1"].Appraised);
        Assert.Equal(0.5m, ordered["2.1.1"].Survey);
        Assert.Equal(4m, ordered["9.9.9"].Self);
        Assert.Same(framework.GetItem("1.1.2").Code, framework.Own(new string("1.1.2".AsSpan())));
        Assert.Equal("7.7", framework.Own("7.7"));
    }
}
