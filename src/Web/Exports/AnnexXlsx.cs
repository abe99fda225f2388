namespace ParIndex.Web.Exports;

/// <summary>The annex as an Excel workbook: the CSV's columns, with numbers as numeric cells.</summary>
public static class AnnexXlsx
{
    // Widths in characters, in the order of RankingAnnex.Columns; Đơn vị grows with the longest name.
    private static readonly double[] Widths = [6, 40, 12, 12, 12, 10, 10, 11, 10, 9, 12];

    public static byte[] Write(RankingAnnex annex)
    {
        var nameWidth = Math.Clamp(annex.Rows.Select(r => r.UnitName.Length).DefaultIfEmpty(0).Max() + 2, 24, 60);
        var columns = RankingAnnex.Columns.Select((header, i) => new XlsxColumn(header, i == 1 ? nameWidth : Widths[i])).ToList();
        var rows = annex.Rows.Select(r => (IReadOnlyList<XlsxCell>)
        [
            XlsxCell.Integer(r.Number), XlsxCell.Of(r.UnitName),
            Score(r.Self), Score(r.Appraised), Score(r.Survey), Score(r.Bonus), Score(r.Penalty), Score(r.Total),
            XlsxCell.Decimal(r.Index), XlsxCell.Integer(r.Rank), XlsxCell.Of(r.Classification),
        ]).ToList();
        var notes = new List<string>();
        var provisional = annex.Rows.Count(r => r.Provisional);
        if (provisional > 0)
            notes.Add($"Kết quả tạm tính: {provisional} đơn vị còn điểm tự đánh giá chưa được thẩm định hoặc còn tiêu chí chưa có điểm.");
        return XlsxWriter.Write(new XlsxSheet(annex.GroupCode, annex.Title, columns, rows, annex.Decimals, notes));
    }

    /// <summary>Stored as `results` prints it (6 decimals at most), so a cell equals the API's number.</summary>
    private static XlsxCell Score(decimal value) =>
        XlsxCell.Decimal(decimal.Round(value, 6, MidpointRounding.AwayFromZero));
}
