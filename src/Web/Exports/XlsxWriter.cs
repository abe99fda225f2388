using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Web.Exports;

/// <summary>
/// Writes one <see cref="XlsxSheet"/> as an .xlsx workbook with the Open XML SDK. Numbers are real numeric
/// cells (so totals, sorting and formulas work in Excel), shown with a number format; Excel then prints
/// them with the reader's own decimal separator. Text is written inline, which needs no shared-string part.
/// </summary>
public static class XlsxWriter
{
    // Header row is the second row: the title is above it, and both stay in view when scrolling.
    private const int TitleRow = 1, HeaderRow = 2, FirstDataRow = 3;

    public static byte[] Write(XlsxSheet sheet)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            document.PackageProperties.Title = sheet.Title;
            document.PackageProperties.Creator = "ParIndex";
            document.PackageProperties.Language = "vi-VN";

            var workbookPart = document.AddWorkbookPart();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = XlsxStyles.Create(sheet.Decimals);

            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            worksheetPart.Worksheet = Worksheet(sheet);

            var sheetName = SheetName(sheet.Name);
            workbookPart.Workbook = new Workbook(
                new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1U, Name = sheetName }),
                // Printed on several pages, every page repeats the title and header rows.
                new DefinedNames(new DefinedName($"'{sheetName.Replace("'", "''")}'!${TitleRow}:${HeaderRow}")
                {
                    Name = "_xlnm.Print_Titles", LocalSheetId = 0U,
                }));
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var lastColumn = ColumnName(sheet.Columns.Count);
        var data = new SheetData();

        data.Append(Row(TitleRow, [Text(1, TitleRow, sheet.Title, XlsxStyles.Title)], height: 24));
        // Two lines high: narrow score columns wrap their headers ("Điểm điều tra XHH"), and not every reader re-measures rows.
        data.Append(Row(HeaderRow, sheet.Columns.Select((c, i) => Text(i + 1, HeaderRow, c.Header, XlsxStyles.Header)), height: 32));
        var rowIndex = FirstDataRow;
        foreach (var row in sheet.Rows)
        {
            var r = rowIndex++;
            data.Append(Row(r, row.Select((cell, i) => Cell(i + 1, r, cell))));
        }
        rowIndex++; // a blank row between the table and its notes
        foreach (var note in sheet.Notes)
        {
            var r = rowIndex++;
            data.Append(Row(r, [Text(1, r, note, XlsxStyles.Note)]));
        }

        return new Worksheet(
            new SheetProperties(new PageSetupProperties { FitToPage = true }),
            new SheetViews(new SheetView(
                new Pane
                {
                    VerticalSplit = HeaderRow, TopLeftCell = $"A{FirstDataRow}",
                    ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
                },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{FirstDataRow}", SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{FirstDataRow}" } })
            { WorkbookViewId = 0U }),
            new Columns(sheet.Columns.Select((c, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = c.Width, CustomWidth = true })),
            data,
            new MergeCells(new MergeCell { Reference = $"A{TitleRow}:{lastColumn}{TitleRow}" }),
            new PageMargins { Left = 0.5, Right = 0.5, Top = 0.75, Bottom = 0.75, Header = 0.3, Footer = 0.3 },
            // An annex is printed landscape, as wide as the page and as many pages long as it takes.
            new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9U, FitToWidth = 1U, FitToHeight = 0U });
    }

    private static Row Row(int index, IEnumerable<Cell> cells, double? height = null)
    {
        var row = new Row(cells) { RowIndex = (uint)index };
        if (height is { } h) { row.Height = h; row.CustomHeight = true; }
        return row;
    }

    private static Cell Cell(int column, int row, XlsxCell cell)
    {
        if (cell.Number is { } number)
        {
            return new Cell
            {
                CellReference = Reference(column, row),
                StyleIndex = cell.IsInteger ? XlsxStyles.Integer : XlsxStyles.Decimal,
                DataType = CellValues.Number,
                CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)),
            };
        }
        // An empty cell still carries the table's borders.
        return cell.Text is null
            ? new Cell { CellReference = Reference(column, row), StyleIndex = cell.IsInteger ? XlsxStyles.Integer : XlsxStyles.Text }
            : Text(column, row, cell.Text, XlsxStyles.Text);
    }

    private static Cell Text(int column, int row, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = Reference(column, row), StyleIndex = style, DataType = CellValues.InlineString,
    };

    private static string Reference(int column, int row) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>1 → A, 26 → Z, 27 → AA.</summary>
    private static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>Excel refuses sheet names longer than 31 characters or holding any of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(c => ":\\/?*[]".Contains(c) ? '-' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length > 31) clean = clean[..31];
        return clean.Length == 0 ? "Sheet1" : clean;
    }
}
