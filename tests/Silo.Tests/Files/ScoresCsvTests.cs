using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

public class ScoresCsvTests
{
    private const string Header = "unit_code,item_code,kind,value,note";

    /// <summary>The items the docs/formats.md example scores: appraisal 1.1.1 and 3.4, survey 8.1, bonus 9.1, penalty 9.2.</summary>
    private static readonly Framework So = Framework.Create("so-2020", "Bộ tiêu chí cấp sở",
    [
        new Field("1", "Chỉ đạo, điều hành", [new Criterion("1.1", "Kế hoạch", [new Item("1.1.1", "Ban hành kế hoạch kịp thời", 1m, ItemSource.Appraisal)])]),
        new Field("3", "Thủ tục hành chính", [Framework.CriterionAsItem("3.4", "Giải quyết TTHC", 2m, ItemSource.Appraisal)]),
        new Field("8", "Điều tra xã hội học", [Framework.CriterionAsItem("8.1", "Mức độ hài lòng", 10m, ItemSource.Survey)]),
        new Field("9", "Thưởng, trừ",
        [
            Framework.CriterionAsItem("9.1", "Sáng kiến", 1m, ItemSource.Bonus),
            Framework.CriterionAsItem("9.2", "Vi phạm", 1m, ItemSource.Penalty),
        ]),
    ]);

    private static Framework? FrameworkOf(string unit) => unit is "06-SNV" or "06-SCT" ? So : null;

    private static ReadResult<IReadOnlyList<ScoreRow>> Read(params string[] lines) => ScoresCsv.Read(Lines(lines), "scores.csv", FrameworkOf);

    private static FileProblem OneBadRow(string row) => Single(Read(Header, "06-SNV,1.1.1,self,1,", row));

