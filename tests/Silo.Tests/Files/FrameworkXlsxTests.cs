using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.FrameworkSheets;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

/// <summary>The framework workbook (docs/formats.md, "bo-tieu-chi.xlsx"): what a good sheet gives and how each bad row is named.</summary>
public class FrameworkXlsxTests
{
    private static ReadResult<Framework> Read(MemoryStream xlsx) => FrameworkXlsx.Read(xlsx, "btc.xlsx", "so-2021", "Bộ tiêu chí cấp sở");

    /// <summary>A field with a criterion of two items and a criterion scored as itself, then a bonus field: the smallest real shape.</summary>
    private static readonly object?[][] Good =
    [
        ["Lĩnh vực", "1", "Công tác chỉ đạo, điều hành"],
        ["Tiêu chí", "1.1", "Kế hoạch CCHC năm"],
        ["Tiêu chí thành phần", "1.1.1", "Ban hành kịp thời", new Num("1"), "Thẩm định", "Có", "Trước 15/12: 1 điểm", "Được"],
        ["Tiêu chí thành phần", "1.1.2", "Mức độ hoàn thành", new Num("0.75"), "Appraisal", "Không", null, null],
        ["Tiêu chí", "1.2", "Đánh giá của đại biểu HĐND", new Num("2.5"), "điều tra xhh"],
        ["Lĩnh vực", "9", "Thưởng"],
        ["Tiêu chí", "9.1", "Sáng kiến"],
        ["Tiêu chí thành phần", "9.1.1", "Sáng kiến cấp tỉnh", "0,5", "Điểm thưởng", null, null, "Không"],
    ];

    [Fact]
    public void A_good_sheet_gives_the_tree_it_shows_with_decimal_maxima()
    {
        var framework = Valid(Read(Xlsx(Good)));

        Assert.Equal(("so-2021", "Bộ tiêu chí cấp sở"), (framework.Code, framework.Title));
        Assert.Equal(
        [
            ("1", "Công tác chỉ đạo, điều hành", "1.1", "Kế hoạch CCHC năm", new Item("1.1.1", "Ban hành kịp thời", 1m, ItemSource.Appraisal, true, "Trước 15/12: 1 điểm")),
            ("1", "Công tác chỉ đạo, điều hành", "1.1", "Kế hoạch CCHC năm", new Item("1.1.2", "Mức độ hoàn thành", 0.75m, ItemSource.Appraisal)),
            ("1", "Công tác chỉ đạo, điều hành", "1.2", "Đánh giá của đại biểu HĐND", new Item("1.2", "Đánh giá của đại biểu HĐND", 2.5m, ItemSource.Survey)),
            ("9", "Thưởng", "9.1", "Sáng kiến", new Item("9.1.1", "Sáng kiến cấp tỉnh", 0.5m, ItemSource.Bonus)),
        ], Flat(framework));
        Assert.Equal(4.25m, framework.Maximum); // 1 + 0.75 + 2.5; the bonus is not in the maximum
    }

    public static TheoryData<object?[], string> BadRows() => new()
    {
        { ["Mục", "1.1.3", "X", new Num("1"), "Thẩm định"], "cột \"Cấp\": \"Mục\" không hợp lệ" },
        { ["Tiêu chí thành phần", "", "X", new Num("1"), "Thẩm định"], "cột \"Mã\" trống" },
        { ["Tiêu chí thành phần", "1.1.3", "", new Num("1"), "Thẩm định"], "cột \"Nội dung\" trống" },
        { ["Tiêu chí thành phần", "1.1.3", "X", "một", "Thẩm định"], "cột \"Điểm tối đa\": \"một\" không phải số" },
        { ["Tiêu chí thành phần", "1.1.3", "X", new Num("0"), "Thẩm định"], "cột \"Điểm tối đa\": 0 phải lớn hơn 0" },
        { ["Tiêu chí thành phần", "1.1.3", "X", new Num("0.1255"), "Thẩm định"], "cột \"Điểm tối đa\": 0.1255 có quá 3 chữ số thập phân" },
        { ["Tiêu chí thành phần", "1.1.3", "X", null, "Thẩm định"], "cột \"Điểm tối đa\" trống" },
        { ["Tiêu chí thành phần", "1.1.3", "X", new Num("1"), "Tự chấm"], "cột \"Nguồn điểm\": \"Tự chấm\" không hợp lệ" },
        { ["Tiêu chí thành phần", "1.1.3", "X", new Num("1"), "Thẩm định", "Có lẽ"], "cột \"Bắt buộc minh chứng\": \"Có lẽ\" không hợp lệ" },
        { ["Tiêu chí thành phần", "1.1.3", "X", new Num("1"), "Thẩm định", null, null, "Không"], "cột \"Không áp dụng\": tiêu chí nguồn điểm Thẩm định luôn có thể" },
        { ["Tiêu chí thành phần", "1.1.3", "X", new Num("1"), "Điểm trừ", null, null, "Được"], "cột \"Không áp dụng\": nguồn điểm Điểm trừ không được đánh dấu không phát sinh" },
        { ["Tiêu chí thành phần", "1.1.1", "X", new Num("1"), "Thẩm định"], "cột \"Mã\": mã 1.1.1 trùng với dòng 4" },
        { ["Tiêu chí", "1.3", "X", new Num("1")], "cột \"Nguồn điểm\" trống" },
        { ["Tiêu chí", "1.3", "X", null, null, null, "hướng dẫn"], "cột \"Hướng dẫn\" phải để trống" },
    };

