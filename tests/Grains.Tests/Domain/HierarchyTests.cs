using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>The hierarchy: codes with validity periods, parents and levels, selectors.</summary>
public class HierarchyTests
{
    private static readonly DateOnly Before = new(2025, 6, 30), After = new(2025, 7, 1);

    private static AdministrativeUnit U(string code, string name, int level, string? parent, DateOnly? from = null, DateOnly? to = null, string type = "Xã") =>
        new() { Code = code, Name = name, Type = type, Level = level, ParentCode = parent, ValidFrom = from, ValidTo = to };

    private static UnitDirectory BacKan() => new(
    [
        U("06", "Tỉnh Bắc Kạn", 1, null, to: Before, type: "Tỉnh"),
        U("058", "Thành phố Bắc Kạn", 2, "06", to: Before, type: "Thành phố"),
        U("01834", "Phường Nguyễn Thị Minh Khai", 3, "058", to: Before, type: "Phường"),
        U("01837", "Phường Sông Cầu", 3, "058", to: Before, type: "Phường"),
        U("058-PNV", "Phòng Nội vụ", 3, "058", to: Before, type: "Phòng"),
        U("06-SNV", "Sở Nội vụ", 2, "06", to: Before, type: "Sở"),
    ]);

    [Fact]
    public void A_reused_code_names_a_different_unit_in_each_validity_period()
    {
        var units = new UnitDirectory(
        [
            U("00004", "Phường Trúc Bạch", 3, null, to: Before),
            U("00004", "Phường Ba Đình", 2, null, from: After),
        ]);
        Assert.Equal("Phường Trúc Bạch", units.Resolve("00004", new DateOnly(2020, 12, 31)).Name);
        Assert.Equal("Phường Ba Đình", units.Resolve("00004", new DateOnly(2025, 12, 31)).Name);
    }

    [Fact]
    public void A_unit_whose_code_and_validity_overlap_a_different_unit_is_refused()
    {
        var units = new UnitDirectory([U("00004", "Phường Trúc Bạch", 3, null, to: Before)]);
        var error = Assert.Throws<DomainException>(() => units.Add(U("00004", "Phường Ba Đình", 2, null, from: new DateOnly(2025, 1, 1))));
        Assert.Contains("00004", error.Message);
        Assert.Contains("Phường Trúc Bạch", error.Message);
    }

    [Fact]
    public void Importing_the_same_unit_again_is_not_a_conflict()
    {
        var units = BacKan();
        units.Add(U("06-SNV", "Sở Nội vụ", 2, "06", to: Before, type: "Sở"));
        Assert.Equal(6, units.Count);
    }

    [Fact]
    public void A_level_must_be_one_more_than_the_parents()
    {
        var units = BacKan();
        Assert.Null(units.CheckLevel(U("01840", "Xã mới", 3, "058", to: Before)));
        Assert.Contains("cấp", units.CheckLevel(U("01841", "Xã sai cấp", 4, "058", to: Before)));
        Assert.Contains("không có đơn vị cha", units.CheckLevel(U("01842", "Xã mồ côi", 3, "999", to: Before)));
    }

    [Fact]
    public void A_selector_finds_every_unit_at_a_level_under_a_parent_optionally_by_type()
    {
        var units = BacKan();
        var on = new DateOnly(2020, 12, 31);
        Assert.Equal(["01834", "01837", "058-PNV"], new UnitSelector("058", 3).Resolve(units, on).Select(u => u.Code));
        Assert.Equal(["01834", "01837"], new UnitSelector("058", 3, ["Xã", "Phường", "Thị trấn"]).Resolve(units, on).Select(u => u.Code));
        Assert.Equal(["01834", "01837"], new UnitSelector("06", 3, ["Phường"]).Resolve(units, on).Select(u => u.Code));
        Assert.Empty(new UnitSelector("058", 3).Resolve(units, After));
    }

    [Fact]
    public void Children_are_found_once_after_a_unit_is_imported_again_and_only_on_their_dates()
    {
        var units = BacKan();
        units.Add(U("01837", "Phường Sông Cầu", 3, "058", to: Before, type: "Phường"));
        units.Add(U("01840", "Phường Đức Xuân", 3, "058", from: After, type: "Phường"));
        Assert.Equal(["01834", "01837", "058-PNV"], units.ChildrenOf("058", Before).Select(u => u.Code).Order().ToArray());
        Assert.Equal(["01840"], units.ChildrenOf("058", After).Select(u => u.Code).ToArray());
        Assert.Empty(units.ChildrenOf("01834", Before));
        Assert.Equal(5, units.DescendantsOf("06", Before).Count());
    }

    [Fact]
    public void A_unit_list_naming_an_unknown_code_is_refused_with_the_code()
    {
        var error = Assert.Throws<DomainException>(() => new UnitList(["06-SNV", "06-XXX"]).Resolve(BacKan(), new DateOnly(2020, 12, 31)));
        Assert.Contains("06-XXX", error.Message);
    }

    [Fact]
    public void A_merged_unit_keeps_its_predecessors()
    {
        var merged = U("00004", "Phường Ba Đình", 2, "01", from: After) with { Predecessors = [new("00004"), new("00016", true)] };
        Assert.Equal("00004;00016:partial", string.Join(";", merged.Predecessors));
    }
}