    [Fact]
    public void The_interfaces_example_reads_exactly_with_the_line_of_each_entry()
    {
        var rows = Valid(Read(Header,
            "06-SNV,1.1.1,self,1,Kế hoạch số 12/KH-SNV",
            "06-SNV,1.1.1,appraised,0.5,Ban hành chậm 5 ngày",
            "06-SNV,8.1,survey,7.85,",
            "06-SNV,9.1,bonus,0.5,Sáng kiến cấp tỉnh",
            "06-SNV,9.2,penalty,1,",
            "06-SNV,3.4,not_applicable,,Không phát sinh TTHC"));

        Assert.Equal(
        [
            new ScoreRow(2, new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Self, 1m, "Kế hoạch số 12/KH-SNV")),
            new ScoreRow(3, new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Appraised, 0.5m, "Ban hành chậm 5 ngày")),
            new ScoreRow(4, new ScoreEntry("06-SNV", "8.1", ScoreKind.Survey, 7.85m)),
            new ScoreRow(5, new ScoreEntry("06-SNV", "9.1", ScoreKind.Bonus, 0.5m, "Sáng kiến cấp tỉnh")),
            new ScoreRow(6, new ScoreEntry("06-SNV", "9.2", ScoreKind.Penalty, 1m)),
            new ScoreRow(7, new ScoreEntry("06-SNV", "3.4", ScoreKind.NotApplicable, null, "Không phát sinh TTHC")),
        ], rows);
    }

    [Fact]
    public void Entries_of_one_unit_share_its_code_and_take_the_frameworks_own_item_codes()
    {
        var rows = Valid(Read(Header,
            "06-SNV,1.1.1,self,1,",
            "06-SNV,1.1.1,appraised,0.5,",
            "06-SNV,9.2,penalty,1,"));

        // Read from three rows, kept as one string each: 1.8 M entries hold a few thousand strings, not 3.6 M.
        Assert.Same(rows[0].Entry.UnitCode, rows[1].Entry.UnitCode);
        Assert.Same(rows[0].Entry.UnitCode, rows[2].Entry.UnitCode);
        Assert.Same(So.FindItem("1.1.1")!.Code, rows[0].Entry.ItemCode);
        Assert.Same(So.FindItem("1.1.1")!.Code, rows[1].Entry.ItemCode);
        Assert.Same(So.FindItem("9.2")!.Code, rows[2].Entry.ItemCode);
    }

    [Fact]
    public void A_long_note_is_read_whole_and_a_short_repeated_one_alike()
    {
        var longNote = new string('x', 100) + "ý";
        var rows = Valid(Read(Header,
            $"06-SNV,1.1.1,self,1,{longNote}",
            "06-SNV,1.1.1,appraised,0.5,chậm",
            "06-SCT,1.1.1,appraised,0.5,chậm"));

        Assert.Equal(longNote, rows[0].Entry.Note);
        Assert.Equal("chậm", rows[1].Entry.Note);
        Assert.Equal("chậm", rows[2].Entry.Note);
    }

    [Fact]
    public void A_later_row_for_the_same_unit_item_and_kind_replaces_the_earlier_one()
    {
        var rows = Valid(Read(Header,
            "06-SNV,1.1.1,self,1,đầu tiên",
            "06-SNV,1.1.1,appraised,0.5,",
            "06-SCT,1.1.1,self,0.25,",
            "06-SNV,1.1.1,self,0.75,sửa lại"));

        Assert.Equal([3, 4, 5], rows.Select(r => r.Line));
        Assert.Equal(new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Self, 0.75m, "sửa lại"), rows[2].Entry);
    }

    [Fact]
    public void Of_several_rows_for_one_value_among_other_units_rows_only_the_last_is_kept_at_its_line()
    {
        var rows = Valid(Read(Header,
            "06-SCT,1.1.1,self,0.25,",
            "06-SNV,1.1.1,self,1,",
            "06-SCT,1.1.1,appraised,0.5,",
            "06-SNV,1.1.1,self,0.5,",
            "06-SCT,1.1.1,self,0.75,",
            "06-SNV,1.1.1,appraised,1,",
            "06-SNV,1.1.1,self,0.25,"));

        // The header is line 1: 06-SCT's self of line 2 gives way to line 6, 06-SNV's of lines 3 and 5 to line 8.
        Assert.Equal([4, 6, 7, 8], rows.Select(r => r.Line));
        Assert.Equal([0.5m, 0.75m, 1m, 0.25m], rows.Select(r => r.Entry.Value));
    }

    [Fact]
    public void A_replaced_row_is_still_checked()
    {
        var problem = Single(Read(Header, "06-SNV,1.1.1,self,5,", "06-SNV,1.1.1,self,1,"));

        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void A_unit_outside_every_group_of_the_cycle_is_refused()
    {
        var problem = OneBadRow("06-SXD,1.1.1,self,1,");

        Assert.Equal(("scores.csv", 3, "06-SXD", "1.1.1"), (problem.File, problem.Line, problem.Unit, problem.Item));
        Assert.Equal("đơn vị 06-SXD không thuộc nhóm nào của kỳ đánh giá.", problem.Message);
    }

    [Fact]
    public void An_item_not_in_the_units_framework_is_refused()
    {
        var problem = OneBadRow("06-SNV,1.1.9,self,1,");

        Assert.Equal((3, "06-SNV", "1.1.9"), (problem.Line, problem.Unit, problem.Item));
        Assert.Equal("bộ tiêu chí so-2020 không có tiêu chí thành phần này.", problem.Message);
    }

    [Fact]
    public void An_unknown_kind_is_refused_naming_the_kinds()
    {
        var problem = OneBadRow("06-SNV,1.1.1,thẩm định,1,");

        Assert.Equal((3, "06-SNV", "1.1.1"), (problem.Line, problem.Unit, problem.Item));
        Assert.Equal("loại điểm (kind) \"thẩm định\" không hợp lệ (phải là một trong: self, appraised, survey, bonus, penalty, not_applicable, applicable).", problem.Message);
    }

    [Theory]
    [InlineData("06-SNV,1.1.1,survey,1,", "survey", "Appraisal")]
    [InlineData("06-SNV,9.1,self,1,", "self", "Bonus")]
    [InlineData("06-SNV,8.1,appraised,abc,", "appraised", "Survey")]
    [InlineData("06-SNV,9.2,not_applicable,,Không có", "not_applicable", "Penalty")]
    public void A_kind_that_does_not_fit_the_items_source_is_refused(string row, string kind, string source)
    {
        var problem = OneBadRow(row);

        Assert.Equal((3, "06-SNV"), (problem.Line, problem.Unit));
        Assert.Contains($"({kind}) cho tiêu chí có nguồn điểm {source}", problem.Message);
    }

    [Fact]
    public void A_value_over_the_items_maximum_is_refused_naming_the_limit()
    {
        var problem = OneBadRow("06-SNV,3.4,appraised,2.5,");

        Assert.Equal((3, "06-SNV", "3.4"), (problem.Line, problem.Unit, problem.Item));
        Assert.Equal("điểm thẩm định 2.5 vượt điểm tối đa 2.", problem.Message);
        Assert.Equal("scores.csv:3: đơn vị 06-SNV, tiêu chí 3.4: điểm thẩm định 2.5 vượt điểm tối đa 2.", problem.ToString());
    }

    [Fact]
    public void A_negative_value_is_refused()
    {
        var problem = OneBadRow("06-SNV,9.2,penalty,-0.5,");

        Assert.Equal((3, "06-SNV", "9.2"), (problem.Line, problem.Unit, problem.Item));
        Assert.Equal("điểm trừ -0.5 âm (phải từ 0 đến 1).", problem.Message);
    }

    [Fact]
    public void An_entered_value_with_more_than_3_decimals_is_refused()
    {
        var problem = OneBadRow("06-SNV,1.1.1,self,0.1234,");

        Assert.Equal((3, "06-SNV", "1.1.1"), (problem.Line, problem.Unit, problem.Item));
        Assert.Equal("điểm tự đánh giá 0.1234 có quá 3 chữ số thập phân.", problem.Message);
    }

    [Fact]
    public void A_survey_value_keeps_full_precision()
    {
        var rows = Valid(Read(Header, "06-SNV,8.1,survey,7.8533333333333333,"));

        Assert.Equal(7.8533333333333333m, rows[0].Entry.Value);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("một")]
    [InlineData("")]
    [InlineData("\"0,5\"")]
    [InlineData("1e-1")]
    public void A_value_that_is_not_a_plain_decimal_number_is_refused(string value)
    {
        var problem = OneBadRow($"06-SNV,1.1.1,appraised,{value},");

        Assert.Equal((3, "06-SNV", "1.1.1"), (problem.Line, problem.Unit, problem.Item));
        Assert.EndsWith("không phải là số (phải là số từ 0 đến 1).", problem.Message);
    }

    [Fact]
    public void Not_applicable_without_a_reason_is_refused()
    {
        var problem = OneBadRow("06-SNV,3.4,not_applicable,,  ");

        Assert.Equal((3, "06-SNV", "3.4"), (problem.Line, problem.Unit, problem.Item));
        Assert.Equal("đánh dấu không phát sinh phải có lý do.", problem.Message);
    }

    [Fact]
    public void Empty_unit_or_item_codes_are_refused()
    {
        var result = Read(Header, ",1.1.1,self,1,", "06-SNV,,self,1,");

        Assert.Equal(["mã đơn vị (unit_code) trống.", "mã tiêu chí (item_code) trống."], result.Problems.Select(p => p.Message));
        Assert.Equal([(2, null, "1.1.1"), (3, "06-SNV", null)], result.Problems.Select(p => (p.Line!.Value, p.Unit, p.Item)));
    }

    [Fact]
    public void Every_bad_row_is_listed_in_line_order_and_nothing_is_returned()
    {
        var result = Read(Header,
            "06-SNV,1.1.1,self,2,",
            "06-SNV,1.1.1,appraised,0.5,",
            "06-SXD,1.1.1,self,1,",
            "06-SNV,9.1,bonus,x,",
            "06-SCT,3.4,not_applicable,,");

        Assert.Null(result.Value);
        Assert.Equal([2, 4, 5, 6], result.Problems.Select(p => p.Line!.Value));
    }

    [Fact]
    public void A_malformed_line_is_reported_and_the_rest_still_checked()
    {
        var result = Read(Header, "06-SNV,1.1.1,self,1,\"Kế hoạch", "06-SNV,1.1.1,appraised,3,");

        Assert.Equal([2, 3], result.Problems.Select(p => p.Line!.Value));
        Assert.Contains("dấu ngoặc kép (\") mở mà không đóng", result.Problems[0].Message);
        Assert.Contains("vượt điểm tối đa 1", result.Problems[1].Message);
    }

    [Fact]
    public void A_file_without_its_header_is_refused()
    {
        var problem = Single(Read("06-SNV,1.1.1,self,1,"));

        Assert.Equal(1, problem.Line);
        Assert.Contains("unit_code,item_code,kind,value", problem.Message);
    }

    [Fact]
    public void The_note_column_may_be_left_out()
    {
        var rows = Valid(Read("unit_code,item_code,kind,value", "06-SNV,1.1.1,self,1"));

        Assert.Null(rows[0].Entry.Note);
    }

    [Fact]
    public void Written_scores_read_back_unchanged()
    {
        ScoreEntry[] entries =
        [
            new("06-SNV", "1.1.1", ScoreKind.Self, 1.000m, "Kế hoạch số 12/KH-SNV, ngày 5/1"),
            new("06-SNV", "8.1", ScoreKind.Survey, 7.85m),
            new("06-SNV", "3.4", ScoreKind.NotApplicable, null, "Không phát sinh \"TTHC\""),
        ];
        var text = new StringWriter();
        ScoresCsv.Write(text, entries);

        var rows = Valid(ScoresCsv.Read(new StringReader(text.ToString()), "scores.csv", FrameworkOf));

        Assert.Equal(entries, rows.Select(r => r.Entry));
        Assert.Equal("1", text.ToString().Split('\n')[1].Split(',')[3]);
    }

    [Fact]
    public void Each_units_framework_is_asked_for_once()
    {
        var asked = new List<string>();
        var result = ScoresCsv.Read(Lines(Header, "06-SNV,1.1.1,self,1,", "06-SNV,1.1.1,appraised,1,", "06-SXD,1.1.1,self,1,", "06-SXD,1.1.1,appraised,1,"),
            "scores.csv", unit => { asked.Add(unit); return FrameworkOf(unit); });

        Assert.Equal(["06-SNV", "06-SXD"], asked);
        Assert.Equal(2, result.Problems.Count);
    }
}