    /// <summary>The bad row goes in at row 6, after 1.1.2 (row 5); every other row is good.</summary>
    [Theory]
    [MemberData(nameof(BadRows))]
    public void Each_bad_row_is_named_with_its_row_and_column(object?[] bad, string expected)
    {
        var problem = Single(Read(Xlsx([.. Good[..4], bad, .. Good[4..]])));

        Assert.Equal(6, problem.Line);
        Assert.Contains(expected, problem.Message);
        Assert.StartsWith("btc.xlsx:6: ", problem.ToString());
    }

    [Fact]
    public void Rows_out_of_place_are_named()
    {
        var result = Read(Xlsx(
            ["Tiêu chí thành phần", "0.1", "Trước mọi tiêu chí", new Num("1"), "Thẩm định"],   // row 2
            ["Tiêu chí", "0.2", "Trước mọi lĩnh vực"],                                          // row 3
            ["Lĩnh vực", "1", "Lĩnh vực", new Num("3")],                                         // row 4: a field carries no points
            ["Tiêu chí", "1.1", "Tự mang điểm", new Num("1"), "Thẩm định"],                      // row 5
            ["Tiêu chí thành phần", "1.1.1", "Dưới tiêu chí đã có điểm", new Num("1"), "Thẩm định"], // row 6
            ["Tiêu chí", "1.2", "Không có gì ở dưới"],                                           // row 7
            ["Lĩnh vực", "2", "Không có tiêu chí"]));                                            // row 8

        Assert.False(result.IsValid);
        Assert.Equal([2, 3, 4, 6, 7, 8], result.Problems.Select(p => p.Line!.Value));
        Assert.Contains("phải nằm dưới một tiêu chí", result.Problems[0].Message);
        Assert.Contains("phải nằm dưới một lĩnh vực", result.Problems[1].Message);
        Assert.Contains("cột \"Điểm tối đa\" phải để trống", result.Problems[2].Message);
        Assert.Contains("tiêu chí 1.1 (dòng 5) đã có điểm tối đa", result.Problems[3].Message);
        Assert.Contains("tiêu chí không có tiêu chí thành phần", result.Problems[4].Message);
        Assert.Equal("btc.xlsx:8: lĩnh vực 2: lĩnh vực không có tiêu chí nào ở dưới.", result.Problems[5].ToString());
    }

    [Fact]
    public void A_sheet_with_several_bad_rows_lists_them_all_in_row_order()
    {
        var result = Read(Xlsx([.. Good[..2],
            ["Tiêu chí thành phần", "1.1.1", "A", new Num("-1"), "Thẩm định"],
            ["Tiêu chí thành phần", "1.1.2", "B", new Num("1"), "Khác"],
            ["Tiêu chí thành phần", "1.1.1", "C", new Num("1"), "Thẩm định"],
            .. Good[4..]]));

        Assert.False(result.IsValid);
        Assert.Equal(
        [
            "btc.xlsx:4: tiêu chí 1.1.1: cột \"Điểm tối đa\": -1 phải lớn hơn 0.",
            "btc.xlsx:5: tiêu chí 1.1.2: cột \"Nguồn điểm\": \"Khác\" không hợp lệ (phải là Thẩm định, Điều tra XHH, Điểm thưởng, Điểm trừ).",
            "btc.xlsx:6: tiêu chí 1.1.1: cột \"Mã\": mã 1.1.1 trùng với dòng 4.",
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_missing_column_is_named_on_the_header_row()
    {
        var problem = Single(Read(XlsxWithHeader(["Cấp", "Mã", "Nội dung", "Điểm tối đa"], ["Lĩnh vực", "1", "X"])));

        Assert.Equal(1, problem.Line);
        Assert.Contains("thiếu cột \"nguồn điểm\"", problem.Message);
    }

    [Fact]
    public void A_framework_with_nothing_in_the_maximum_is_refused()
    {
        var problem = Single(Read(Xlsx(["Lĩnh vực", "9", "Thưởng"], ["Tiêu chí", "9.1", "Sáng kiến", new Num("1"), "Điểm thưởng"])));

        Assert.Null(problem.Line);
        Assert.Contains("không có tiêu chí thành phần nào được tính vào điểm tối đa", problem.Message);
    }

    [Fact]
    public void A_file_that_is_no_workbook_is_one_problem()
    {
        var problem = Single(Read(new MemoryStream("Cấp,Mã\n"u8.ToArray())));

        Assert.Contains("không phải tệp Excel .xlsx hợp lệ", problem.Message);
    }

    [Fact]
    public void What_the_writer_writes_reads_back_the_same()
    {
        var framework = Valid(Read(Xlsx(Good)));

        var again = Valid(Read(new MemoryStream(FrameworkXlsxWriter.Write(framework))));

        Assert.Equal(Flat(framework), Flat(again));
    }

    [Fact]
    public void The_template_has_the_documented_header_and_reads_as_a_framework()
    {
        var bytes = FrameworkXlsxWriter.Template();

        var framework = Valid(FrameworkXlsx.Read(new MemoryStream(bytes), "mau.xlsx", "x", "X"));
        Assert.Equal(["1", "9"], framework.Fields.Select(f => f.Code));
        Assert.Contains(framework.Items, i => i.Source == ItemSource.Survey);
        // The header row, read as any reader of the workbook sees it.
        var rows = XlsxRows.Read(new MemoryStream(bytes), "mau.xlsx", []);
        Assert.Equal(Header.Cast<string>(), rows![0].Fields);
    }
}
