using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

public class UnitsCsvTests
{
    private const string Header = "code,name,type,level,parent_code,valid_from,valid_to,predecessors";

    private static ReadResult<IReadOnlyList<AdministrativeUnit>> Read(params string[] lines) => UnitsCsv.Read(Lines(lines), "units.csv");

    [Fact]
    public void The_interfaces_example_reads_exactly()
    {
        var result = Read(
            "code,name,type,level,parent_code",
            "06,Tỉnh Bắc Kạn,Tỉnh,1,",
            "058,Thành Phố Bắc Kạn,Thành phố,2,06",
            "01834,Phường Nguyễn Thị Minh Khai,Phường,3,058",
            "06-SNV,Sở Nội vụ,Sở,2,06");

        var read = Valid(result);
        Assert.Equal(
        [
            ("06", "Tỉnh Bắc Kạn", "Tỉnh", 1, null),
            ("058", "Thành Phố Bắc Kạn", "Thành phố", 2, "06"),
            ("01834", "Phường Nguyễn Thị Minh Khai", "Phường", 3, "058"),
            ("06-SNV", "Sở Nội vụ", "Sở", 2, (string?)"06"),
        ], read.Select(u => (u.Code, u.Name, u.Type, u.Level, u.ParentCode)));
        Assert.All(read, u => Assert.True(u.ValidFrom is null && u.ValidTo is null && u.Predecessors.Count == 0));
    }

    [Fact]
    public void Validity_dates_and_predecessors_with_partial_are_read()
    {
        var result = Read(Header,
            "01,Thành phố Hà Nội,Thành phố Trung ương,1,,2025-07-01,,01",
            "00004,Phường Ba Đình,Phường,2,01,2025-07-01,2030-12-31,00004;00013;00016:partial");

        var read = Valid(result);
        var ward = read[1];
        Assert.Equal(new DateOnly(2025, 7, 1), ward.ValidFrom);
        Assert.Equal(new DateOnly(2030, 12, 31), ward.ValidTo);
        Assert.Equal([new Predecessor("00004"), new Predecessor("00013"), new Predecessor("00016", Partial: true)], ward.Predecessors);
    }

    [Fact]
    public void Written_units_read_back_unchanged()
    {
        AdministrativeUnit[] units =
        [
            new() { Code = "01", Name = "Thành phố Hà Nội", Type = "Thành phố Trung ương", Level = 1, ValidFrom = new(2025, 7, 1), Predecessors = [new("01")] },
            new() { Code = "01-SNV", Name = "Sở Nội vụ, \"Hà Nội\"", Type = "Sở", Level = 2, ParentCode = "01", ValidFrom = new(2025, 7, 1), ValidTo = new(2026, 1, 1) },
            new() { Code = "00004", Name = "Phường Ba Đình", Type = "Phường", Level = 2, ParentCode = "01", ValidFrom = new(2025, 7, 1), Predecessors = [new("00004"), new("00016", true)] },
        ];
        var text = new StringWriter();
        UnitsCsv.Write(text, units);

        var result = UnitsCsv.Read(new StringReader(text.ToString()), "units.csv");

        var read = Valid(result);
        Assert.Equal(units.Length, read.Count);
        for (int i = 0; i < units.Length; i++)
        {
            Assert.Equal(units[i] with { Predecessors = [] }, read[i] with { Predecessors = [] });
            Assert.Equal(units[i].Predecessors, read[i].Predecessors);
        }
        Assert.DoesNotContain("\r", text.ToString());
    }

    [Fact]
    public void Quoted_fields_hold_commas_quotes_and_line_breaks_and_lines_are_counted_physically()
    {
        string[] lines =
        [
            Header,
            "06,Tỉnh Bắc Kạn,Tỉnh,1,,,,",
            "06-SNV,\"Sở Nội vụ, \"\"Bắc Kạn\"\"",
            "(tên dài)\",Sở,2,06,,,",
        ];
        var good = Read(lines);
        var bad = Read([.. lines, "06-SCT,Sở Công Thương,Sở,x,06,,,"]);

        var readGood = Valid(good);
        Assert.Equal("Sở Nội vụ, \"Bắc Kạn\"\n(tên dài)", readGood[1].Name);
        var problem = Single(bad);
        Assert.Equal((5, "06-SCT"), (problem.Line, problem.Unit)); // the record of line 3 ends on line 4
    }

