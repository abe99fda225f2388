using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Files;

/// <summary>
/// Writes a framework in <see cref="FrameworkLayout"/>: the header on row 1 (what <see cref="FrameworkXlsx"/> reads back), one row per
/// field, criterion and item, maxima as numeric cells, drop-down lists for the fixed choices, and a second sheet describing each column.
/// The template is the same workbook around <see cref="FrameworkLayout.Sample"/>.
/// </summary>
public static class FrameworkXlsxWriter
{
    private const uint Plain = 0, Header = 1, Wrapped = 2, FieldRow = 3;
    private const int LastValidatedRow = 2000;

    public static byte[] Template() => Write(FrameworkLayout.Sample());

    public static byte[] Write(Framework framework)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = framework.Title;
            document.PackageProperties.Creator = "ParIndex";
            document.PackageProperties.Language = "vi-VN";
            var workbook = document.AddWorkbookPart();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var tree = workbook.AddNewPart<WorksheetPart>();
            tree.Worksheet = TreeSheet(framework);
            var guide = workbook.AddNewPart<WorksheetPart>();
            guide.Worksheet = GuideSheet();
            workbook.Workbook = new Workbook(new Sheets(
                new Sheet { Id = workbook.GetIdOfPart(tree), SheetId = 1U, Name = FrameworkLayout.SheetName },
                new Sheet { Id = workbook.GetIdOfPart(guide), SheetId = 2U, Name = FrameworkLayout.GuideSheetName }));
        }
        return stream.ToArray();
    }

    private static Worksheet TreeSheet(Framework framework)
    {
        var columns = FrameworkLayout.Columns;
        var data = new SheetData(new Row(columns.Select((c, i) => Text(i, 1, c.Header, Header))) { RowIndex = 1U });
        var r = 2;
        foreach (var row in FrameworkLayout.Rows(framework))
        {
            var style = row.Level == FrameworkLevel.Field ? FieldRow : Wrapped;
            var cells = new List<Cell>
            {
                Text(0, r, FrameworkLayout.NameOf(row.Level), style), Text(1, r, row.Code, style), Text(2, r, row.Title, style),
            };
            if (row.Max is { } max)
                cells.Add(new Cell { CellReference = Reference(3, r), DataType = CellValues.Number, CellValue = new CellValue(max.ToString(CultureInfo.InvariantCulture)) });
            if (row.Source is { } source) cells.Add(Text(4, r, FrameworkLayout.NameOf(source), Plain));
            if (row.EvidenceRequired is { } evidence) cells.Add(Text(5, r, evidence ? FrameworkLayout.Yes : FrameworkLayout.No, Plain));
            if (row.Guide is { } guide) cells.Add(Text(6, r, guide, Wrapped));
            if (row.MayBeNotApplicable is { } na) cells.Add(Text(7, r, na ? FrameworkLayout.Allowed : FrameworkLayout.No, Plain));
            data.Append(new Row(cells) { RowIndex = (uint)r++ });
        }
        return new Worksheet(
            new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                { WorkbookViewId = 0U }),
            new Columns(columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
            data,
            new DataValidations(
                List(0, FrameworkLayout.LevelChoices), List(4, FrameworkLayout.SourceChoices),
                List(5, [FrameworkLayout.Yes, FrameworkLayout.No]), List(7, [FrameworkLayout.Allowed, FrameworkLayout.No])) { Count = 4U });
    }

    /// <summary>A drop-down of the fixed choices; Excel still accepts other text (the reader judges it), so the style is a warning.</summary>
    private static DataValidation List(int column, IEnumerable<string> choices) => new(new Formula1($"\"{string.Join(",", choices)}\""))
    {
        Type = DataValidationValues.List, ErrorStyle = DataValidationErrorStyleValues.Warning, AllowBlank = true, ShowErrorMessage = true,
        SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{Reference(column, 2)}:{Reference(column, LastValidatedRow)}" },
    };

    private static Worksheet GuideSheet()
    {
        var data = new SheetData(new Row(Text(0, 1, "Cột", Header), Text(1, 1, "Bắt buộc", Header), Text(2, 1, "Ý nghĩa", Header)) { RowIndex = 1U });
        var r = 2;
        foreach (var c in FrameworkLayout.Columns)
        {
            data.Append(new Row(Text(0, r, c.Header, Plain), Text(1, r, c.Required ? "Có" : "Không", Plain), Text(2, r, c.Meaning, Wrapped)) { RowIndex = (uint)r });
            r++;
        }
        data.Append(new Row(Text(0, r + 1, "Chỉ trang tính đầu tiên được đọc; dòng đầu là dòng tiêu đề. Mã và tên của bộ tiêu chí là của kỳ đánh giá nhận nó.", Plain))
            { RowIndex = (uint)(r + 1) });
        return new Worksheet(
            new Columns(new Column { Min = 1U, Max = 1U, Width = 22, CustomWidth = true }, new Column { Min = 2U, Max = 2U, Width = 10, CustomWidth = true },
                new Column { Min = 3U, Max = 3U, Width = 100, CustomWidth = true }),
            data);
    }

    private static Cell Text(int column, int row, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Reference(column, row), DataType = CellValues.InlineString, StyleIndex = style,
    };

    /// <summary>0-based column: (0, 2) → "A2"; the layout has fewer than 26 columns.</summary>
    private static string Reference(int column, int row) => (char)('A' + column) + row.ToString(CultureInfo.InvariantCulture);

    private static Stylesheet Styles()
    {
        static Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" })
            : new Font(new FontSize { Val = 11 }, new FontName { Val = "Times New Roman" });
        static CellFormat Format(uint font, uint fill, bool wrap) => new(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrap })
        {
            FontId = font, FillId = fill, BorderId = 0U, FormatId = 0U, ApplyFont = font != 0, ApplyFill = fill != 0, ApplyAlignment = true,
        };
        return new Stylesheet(
            new Fonts(Font(false), Font(true)) { Count = 2U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), // Excel requires this second fill
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECF3" }) { PatternType = PatternValues.Solid })) { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U }) { Count = 1U },
            new CellFormats(Format(0, 0, false), Format(1, 2, true), Format(0, 0, true), Format(1, 0, true)) { Count = 4U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });
    }
}
