using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Silo.Files;

/// <summary>
/// The first worksheet of an .xlsx workbook as records, one per row, each at its Excel row number, so that
/// <see cref="CsvTable"/> can judge it like a CSV file. Cells are read as the text a person sees typed:
/// shared and inline strings as they are, numbers in invariant form without exponent (a respondent id typed as
/// 1001 is "1001"). Rows are made as wide as the header; styles and formulas are not looked at (a formula's last value is).
/// </summary>
internal static class XlsxRows
{
    /// <summary>Null, with the problem added, when the bytes are not a workbook with a worksheet.</summary>
    public static List<CsvRow>? Read(Stream stream, string fileName, List<FileProblem> problems)
    {
        try
        {
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbook = document.WorkbookPart;
            var first = workbook?.Workbook?.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbook?.Workbook is null)
            {
                problems.Add(NotAWorkbook(fileName));
                return null;
            }
            if (first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
            {
                problems.Add(new FileProblem(fileName, null, null, null, "tệp Excel không có trang tính (worksheet) nào."));
                return null;
            }
            var shared = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            return Rectangular(ReadRows(sheet.Worksheet, shared));
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException
                                    or InvalidOperationException or ArgumentException or FormatException)
        {
            problems.Add(NotAWorkbook(fileName));
            return null;
        }
    }

    public static FileProblem NotAWorkbook(string fileName) => new(fileName, null, null, null,
        "tệp không phải tệp Excel .xlsx hợp lệ (không mở được). Hãy mở bằng Excel rồi lưu lại dạng \"Excel Workbook (.xlsx)\", hoặc lưu dạng \"CSV UTF-8\".");

    private static List<CsvRow> ReadRows(Worksheet worksheet, IReadOnlyList<string> shared)
    {
        var rows = new List<CsvRow>();
        int previous = 0;
        foreach (var row in worksheet.Descendants<Row>())
        {
            int number = row.RowIndex?.Value is { } index ? (int)index : previous + 1;
            previous = number;
            var fields = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                int column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : fields.Count;
                while (fields.Count < column) fields.Add("");
                var text = Text(cell, shared);
                if (column < fields.Count) fields[column] = text;
                else fields.Add(text);
            }
            rows.Add(new CsvRow(number, fields));
        }
        return rows;
    }

    /// <summary>
    /// Every row as wide as the header (the first non-blank row): Excel leaves out empty cells at a row's end, and
    /// cells to the right of the header belong to no column (notes beside the table), so they are dropped.
    /// </summary>
    private static List<CsvRow> Rectangular(List<CsvRow> rows)
    {
        var header = rows.FirstOrDefault(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f)));
        if (header is null) return rows;
        int width = header.Fields.Count;
        return rows.Select(r => r.Fields.Count == width ? r
            : new CsvRow(r.Line, r.Fields.Take(width).Concat(Enumerable.Repeat("", Math.Max(0, width - r.Fields.Count))).ToList())).ToList();
    }

    /// <summary>"C12" → 2 (0-based).</summary>
    private static int ColumnIndex(string reference)
    {
        int column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) column = column * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return column - 1;
    }

    private static string Text(Cell cell, IReadOnlyList<string> shared)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        var value = cell.CellValue?.Text ?? "";
        if (cell.DataType?.Value == CellValues.SharedString)
            return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Count ? shared[i] : "";
        if (cell.DataType?.Value == CellValues.Boolean) return value == "1" ? "TRUE" : "FALSE";
        if (cell.DataType is null || cell.DataType.Value == CellValues.Number)
            return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number.ToString("0.############################", CultureInfo.InvariantCulture) : value;
        return value; // a formula's string result, an error such as #N/A, an ISO date
    }
}
