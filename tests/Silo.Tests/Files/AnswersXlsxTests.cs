using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

/// <summary>answers.xlsx, built here with the Open XML SDK the way Excel writes cells.</summary>
public class AnswersXlsxTests
{
    /// <summary>A cell written as an inline string (Excel writes shared strings; other tools write these).</summary>
    private sealed record Inline(string Text);

    /// <summary>A numeric cell holding exactly this text, as Excel stores it.</summary>
    private sealed record Number(string Raw);

    private static readonly object[] Header = ["respondent_id", "unit_code", "questionnaire", "question_code", "answer"];

    /// <summary>One worksheet (plus, if given, a second one); strings become shared strings, ints numeric cells, null no cell.</summary>
    private static MemoryStream Xlsx(IEnumerable<(uint Row, object?[] Cells)> rows, IEnumerable<(uint Row, object?[] Cells)>? second = null)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var shared = new SharedStringTable();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = shared;
            var sheets = new Sheets();
            uint id = 1;
            foreach (var sheetRows in second is null ? [rows] : new[] { rows, second })
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(sheetRows.Select(r => Row(r.Row, r.Cells, shared))));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = $"Trang {id}" });
                id++;
            }
            workbook.Workbook = new Workbook(sheets);
        }
        stream.Position = 0;
        return stream;
    }

    private static Row Row(uint number, object?[] cells, SharedStringTable shared)
    {
        var row = new Row { RowIndex = number };
        for (int c = 0; c < cells.Length; c++)
        {
            var reference = $"{(char)('A' + c)}{number}";
            switch (cells[c])
            {
                case null: break;
                case Inline i:
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(i.Text)) });
                    break;
                case Number n:
                    row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n.Raw) });
                    break;
                case int n:
                    row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) });
                    break;
                case string s:
                    shared.Append(new SharedStringItem(new Text(s)));
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((shared.ChildElements.Count - 1).ToString(CultureInfo.InvariantCulture)) });
                    break;
                default: throw new ArgumentException($"cell {cells[c]}");
            }
        }
        return row;
    }

    private static ReadResult<IReadOnlyList<AnswerRow>> Read(MemoryStream xlsx, Func<SurveyAnswer, string?>? check = null) =>
        AnswersFile.ReadXlsx(xlsx, "answers.xlsx", check);

    [Fact]
    public void Shared_inline_and_numeric_cells_read_as_typed_with_excel_row_numbers()
    {
        var rows = Valid(Read(Xlsx(
        [
            (1, Header),
            (2, [1001, "06-SNV", "P02", "Q1", "A"]),
            (3, [new Inline("r-0002"), new Inline("06-SCT"), "P02", new Inline("Q2"), "E"]),
            // row 4 left out, row 5 blank cells only: empty rows are skipped and do not shift the numbers
            (5, [new Inline(" "), null, null]),
            (6, [new Number("1.003E3"), "06-SNV", "P02", "Q1", "B"]),
        ])));
        Assert.Equal(new[] { 2, 3, 6 }, rows.Select(r => r.Line));
        Assert.Equal(new SurveyAnswer("1001", "06-SNV", "P02", "Q1", "A"), rows[0].Answer);
        Assert.Equal(new SurveyAnswer("r-0002", "06-SCT", "P02", "Q2", "E"), rows[1].Answer);
        Assert.Equal("1003", rows[2].Answer.RespondentId);
    }

    [Fact]
    public void Cells_left_out_of_a_row_are_empty_and_named_at_the_excel_row()
    {
        var problem = Single(Read(Xlsx([(1, Header), (7, ["r-1", "06-SNV", null, "Q1", "A"])])));
        Assert.Equal(7, problem.Line);
        Assert.Equal("mã phiếu (questionnaire) trống.", problem.Message);
    }

    [Fact]
    public void The_header_may_start_below_blank_rows_and_columns_beyond_it_are_ignored()
    {
        var rows = Valid(Read(Xlsx([(3, [.. Header, null]), (4, ["r-1", "06-SNV", "P02", "Q1", "A", "ghi chú ngoài bảng"])])));
        Assert.Equal(4, Assert.Single(rows).Line);
    }

    [Fact]
    public void A_missing_column_in_the_header_is_named()
    {
        var problem = Single(Read(Xlsx([(1, Header[..4]), (2, ["r-1", "06-SNV", "P02", "Q1"])])));
        Assert.Equal("dòng tiêu đề thiếu cột \"answer\" (các cột bắt buộc: respondent_id,unit_code,questionnaire,question_code,answer).", problem.Message);
    }

    [Fact]
    public void The_check_and_the_duplicate_rule_apply_at_excel_row_numbers()
    {
        string? check(SurveyAnswer a) => a.OptionCode == "Z" ? "phương án Z không có." : null;
        var result = Read(Xlsx([(1, Header), (2, [7, "06-SNV", "P02", "Q1", "A"]), (5, ["7", "06-SNV", "P02", "Q1", "B"]), (9, ["r-9", "06-SNV", "P02", "Q1", "Z"])]), check);
        Assert.Equal(new[] { "answers.xlsx:5: đơn vị 06-SNV: người trả lời 7 đã trả lời câu Q1 của phiếu P02 về đơn vị này; trùng với dòng 2.",
            "answers.xlsx:9: đơn vị 06-SNV: phương án Z không có." }, result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Only_the_first_worksheet_is_read()
    {
        var rows = Valid(Read(Xlsx([(1, Header), (2, ["r-1", "06-SNV", "P02", "Q1", "A"])], second: [(1, ["ghi chú"])])));
        Assert.Single(rows);
    }

    [Fact]
    public void By_content_a_workbook_reads_as_xlsx_whatever_its_name()
    {
        var rows = Valid(AnswersFile.Read(Xlsx([(1, Header), (2, ["r-1", "06-SNV", "P02", "Q1", "A"])]), "phieu-giay.csv", null));
        Assert.Equal("r-1", Assert.Single(rows).Answer.RespondentId);
    }
}
