using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Web.Exports;

/// <summary>The workbook's few cell styles; the constants are indices into its cell formats.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0, Title = 1, Header = 2, Text = 3, Integer = 4, Decimal = 5, Note = 6;

    // Custom number formats start at 164; lower ids are Excel's built-in ones.
    private const uint DecimalFormatId = 164, IntegerFormatId = 1;
    private const uint RegularFont = 0, BoldFont = 1, TitleFont = 2, ItalicFont = 3;
    private const uint NoFill = 0, HeaderFill = 2;
    private const uint NoBorder = 0, ThinBorder = 1;

    public static Stylesheet Create(int decimals) => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DecimalFormatId, FormatCode = DecimalFormat(decimals) }) { Count = 1U },
        new Fonts(
            Font(),
            Font(new Bold()),
            Font(new Bold(), size: 14),
            Font(new Italic())) { Count = 4U },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }), // required second fill
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7ECF3" }) { PatternType = PatternValues.Solid })) { Count = 3U },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin(new LeftBorder()), Thin(new RightBorder()), Thin(new TopBorder()), Thin(new BottomBorder()), new DiagonalBorder())) { Count = 2U },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0U, FontId = RegularFont, FillId = NoFill, BorderId = NoBorder }) { Count = 1U },
        new CellFormats(
            Format(RegularFont, NoFill, NoBorder),
            Format(TitleFont, NoFill, NoBorder, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }),
            Format(BoldFont, HeaderFill, ThinBorder, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true }),
            Format(RegularFont, NoFill, ThinBorder, new Alignment { Vertical = VerticalAlignmentValues.Center, WrapText = true }),
            Format(RegularFont, NoFill, ThinBorder, new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center }, IntegerFormatId),
            Format(RegularFont, NoFill, ThinBorder, new Alignment { Vertical = VerticalAlignmentValues.Center }, DecimalFormatId),
            Format(ItalicFont, NoFill, NoBorder)) { Count = 7U },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    /// <summary>0.00 for 2 decimals, 0.000 for 3, 0 for none.</summary>
    public static string DecimalFormat(int decimals) => decimals <= 0 ? "0" : "0." + new string('0', decimals);

    // Times New Roman: the typeface of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP), annexes included.
    private static Font Font(OpenXmlElement? style = null, double size = 11)
    {
        var font = new Font();
        if (style is not null) font.Append(style);
        font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
        return font;
    }

    private static T Thin<T>(T border) where T : BorderPropertiesType
    {
        border.Style = BorderStyleValues.Thin;
        border.Append(new Color { Indexed = 64U });
        return border;
    }

    private static CellFormat Format(uint font, uint fill, uint border, Alignment? alignment = null, uint numberFormat = 0)
    {
        var format = new CellFormat
        {
            NumberFormatId = numberFormat, FontId = font, FillId = fill, BorderId = border, FormatId = 0U,
            ApplyFont = font != RegularFont, ApplyFill = fill != NoFill, ApplyBorder = border != NoBorder,
            ApplyNumberFormat = numberFormat != 0,
        };
        if (alignment is not null) { format.Append(alignment); format.ApplyAlignment = true; }
        return format;
    }
}
