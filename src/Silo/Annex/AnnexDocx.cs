using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Files;

namespace ParIndex.Silo.Annex;

/// <summary>
/// The annex as a Word document, in the form of the province's decisions: Times New Roman 13, A4 landscape (ten columns
/// do not fit a portrait page at 13 points), margins 2 cm with 3 cm on the binding side, numbers as Vietnamese write
/// them (93,44). For an adjustment, each group first lists its changed units old → new against the replaced version.
/// </summary>
public static class AnnexDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Font = "Times New Roman";
    /// <summary>13 points, in half-points as w:sz counts.</summary>
    public const int FontSize = 26;
    /// <summary>A4 landscape and its margins, in twentieths of a point (1 cm = 567).</summary>
    public const int PageWidth = 16838, PageHeight = 11906, MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 1134;
    /// <summary>Scores are shown with two decimals, as on the ranking page; the index with the group's own precision.</summary>
    public const int ScoreDecimals = 2;

    public static readonly IReadOnlyList<string> Columns =
        ["STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm thưởng/trừ", "Tổng điểm", "Chỉ số", "Xếp hạng", "Xếp loại"];
    public static readonly IReadOnlyList<string> ChangeColumns = ["STT", "Đơn vị", "Tổng điểm", "Chỉ số", "Xếp hạng", "Xếp loại"];

    // Column widths summing to the text width (16838 − 1701 − 1134 = 14003).
    private static readonly int[] Widths = [700, 3803, 1300, 1300, 1300, 1300, 1200, 1100, 1000, 1000];
    private static readonly int[] ChangeWidths = [700, 4303, 2250, 2250, 2250, 2250];

    private static readonly JustificationValues Left = JustificationValues.Left, Center = JustificationValues.Center, Right = JustificationValues.Right;

    public static byte[] Write(DecisionAnnex annex)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Phụ lục Quyết định số {annex.Decision.Number}";
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.Document = new Document(Body(annex));
        }
        return stream.ToArray();
    }

    private static string Number(decimal value, int decimals) => VietnameseText.Number(value, decimals);

    private static Body Body(DecisionAnnex annex)
    {
        var d = annex.Decision;
        var body = new Body(
            Para("PHỤ LỤC", Center, bold: true),
            Para("KẾT QUẢ " + annex.CycleTitle.ToUpperInvariant(), Center, bold: true),
            Para($"(Kèm theo Quyết định số {d.Number} ngày {Date(d.Date)})", Center, italic: true, after: 120));
        if (d.IsAdjustment)
            body.Append(Para($"Điều chỉnh kết quả đã công bố. Lý do: {d.Reason}", JustificationValues.Both, after: 120));
        for (var i = 0; i < annex.Tables.Count; i++)
        {
            var t = annex.Tables[i];
            body.Append(Para($"{Roman(i + 1)}. {t.Group.Name}", Left, bold: true, before: 240, after: 120, keepNext: true));
            if (t.Replaced is { } replaced)
            {
                body.Append(Para($"Các đơn vị thay đổi so với phiên bản {replaced.Version} (Quyết định số {replaced.Decision} ngày {Date(replaced.Date)}):",
                    Left, italic: true, after: 60, keepNext: true));
                var changes = t.Changes;
                if (changes.Count == 0) body.Append(Para("Không đơn vị nào thay đổi chỉ số, thứ hạng hay xếp loại.", Left, after: 120));
                else body.Append(Table(ChangeColumns, ChangeWidths, changes.Select((c, n) => ChangeRow(n + 1, c, replaced.Lines, t.Lines))));
                body.Append(Para($"Kết quả sau điều chỉnh (phiên bản {t.Version}):", Left, italic: true, before: 120, after: 60, keepNext: true));
            }
            body.Append(Table(Columns, Widths, t.Lines.Select((l, n) => Row(n + 1, l))));
        }
        body.Append(new Paragraph());
        body.Append(new SectionProperties(
            new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight, Orient = PageOrientationValues.Landscape },
            new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = (uint)MarginLeft, Right = (uint)MarginRight, Header = 567u, Footer = 567u, Gutter = 0u }));
        return body;
    }

    private static (string, JustificationValues)[] Row(int number, ResultLine l) =>
    [
        (Int(number), Center), (l.UnitName, Left),
        (Number(l.SelfSubtotal, ScoreDecimals), Right), (Number(l.AppraisalSubtotal, ScoreDecimals), Right),
        (Number(l.SurveySubtotal, ScoreDecimals), Right), (BonusPenalty(l), Right), (Number(l.Obtained, ScoreDecimals), Right),
        (l.IndexDisplay is { } index ? Number(index, l.DisplayDecimals) : "", Right), (l.Rank is { } rank ? Int(rank) : "", Center),
        (l.Classification ?? "", Left),
    ];

    /// <summary>Both sides from the stored lines; a unit absent from one side shows "—" there.</summary>
    private static (string, JustificationValues)[] ChangeRow(int number, UnitChange c, IReadOnlyList<ResultLine> before, IReadOnlyList<ResultLine> after)
    {
        var b = before.FirstOrDefault(l => l.UnitCode == c.UnitCode);
        var a = after.FirstOrDefault(l => l.UnitCode == c.UnitCode);
        string Total(ResultLine? l) => l is null ? "—" : Number(l.Obtained, ScoreDecimals);
        string Index(decimal? v) => v is { } x ? Number(x, c.DisplayDecimals) : "—";
        return
        [
            (Int(number), Center), (c.UnitName, Left), ($"{Total(b)} → {Total(a)}", Right),
            ($"{Index(c.IndexBefore)} → {Index(c.IndexAfter)}", Right),
            ($"{(c.RankBefore is { } rb ? Int(rb) : "—")} → {(c.RankAfter is { } ra ? Int(ra) : "—")}", Center),
            ($"{c.ClassBefore ?? "—"} → {c.ClassAfter ?? "—"}", Left),
        ];
    }

    /// <summary>One column for both, as in the province's annexes: +bonus and −penalty, each only when there is one.</summary>
    private static string BonusPenalty(ResultLine l)
    {
        var parts = new List<string>();
        if (l.BonusSubtotal != 0) parts.Add("+" + Number(l.BonusSubtotal, ScoreDecimals));
        if (l.PenaltySubtotal != 0) parts.Add("−" + Number(l.PenaltySubtotal, ScoreDecimals));
        return parts.Count == 0 ? Number(0m, ScoreDecimals) : string.Join(" / ", parts);
    }

    private static Table Table(IReadOnlyList<string> headers, int[] widths, IEnumerable<(string Text, JustificationValues Align)[]> rows)
    {
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = Int(widths.Sum()), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = Int(w) })));
        // The header repeats on every page a long table (108 communes) runs over.
        table.Append(new TableRow([new TableRowProperties(new CantSplit(), new TableHeader()),
            .. headers.Select((h, i) => Cell(h, widths[i], Center, bold: true))]));
        foreach (var row in rows)
            table.Append(new TableRow([new TableRowProperties(new CantSplit()), .. row.Select((c, i) => Cell(c.Text, widths[i], c.Align))]));
        return table;
    }

    private static TableCell Cell(string text, int width, JustificationValues align, bool bold = false) => new(
        new TableCellProperties(new TableCellWidth { Width = Int(width), Type = TableWidthUnitValues.Dxa },
            new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center }),
        Para(text, align, bold: bold));

    private static Paragraph Para(string text, JustificationValues align, bool bold = false, bool italic = false, int before = 0, int after = 0, bool keepNext = false)
    {
        var properties = new ParagraphProperties();
        if (keepNext) properties.Append(new KeepNext());
        properties.Append(new SpacingBetweenLines { Before = Int(before), After = Int(after) });
        properties.Append(new Justification { Val = align });
        var run = new Run();
        if (bold || italic)
        {
            var look = new RunProperties();
            if (bold) look.Append(new Bold());
            if (italic) look.Append(new Italic());
            run.Append(look);
        }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new Paragraph(properties, run);
    }

    /// <summary>Times New Roman 13 for everything, set once as the document's default; runs only add bold or italic.</summary>
    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = Int(FontSize) }, new FontSizeComplexScript { Val = Int(FontSize) },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });

    private static string Date(DateOnly date) => VietnameseText.Date(date);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Roman(int n) => n switch
    {
        <= 0 => "",
        >= 10 => "X" + Roman(n - 10),
        9 => "IX",
        >= 5 => "V" + Roman(n - 5),
        4 => "IV",
        _ => new string('I', n),
    };
}
