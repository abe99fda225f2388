using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>
/// A value to put on a scorecard. For <see cref="ScoreKind.NotApplicable"/> and <see cref="ScoreKind.Applicable"/> the
/// value is ignored and the note is the reason (for marking, or for lifting the mark).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ScoreEntry")]
public sealed record ScoreEntry(string UnitCode, string ItemCode, ScoreKind Kind, decimal? Value, string? Note = null);

/// <summary>Rule 1 (and what a kind may be set on): the one place an entered value is judged.</summary>
public static class ScoreRules
{
    public const int MaxDecimals = 3;

    /// <summary>
    /// An entered value as stored: at most <see cref="MaxDecimals"/> decimals of scale (a JSON 1e-400 reads as a zero
    /// with 28 of them), so that what comes back reads as it was meant. Checked values lose nothing by it.
    /// </summary>
    public static decimal? Stored(ScoreEntry entry) =>
        entry.Value is { } v && entry.Kind.IsEntered() ? decimal.Round(v, MaxDecimals) : entry.Value;

    /// <summary>Why the entry cannot be stored, naming unit, item and limit; null when it can.</summary>
    public static string? Check(Framework framework, ScoreEntry entry)
    {
        // Made only for a refusal: a national import checks 1.8 M valid values twice, and this text was most of their garbage.
        var where = new Where(entry.UnitCode, entry.ItemCode);
        var item = framework.FindItem(entry.ItemCode);
        if (item is null) return $"{where}: bộ tiêu chí {framework.Code} không có tiêu chí thành phần này.";
        if (FreeText.Check(where, entry.Kind switch { ScoreKind.NotApplicable => "lý do không phát sinh", ScoreKind.Applicable => "lý do bỏ đánh dấu", _ => "ghi chú" },
                entry.Note) is { } tooLong) return tooLong;
        if (!entry.Kind.Fits(item.Source))
            return $"{where}: không thể nhập {entry.Kind.VietnameseName()} ({entry.Kind.ToFileName()}) cho tiêu chí có nguồn điểm {item.Source}.";
        if (entry.Kind is ScoreKind.NotApplicable or ScoreKind.Applicable)
            return string.IsNullOrWhiteSpace(entry.Note) ? $"{where}: {entry.Kind.VietnameseName()} phải có lý do." : null;
        // A survey that counted nothing (every answer "không biết") clears the item's survey score; any other value is needed.
        if (entry.Value is not { } value) return entry.Kind == ScoreKind.Survey ? null : $"{where}: thiếu {entry.Kind.VietnameseName()}.";
        if (value < 0) return $"{where}: {entry.Kind.VietnameseName()} {ScoreText.Format(value)} âm (phải từ 0 đến {ScoreText.Format(item.Max)}).";
        if (value > item.Max) return $"{where}: {entry.Kind.VietnameseName()} {ScoreText.Format(value)} vượt điểm tối đa {ScoreText.Format(item.Max)}.";
        if (entry.Kind.IsEntered() && value != decimal.Round(value, MaxDecimals))
            return $"{where}: {entry.Kind.VietnameseName()} {ScoreText.Format(value)} có quá {MaxDecimals} chữ số thập phân.";
        return null;
    }

    /// <summary>Where a refused value is ("Đơn vị …, tiêu chí …"), as text only when a message is made.</summary>
    private readonly record struct Where(string Unit, string Item)
    {
        public override string ToString() => $"Đơn vị {Unit}, tiêu chí {Item}";
    }

    /// <summary>Reads a value from text first (NaN, text and empty are refused), then checks it.</summary>
    public static string? Check(Framework framework, string unitCode, string itemCode, ScoreKind kind, string? text, string? note, out ScoreEntry? entry)
    {
        entry = null;
        if (kind is ScoreKind.NotApplicable or ScoreKind.Applicable)
        {
            var mark = new ScoreEntry(unitCode, itemCode, kind, null, note);
            var problem = Check(framework, mark);
            entry = problem is null ? mark : null;
            return problem;
        }
        if (!ScoreText.TryParse(text, out var value))
        {
            var limit = framework.FindItem(itemCode) is { } item ? $" (phải là số từ 0 đến {ScoreText.Format(item.Max)})" : "";
            return $"Đơn vị {unitCode}, tiêu chí {itemCode}: {kind.VietnameseName()} \"{text}\" không phải là số{limit}.";
        }
        entry = new ScoreEntry(unitCode, itemCode, kind, value, note);
        var error = Check(framework, entry);
        if (error is not null) entry = null;
        return error;
    }
}
