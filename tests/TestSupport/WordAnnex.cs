using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using ParIndex.Grains.Contracts;

namespace ParIndex.Tests.Support;

/// <summary>
/// A decision annex (.docx) read back with OpenXml, as the tests check it: the paragraphs outside tables, each table as
/// rows of cell texts, the document's default font and size, the page. Expected rows are written here from the published
/// lines with formatting of its own (invariant "F" then a comma), not with the product's code.
/// </summary>
public sealed class WordAnnex
{
    public WordAnnex(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;
        Paragraphs = body.Elements<Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Tables = body.Elements<Table>().Select(t => (IReadOnlyList<IReadOnlyList<string>>)t.Elements<TableRow>()
            .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList()).ToList();
        HeaderRowsRepeat = body.Elements<Table>().All(t => t.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>() is not null);
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Font = defaults.RunFonts?.Ascii?.Value;
        FontSize = defaults.FontSize?.Val?.Value;
        // A run or style that set another font or size would override the default somewhere.
        Overrides = body.Descendants<RunFonts>().Count() + body.Descendants<FontSize>().Count()
            + main.StyleDefinitionsPart.Styles.Elements<Style>().Sum(s => s.Descendants<RunFonts>().Count() + s.Descendants<FontSize>().Count());
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        Page = (size.Width!.Value, size.Height!.Value, size.Orient?.Value == PageOrientationValues.Landscape);
        var margin = section.GetFirstChild<PageMargin>()!;
        Margins = (margin.Top!.Value, margin.Bottom!.Value, margin.Left!.Value, margin.Right!.Value);
        ValidationErrors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
    }

    public IReadOnlyList<string> Paragraphs { get; }
    public IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Tables { get; }
    public bool HeaderRowsRepeat { get; }
    public string? Font { get; }
    public string? FontSize { get; }
    public int Overrides { get; }
    public (uint Width, uint Height, bool Landscape) Page { get; }
    public (int Top, int Bottom, uint Left, uint Right) Margins { get; }
    public IReadOnlyList<string> ValidationErrors { get; }

    public static readonly IReadOnlyList<string> Header =
        ["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm thưởng/trừ", "Tổng điểm", "Chỉ số", "Xếp hạng", "Xếp loại"];

    /// <summary>A number as a Vietnamese decision prints it: 93,44 (no value here reaches a thousand).</summary>
    public static string Vi(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture).Replace('.', ',').Replace('-', '−');

    /// <summary>Every row the table of these lines must have, header first, in the published order.</summary>
    public static List<List<string>> ExpectedRows(IReadOnlyList<ResultLine> lines)
    {
        var rows = new List<List<string>> { Header.ToList() };
        rows.AddRange(lines.Select((l, i) => new List<string>
        {
            (i + 1).ToString(CultureInfo.InvariantCulture), l.UnitName, Vi(l.SelfSubtotal, 2), Vi(l.AppraisalSubtotal, 2), Vi(l.SurveySubtotal, 2),
            BonusPenalty(l), Vi(l.Obtained, 2), l.IndexDisplay is { } x ? Vi(x, l.DisplayDecimals) : "",
            l.Rank?.ToString(CultureInfo.InvariantCulture) ?? "", l.Classification ?? "",
        }));
        return rows;
    }

    private static string BonusPenalty(ResultLine l) => (l.BonusSubtotal, l.PenaltySubtotal) switch
    {
        (0m, 0m) => "0,00",
        (var b, 0m) => "+" + Vi(b, 2),
        (0m, var p) => "−" + Vi(p, 2),
        var (b, p) => $"+{Vi(b, 2)} / −{Vi(p, 2)}",
    };

    public static List<List<string>> Rows(IReadOnlyList<IReadOnlyList<string>> table) => table.Select(r => r.ToList()).ToList();
}
