using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.Grains.Domain;
using Item = ParIndex.Grains.Domain.Item;

namespace ParIndex.Silo.Tests.Files;

/// <summary>A numeric cell holding exactly this text, as Excel stores a typed number.</summary>
internal sealed record Num(string Raw);

/// <summary>Framework workbooks built cell by cell, as a person types them in Excel (shared strings, numeric cells), and trees to compare.</summary>
internal static class FrameworkSheets
{
    /// <summary>The headers as docs/formats.md lists them, written out here rather than taken from the code under test.</summary>
    public static readonly object[] Header = ["Cấp", "Mã", "Nội dung", "Điểm tối đa", "Nguồn điểm", "Bắt buộc minh chứng", "Hướng dẫn", "Không áp dụng"];

    /// <summary>Row 1 the header given, then the rows from row 2 on; strings become shared strings, <see cref="Num"/> numeric cells, null no cell.</summary>
    public static MemoryStream XlsxWithHeader(object[] header, params object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var shared = new SharedStringTable();
            workbook.AddNewPart<SharedStringTablePart>().SharedStringTable = shared;
            var part = workbook.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(new SheetData(new[] { header }.Concat(rows).Select((cells, i) => Row((uint)i + 1, cells, shared))));
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = 1U, Name = "Bộ tiêu chí" }));
        }
        stream.Position = 0;
        return stream;
    }

    public static MemoryStream Xlsx(params object?[][] rows) => XlsxWithHeader(Header, rows);

    private static Row Row(uint number, object?[] cells, SharedStringTable shared)
    {
        var row = new Row { RowIndex = number };
        for (int c = 0; c < cells.Length; c++)
        {
            var reference = $"{(char)('A' + c)}{number}";
            switch (cells[c])
            {
                case null: break;
                case Num n: row.Append(new Cell { CellReference = reference, CellValue = new CellValue(n.Raw) }); break;
                case var text:
                    shared.Append(new SharedStringItem(new Text(text.ToString()!)));
                    row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((shared.Count() - 1).ToString()) });
                    break;
            }
        }
        return row;
    }

    /// <summary>Every item with its field and criterion, in order: Item is a record of plain values, so two trees compare by value.</summary>
    public static IReadOnlyList<(string Field, string FieldTitle, string Criterion, string CriterionTitle, Item Item)> Flat(Framework framework) =>
        framework.Fields.SelectMany(f => f.Criteria.SelectMany(c => c.Items.Select(i => (f.Code, f.Title, c.Code, c.Title, i)))).ToList();
}
