using System.Globalization;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Files;

/// <summary>A column of the framework workbook: its Vietnamese header, width in characters, whether the header must be there, and what goes in it.</summary>
public sealed record FrameworkColumn(string Header, double Width, bool Required, string Meaning)
{
    /// <summary>How <see cref="CsvTable"/> finds it: headers are matched lower-cased.</summary>
    internal string Key => Header.ToLowerInvariant();
}

/// <summary>What a row of the workbook is: a field, a criterion or an item.</summary>
public enum FrameworkLevel { Field, Criterion, Item }

/// <summary>One row of the workbook as people read it; <see cref="Max"/> and the rest are empty on a field and on a criterion that has items.</summary>
public sealed record FrameworkSheetRow(FrameworkLevel Level, string Code, string Title, decimal? Max = null, ItemSource? Source = null,
    bool? EvidenceRequired = null, string? Guide = null, bool? MayBeNotApplicable = null);

/// <summary>
/// The framework workbook (Bộ tiêu chí, docs/formats.md): one row per field, criterion and item, in order, under one header row.
/// Defined once here for the reader, the writer and the template, so the three cannot drift apart.
/// </summary>
public static class FrameworkLayout
{
    public static readonly FrameworkColumn Level = new("Cấp", 20, true, "Lĩnh vực, Tiêu chí hoặc Tiêu chí thành phần; một tiêu chí thành phần thuộc tiêu chí ở trên nó, một tiêu chí thuộc lĩnh vực ở trên nó");
    public static readonly FrameworkColumn Code = new("Mã", 10, true, "mã không trùng trong cùng cấp (1, 1.1, 1.1.1)");
    public static readonly FrameworkColumn Title = new("Nội dung", 60, true, "tên lĩnh vực, tiêu chí hoặc tiêu chí thành phần");
    public static readonly FrameworkColumn Max = new("Điểm tối đa", 12, true, "số lớn hơn 0, tối đa 3 chữ số thập phân; chỉ cho tiêu chí thành phần và tiêu chí tự mang điểm (không có tiêu chí thành phần)");
    public static readonly FrameworkColumn Source = new("Nguồn điểm", 16, true, "Thẩm định (tự đánh giá rồi thẩm định), Điều tra XHH, Điểm thưởng hoặc Điểm trừ; cũng nhận tên trong cycle.json: Appraisal, Survey, Bonus, Penalty");
    public static readonly FrameworkColumn Evidence = new("Bắt buộc minh chứng", 14, false, "Có hoặc Không (để trống: Không)");
    public static readonly FrameworkColumn Guide = new("Hướng dẫn", 60, false, "cách chấm, hiện cho người chấm điểm");
    public static readonly FrameworkColumn NotApplicable = new("Không áp dụng", 14, false,
        "Được: thẩm định viên được đánh dấu \"không phát sinh\" (kèm lý do), đúng với mọi tiêu chí Thẩm định và Điều tra XHH; Không: điểm thưởng, điểm trừ; để trống: theo nguồn điểm");

    /// <summary>In the order they are written.</summary>
    public static readonly IReadOnlyList<FrameworkColumn> Columns = [Level, Code, Title, Max, Source, Evidence, Guide, NotApplicable];

    public const string SheetName = "Bộ tiêu chí", GuideSheetName = "Hướng dẫn", Yes = "Có", No = "Không", Allowed = "Được";

    private static readonly (FrameworkLevel Level, string Name)[] LevelNames =
        [(FrameworkLevel.Field, "Lĩnh vực"), (FrameworkLevel.Criterion, "Tiêu chí"), (FrameworkLevel.Item, "Tiêu chí thành phần")];

    private static readonly (ItemSource Source, string Name)[] SourceNames =
        [(ItemSource.Appraisal, "Thẩm định"), (ItemSource.Survey, "Điều tra XHH"), (ItemSource.Bonus, "Điểm thưởng"), (ItemSource.Penalty, "Điểm trừ")];

    public static IReadOnlyList<string> LevelChoices => LevelNames.Select(l => l.Name).ToList();
    public static IReadOnlyList<string> SourceChoices => SourceNames.Select(s => s.Name).ToList();