    [Fact]
    public void A_byte_order_mark_and_CRLF_line_endings_are_accepted()
    {
        var result = UnitsCsv.Read(new StringReader("\uFEFFcode,name,type,level,parent_code\r\n06,Tỉnh Bắc Kạn,Tỉnh,1,\r\n"), "units.csv");

        var read = Valid(result);
        Assert.Equal("06", Assert.Single(read).Code);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_unknown_columns_are_ignored()
    {
        var result = Read("Name, CODE ,note,level,type,parent_code", "Tỉnh Bắc Kạn,06,ghi chú,1,Tỉnh,");

        var read = Valid(result);
        var unit = Assert.Single(read);
        Assert.Equal(("06", "Tỉnh Bắc Kạn", "Tỉnh", 1), (unit.Code, unit.Name, unit.Type, unit.Level));
    }

    [Fact]
    public void A_file_without_header_is_refused_on_line_1()
    {
        var problem = Single(Read("06,Tỉnh Bắc Kạn,Tỉnh,1,"));

        Assert.Equal(("units.csv", 1), (problem.File, problem.Line));
        Assert.Contains("thiếu dòng tiêu đề", problem.Message);
        Assert.Contains("code,name,type,level,parent_code", problem.Message);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        var problem = Single(UnitsCsv.Read(new StringReader(""), "units.csv"));

        Assert.Contains("tệp trống", problem.Message);
    }

    [Fact]
    public void Each_missing_required_column_is_named()
    {
        var result = Read("code,name,type", "06,Tỉnh Bắc Kạn,Tỉnh");

        Assert.False(result.IsValid);
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains("\"level\"", result.Problems[0].Message);
        Assert.Contains("\"parent_code\"", result.Problems[1].Message);
        Assert.All(result.Problems, p => Assert.Equal(1, p.Line));
    }

    [Fact]
    public void An_empty_code_is_refused()
    {
        var problem = Single(Read(Header, ",Tỉnh Bắc Kạn,Tỉnh,1,,,,"));

        Assert.Equal(2, problem.Line);
        Assert.Null(problem.Unit);
        Assert.Contains("mã đơn vị (code) trống", problem.Message);
    }

    [Fact]
    public void An_empty_name_is_refused_naming_the_unit()
    {
        var problem = Single(Read(Header, "06,  ,Tỉnh,1,,,,"));

        Assert.Equal((2, "06"), (problem.Line, problem.Unit));
        Assert.Contains("tên đơn vị (name) trống", problem.Message);
    }

    [Theory]
    [InlineData("một")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("")]
    public void A_level_that_is_not_an_integer_of_at_least_0_is_refused(string level)
    {
        var problem = Single(Read(Header, $"06,Tỉnh Bắc Kạn,Tỉnh,{level},,,,"));

        Assert.Equal((2, "06"), (problem.Line, problem.Unit));
        Assert.Contains($"cấp (level) \"{level}\" không phải là số nguyên ≥ 0", problem.Message);
    }

    [Theory]
    [InlineData("30/06/2025,", "valid_from")]
    [InlineData(",2025-02-30", "valid_to")]
    [InlineData("2025-7-1,", "valid_from")]
    public void A_date_not_in_ISO_form_is_refused_naming_the_column(string dates, string column)
    {
        var problem = Single(Read(Header, $"06,Tỉnh Bắc Kạn,Tỉnh,1,,{dates},"));

        Assert.Equal((2, "06"), (problem.Line, problem.Unit));
        Assert.Contains($"({column})", problem.Message);
        Assert.Contains("YYYY-MM-DD", problem.Message);
    }

    [Fact]
    public void An_end_of_validity_before_its_start_is_refused()
    {
        var problem = Single(Read(Header, "06,Tỉnh Bắc Kạn,Tỉnh,1,,2025-07-01,2025-06-30,"));

        Assert.Equal((2, "06"), (problem.Line, problem.Unit));
        Assert.Equal("ngày hết hiệu lực (valid_to) 2025-06-30 trước ngày có hiệu lực (valid_from) 2025-07-01.", problem.Message);
    }

    [Theory]
    [InlineData("00004;;00013", "\"\"")]
    [InlineData("00004:part", "\"00004:part\"")]
    [InlineData(":partial", "\":partial\"")]
    [InlineData("00004;00004", "(lặp lại)")]
    [InlineData("00004:partial:partial", "\"00004:partial:partial\"")]
    public void Malformed_predecessors_are_refused_naming_the_bad_entry(string predecessors, string named)
    {
        var problem = Single(Read(Header, $"00004,Phường Ba Đình,Phường,1,,2025-07-01,,{predecessors}"));

        Assert.Equal((2, "00004"), (problem.Line, problem.Unit));
        Assert.Contains("predecessors", problem.Message);
        Assert.Contains(named, problem.Message);
    }

    [Fact]
    public void A_code_twice_with_overlapping_validity_is_refused_naming_the_first_line()
    {
        var problem = Single(Read(Header,
            "06,Tỉnh Bắc Kạn,Tỉnh,1,,,2025-06-30,",
            "07,Tỉnh Tuyên Quang,Tỉnh,1,,,2025-06-30,",
            "06,Tỉnh Bắc Kạn mới,Tỉnh,1,,2025-01-01,,"));

        Assert.Equal((4, "06"), (problem.Line, problem.Unit));
        Assert.Contains("trùng mã và thời gian hiệu lực", problem.Message);
        Assert.Contains("dòng 2", problem.Message);
    }

    [Fact]
    public void A_code_reused_after_the_old_unit_ended_is_accepted()
    {
        var result = Read(Header,
            "01,Thành phố Hà Nội,Thành phố Trung ương,1,,,2025-06-30,",
            "00004,Phường Trúc Bạch,Phường,2,01,,2025-06-30,",
            "01,Thành phố Hà Nội,Thành phố Trung ương,1,,2025-07-01,,01",
            "00004,Phường Ba Đình,Phường,2,01,2025-07-01,,00004");

        var read = Valid(result);
        Assert.Equal(4, read.Count);
    }

    [Fact]
    public void A_unit_that_clashes_with_a_different_existing_unit_is_refused_but_the_same_unit_again_is_not()
    {
        var existing = new UnitDirectory([new AdministrativeUnit { Code = "06", Name = "Tỉnh Bắc Kạn", Type = "Tỉnh", Level = 1, ValidTo = new(2025, 6, 30) }]);

        var clash = Single(UnitsCsv.Read(Lines(Header, "06,Tỉnh Thái Nguyên,Tỉnh,1,,2025-01-01,,"), "units.csv", existing));
        var again = UnitsCsv.Read(Lines(Header, "06,Tỉnh Bắc Kạn,Tỉnh,1,,,2025-06-30,"), "units.csv", existing);

        Assert.Equal((2, "06"), (clash.Line, clash.Unit));
        Assert.Contains("trùng mã và thời gian hiệu lực với đơn vị đã có: Tỉnh Bắc Kạn", clash.Message);
        Valid(again);
    }

    [Fact]
    public void A_level_that_is_not_one_more_than_the_parents_is_refused()
    {
        var problem = Single(Read(Header,
            "06,Tỉnh Bắc Kạn,Tỉnh,1,,,,",
            "06-SNV,Sở Nội vụ,Sở,3,06,,,"));

        Assert.Equal((3, "06-SNV"), (problem.Line, problem.Unit));
        Assert.Equal("cấp 3 phải bằng cấp của đơn vị cha 06 cộng 1 (2).", problem.Message);
    }

    [Fact]
    public void A_parent_may_come_after_its_child_or_from_the_existing_units()
    {
        var existing = new UnitDirectory([new AdministrativeUnit { Code = "06", Name = "Tỉnh Bắc Kạn", Type = "Tỉnh", Level = 1 }]);

        var result = UnitsCsv.Read(Lines(Header,
            "01834,Phường Nguyễn Thị Minh Khai,Phường,3,058,,,",
            "058,Thành Phố Bắc Kạn,Thành phố,2,06,,,"), "units.csv", existing);

        // The ward names a district two lines below it; the district names a province that only the database holds.
        var read = Valid(result);
        Assert.Equal([("01834", 3, "058"), ("058", 2, "06")], read.Select(u => (u.Code, u.Level, u.ParentCode)));
    }

    [Fact]
    public void An_unknown_parent_and_a_deep_level_without_parent_are_refused()
    {
        var result = Read(Header,
            "058,Thành Phố Bắc Kạn,Thành phố,2,06,,,",
            "01834,Phường Nguyễn Thị Minh Khai,Phường,3,,,,");

        Assert.False(result.IsValid);
        Assert.Equal([(2, "058"), (3, "01834")], result.Problems.Select(p => (p.Line!.Value, p.Unit!)));
        Assert.Contains("không có đơn vị cha mã 06", result.Problems[0].Message);
        Assert.Contains("cấp 3 nhưng không có đơn vị cha", result.Problems[1].Message);
    }

    [Fact]
    public void Children_of_a_refused_row_are_not_also_reported()
    {
        var problem = Single(Read(Header,
            "058,Thành Phố Bắc Kạn,Thành phố,hai,,,,",
            "01834,Phường Nguyễn Thị Minh Khai,Phường,3,058,,,"));

        Assert.Equal((2, "058"), (problem.Line, problem.Unit));
    }

    [Fact]
    public void An_unterminated_quote_is_reported_on_its_line_and_the_following_lines_are_still_checked()
    {
        var result = Read(Header,
            "06,Tỉnh Bắc Kạn,Tỉnh,1,,,,",
            "06-SNV,\"Sở Nội vụ,Sở,2,06,,,",
            "06-SCT,Sở Công Thương,Sở,2,06,,,",
            "06-STC,,Sở,2,06,,,");

        Assert.False(result.IsValid);
        Assert.Equal(2, result.Problems.Count);
        Assert.Equal((3, null), (result.Problems[0].Line, result.Problems[0].Unit));
        Assert.Contains("dấu ngoặc kép (\") mở mà không đóng", result.Problems[0].Message);
        Assert.Equal((5, "06-STC"), (result.Problems[1].Line, result.Problems[1].Unit));
    }

    [Fact]
    public void Text_after_a_closing_quote_is_a_malformed_line()
    {
        var problem = Single(Read(Header, "06,\"Tỉnh\" Bắc Kạn,Tỉnh,1,,,,"));

        Assert.Equal(2, problem.Line);
        Assert.Contains("dòng CSV sai dạng", problem.Message);
    }

    [Fact]
    public void An_unquoted_comma_in_a_name_is_reported_as_a_column_count_mismatch()
    {
        var problem = Single(Read(Header, "06-SNV,Sở Nội vụ, Bắc Kạn,Sở,2,06,,,"));

        Assert.Equal(2, problem.Line);
        Assert.Contains("dòng có 9 cột nhưng dòng tiêu đề có 8 cột", problem.Message);
        Assert.Contains("dấu ngoặc kép", problem.Message);
    }

    [Fact]
    public void Every_bad_row_is_reported_in_line_order_and_no_unit_is_returned()
    {
        var result = Read(Header,
            ",Không mã,Tỉnh,1,,,,",
            "06,Tỉnh Bắc Kạn,Tỉnh,1,,,,",
            "058,Thành Phố Bắc Kạn,Thành phố,x,06,,,",
            "059,Huyện Pác Nặm,Huyện,2,06,2025-13-01,,");

        Assert.Null(result.Value);
        Assert.Equal([2, 4, 5], result.Problems.Select(p => p.Line!.Value));
    }

    [Fact]
    public void Blank_lines_are_skipped_but_counted()
    {
        var problem = Single(Read(Header, "", "06,Tỉnh Bắc Kạn,Tỉnh,1,,,,", ",,,,,,,", "07,,Tỉnh,1,,,,"));

        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void The_national_list_of_March_2025_reads_without_problems()
    {
        using var file = File.OpenText(SharedData("vn-admin-units-2025-03.csv"));
        var result = UnitsCsv.Read(file, "vn-admin-units-2025-03.csv");

        var read = Valid(result);
        Assert.Equal([(1, 63), (2, 696), (3, 10047)], read.CountBy(u => u.Level).OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        Assert.All(read, u => Assert.Equal(new DateOnly(2025, 6, 30), u.ValidTo));
    }

    [Fact]
    public void The_two_level_list_of_July_2025_reads_without_problems_with_communes_at_level_2()
    {
        using var file = File.OpenText(SharedData("vn-admin-units-2025-07.csv"));
        var result = UnitsCsv.Read(file, "vn-admin-units-2025-07.csv");

        var read = Valid(result);
        Assert.Equal([(1, 34), (2, 3321)], read.CountBy(u => u.Level).OrderBy(c => c.Key).Select(c => (c.Key, c.Value)));
        var baDinh = read.Single(u => u.Code == "00004");
        Assert.Equal(("Phường Ba Đình", "01", 10), (baDinh.Name, baDinh.ParentCode, baDinh.Predecessors.Count));
        Assert.Contains(new Predecessor("00016", Partial: true), baDinh.Predecessors);
    }

    [Fact]
    public void Both_national_lists_go_into_one_directory_and_a_reused_code_resolves_by_date()
    {
        using var march = File.OpenText(SharedData("vn-admin-units-2025-03.csv"));
        var first = UnitsCsv.Read(march, "vn-admin-units-2025-03.csv");
        var march2025 = Valid(first);
        var directory = new UnitDirectory(march2025);

        using var july = File.OpenText(SharedData("vn-admin-units-2025-07.csv"));
        var second = UnitsCsv.Read(july, "vn-admin-units-2025-07.csv", directory);
        var july2025 = Valid(second);
        foreach (var unit in july2025) directory.Add(unit);

        Assert.Equal(10806 + 3355, directory.Count);
        Assert.Equal("Phường Trúc Bạch", directory.Find("00004", new DateOnly(2025, 6, 30))!.Name);
        Assert.Equal("Phường Ba Đình", directory.Find("00004", new DateOnly(2025, 7, 1))!.Name);
    }

    [Fact]
    public void A_problem_prints_file_line_and_unit()
    {
        var problem = Single(Read(Header, "06,  ,Tỉnh,1,,,,"));

        Assert.Equal("units.csv:2: đơn vị 06: tên đơn vị (name) trống.", problem.ToString());
    }
}
