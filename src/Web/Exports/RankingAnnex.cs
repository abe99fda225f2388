using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Exports;

/// <summary>One unit's row of the annex, in the order people read it.</summary>
public sealed record AnnexRow(
    int Number, string UnitCode, string UnitName,
    decimal Self, decimal Appraised, decimal Survey, decimal Bonus, decimal Penalty, decimal Total,
    decimal? Index, int? Rank, string? Classification, bool Provisional);

/// <summary>
/// A group's ranking in the layout of the annex to a decision announcing the results (phụ lục quyết định
/// công bố): one row per unit in rank order, the unranked after with an empty rank.
/// </summary>
/// <remarks>
/// Điểm thưởng and Điểm trừ are always columns, even when no unit of the group has any: a file whose
/// columns depend on the data would break every script and spreadsheet formula that reads it by position
/// (docs/formats.md: extend, never break). Điểm thẩm định is the appraisal subtotal alone, so that
/// thẩm định + điều tra XHH + thưởng − trừ = Tổng điểm can be checked on the row.
/// </remarks>
public sealed record RankingAnnex(string Title, string CycleId, string GroupCode, int Decimals, IReadOnlyList<AnnexRow> Rows)
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "STT", "Đơn vị", "Điểm tự đánh giá", "Điểm thẩm định", "Điểm điều tra XHH", "Điểm thưởng", "Điểm trừ",
        "Tổng điểm", "Chỉ số", "Xếp hạng", "Xếp loại",
    ];

    public static RankingAnnex Create(Cycle cycle, RankGroup group, IReadOnlyList<ResultLine> lines)
    {
        // The ranking grain already orders ranked units by rank and the unranked after; the annex keeps that order.
        var rows = lines.Select((l, i) => new AnnexRow(
            i + 1, l.UnitCode, l.UnitName,
            l.SelfSubtotal, l.AppraisalSubtotal, l.SurveySubtotal, l.BonusSubtotal, l.PenaltySubtotal, l.Obtained,
            l.IndexDisplay, l.Rank, l.Classification, l.Provisional)).ToList();
        return new RankingAnnex($"Kết quả {cycle.Title} — {group.Name}", cycle.Id, group.Code, group.DisplayDecimals, rows);
    }

    public bool AnyProvisional => Rows.Any(r => r.Provisional);

    /// <summary>xep-hang-par-2020-06-so.csv: only letters, digits and dashes, so that every browser and OS keeps it.</summary>
    public string FileName(string extension) => $"xep-hang-{Slug(CycleId)}-{Slug(GroupCode)}.{extension}";

    private static string Slug(string code)
    {
        var chars = code.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return new string(chars).Trim('-') is { Length: > 0 } slug ? slug : "nhom";
    }
}