    public static string NameOf(FrameworkLevel level) => LevelNames.First(l => l.Level == level).Name;
    public static string NameOf(ItemSource source) => SourceNames.First(s => s.Source == source).Name;

    public static bool TryLevel(string text, out FrameworkLevel level)
    {
        foreach (var (l, name) in LevelNames)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase)) { level = l; return true; }
        level = default;
        return false;
    }

    /// <summary>The Vietnamese name, or cycle.json's (only the four names: Enum.TryParse would take "7").</summary>
    public static bool TrySource(string text, out ItemSource source)
    {
        foreach (var (s, name) in SourceNames)
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase)) { source = s; return true; }
        source = default;
        return false;
    }

    /// <summary>Có/Không as typed (Được counts as Có), or a ticked box's TRUE/FALSE, x, 1/0; empty is null.</summary>
    public static bool TryYesNo(string text, out bool? value)
    {
        switch (text.ToLowerInvariant())
        {
            case "": value = null; return true;
            case "có" or "co" or "được" or "x" or "true" or "1": value = true; return true;
            case "không" or "khong" or "false" or "0": value = false; return true;
            default: value = null; return false;
        }
    }

    /// <summary>The rule of ScoreKinds: a not-applicable mark fits appraisal and survey items only.</summary>
    public static bool MayBeNotApplicable(ItemSource source) => ScoreKinds.Fits(ScoreKind.NotApplicable, source);

    /// <summary>"0.5", and "0,5" as a person may type it in a text cell; no exponent or thousands separator (a sign reads, to be refused as not positive).</summary>
    public static bool TryMax(string text, out decimal max)
    {
        var normalized = text.Contains(',') && !text.Contains('.') ? text.Replace(',', '.') : text;
        return decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out max);
    }

    /// <summary>The framework as rows, in order; a criterion scored as itself is one row carrying its points.</summary>
    public static IEnumerable<FrameworkSheetRow> Rows(Framework framework)
    {
        foreach (var field in framework.Fields)
        {
            yield return new(FrameworkLevel.Field, field.Code, field.Title);
            foreach (var criterion in field.Criteria)
            {
                if (IsScoredItself(criterion)) { yield return Scored(FrameworkLevel.Criterion, criterion.Items[0]) with { Title = criterion.Title }; continue; }
                yield return new(FrameworkLevel.Criterion, criterion.Code, criterion.Title);
                foreach (var item in criterion.Items) yield return Scored(FrameworkLevel.Item, item);
            }
        }
    }

    public static bool IsScoredItself(Criterion criterion) => criterion.Items is [var only] && only.Code == criterion.Code;

    private static FrameworkSheetRow Scored(FrameworkLevel level, Item item) =>
        new(level, item.Code, item.Title, item.Max, item.Source, item.EvidenceRequired, item.Guide, MayBeNotApplicable(item.Source));

    /// <summary>What the template shows: a small framework that reads back as it is, with each kind of row.</summary>
    public static Framework Sample() => Framework.Create("mau", "Bộ tiêu chí mẫu",
    [
        new Field("1", "Công tác chỉ đạo, điều hành cải cách hành chính",
        [
            new Criterion("1.1", "Kế hoạch cải cách hành chính năm",
            [
                new Item("1.1.1", "Ban hành kế hoạch kịp thời", 1m, ItemSource.Appraisal, true, "Ban hành trước ngày 15/12: 1 điểm; chậm: 0,5 điểm."),
                new Item("1.1.2", "Mức độ hoàn thành kế hoạch", 2m, ItemSource.Appraisal, true, "Hoàn thành 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm."),
            ]),
            Framework.CriterionAsItem("1.2", "Đánh giá của người dân, doanh nghiệp về công tác chỉ đạo", 1.5m, ItemSource.Survey),
        ]),
        new Field("9", "Điểm thưởng, điểm trừ",
        [
            new Criterion("9.1", "Sáng kiến, giải pháp mới", [new Item("9.1.1", "Có sáng kiến được công nhận cấp tỉnh", 0.5m, ItemSource.Bonus)]),
            new Criterion("9.2", "Vi phạm kỷ luật hành chính", [new Item("9.2.1", "Để xảy ra vi phạm bị xử lý", 1m, ItemSource.Penalty)]),
        ]),
    ]);
}
