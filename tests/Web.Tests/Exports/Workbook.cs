using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace ParIndex.Web.Tests.Exports;

/// <summary>An exported workbook opened with the Open XML SDK, read back cell by cell.</summary>
public sealed class Workbook : IDisposable
{
    private readonly MemoryStream _stream;

    public Workbook(byte[] bytes)
    {
        _stream = new MemoryStream(bytes);
        Document = SpreadsheetDocument.Open(_stream, false);
        var part = Document.WorkbookPart!;
        Sheet = part.Workbook.Sheets!.Elements<Sheet>().Single();
        Worksheet = ((WorksheetPart)part.GetPartById(Sheet.Id!)).Worksheet;
        Stylesheet = part.WorkbookStylesPart!.Stylesheet;
    }

    public SpreadsheetDocument Document { get; }
    public Sheet Sheet { get; }
    public Worksheet Worksheet { get; }
    public Stylesheet Stylesheet { get; }

    public IReadOnlyList<ValidationErrorInfo> ValidationErrors => new OpenXmlValidator().Validate(Document).ToList();

    public List<Row> Rows => Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();

    public Row Row(int index) => Rows.Single(r => r.RowIndex!.Value == index);

    public static string? Text(Cell cell) => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : null;

    public static bool IsNumber(Cell cell) => cell.CellValue is not null && (cell.DataType is null || cell.DataType.Value == CellValues.Number);

    public static decimal? Number(Cell cell) =>
        IsNumber(cell) ? decimal.Parse(cell.CellValue!.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) : null;

    public CellFormat FormatOf(Cell cell) => Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    public Font FontOf(Cell cell) => Stylesheet.Fonts!.Elements<Font>().ElementAt((int)FormatOf(cell).FontId!.Value);

    /// <summary>The format code of a cell: a custom one from the stylesheet, or "0" for built-in 1.</summary>
    public string? NumberFormatOf(Cell cell)
    {
        var id = FormatOf(cell).NumberFormatId?.Value ?? 0;
        if (id == 1) return "0";
        return Stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value;
    }

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }
}
