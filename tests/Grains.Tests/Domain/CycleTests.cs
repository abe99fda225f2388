using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

public class CycleTests
{
    private static UnitDirectory Units() => new(
    [
        new AdministrativeUnit { Code = "06", Name = "Tỉnh Bắc Kạn", Type = "Tỉnh", Level = 1, ValidTo = new DateOnly(2025, 6, 30) },
        new AdministrativeUnit { Code = "06-SNV", Name = "Sở Nội vụ", Type = "Sở", Level = 2, ParentCode = "06", ValidTo = new DateOnly(2025, 6, 30) },
        new AdministrativeUnit { Code = "06-SCT", Name = "Sở Công Thương", Type = "Sở", Level = 2, ParentCode = "06", ValidTo = new DateOnly(2025, 6, 30) },
    ]);

    private static Cycle CycleWith(params RankGroup[] groups) => new()
    {
        Id = "par-2020-06", Year = 2020, Title = "Chỉ số CCHC năm 2020",
        Frameworks = [Frameworks.Of([70m], [30m])], Groups = groups,
    };

    private static RankGroup Group(string code, GroupMembers members, params TieBreaker[] tieBreakers) => new()
    {
        Code = code, Name = "Sở, ban, ngành", AssessorCode = "06", FrameworkCode = "test", Members = members, TieBreakers = tieBreakers,
    };

    [Fact]
    public void Codes_resolve_on_31_December_of_the_cycle_year()
    {
        var cycle = CycleWith(Group("so", new UnitList(["06-SNV", "06-SCT"])));
        Assert.Equal(new DateOnly(2020, 12, 31), cycle.ReferenceDate);
        Assert.Equal(2, cycle.Resolve(Units())["so"].Count);
        var after = cycle with { ExplicitReferenceDate = new DateOnly(2025, 12, 31) };
        Assert.Throws<DomainValidationException>(() => after.Resolve(Units()));
    }

    [Fact]
    public void A_unit_in_two_groups_an_unknown_framework_and_a_bad_tie_breaker_are_all_reported()
    {
        var cycle = CycleWith(
            Group("so", new UnitList(["06-SNV"]), TieBreaker.Parse("9")),
            Group("so2", new UnitList(["06-SNV"])),
            Group("x", new UnitList(["06-SCT"])) with { FrameworkCode = "missing" });
        var error = Assert.Throws<DomainValidationException>(() => cycle.Resolve(Units()));
        Assert.Contains(error.Errors, e => e.Contains("06-SNV") && e.Contains("so2"));
        Assert.Contains(error.Errors, e => e.Contains("missing"));
        Assert.Contains(error.Errors, e => e.Contains("\"9\""));
    }
}
