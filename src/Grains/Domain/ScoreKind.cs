using Orleans;
using System.Globalization;

namespace ParIndex.Grains.Domain;

/// <summary>What a value on a scorecard is.</summary>
[GenerateSerializer, Alias("ParIndex.ScoreKind")]
public enum ScoreKind
{
    Self,
    Appraised,
    Survey,
    Bonus,
    Penalty,
    /// <summary>Không phát sinh: the item counts neither in obtained points nor in the maximum.</summary>
    NotApplicable,
    /// <summary>Lifts a not-applicable mark (the appraiser changed their mind); the note is why. The item counts again.</summary>
    Applicable,
}

public static class ScoreKinds
{
    /// <summary>The names used in files and on the command line.</summary>
    public static string ToFileName(this ScoreKind kind) => kind switch
    {
        ScoreKind.Self => "self",
        ScoreKind.Appraised => "appraised",
        ScoreKind.Survey => "survey",
        ScoreKind.Bonus => "bonus",
        ScoreKind.Penalty => "penalty",
        ScoreKind.NotApplicable => "not_applicable",
        ScoreKind.Applicable => "applicable",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Every file name, as a refusal lists them: "self, appraised, …".</summary>
    public static string FileNames => string.Join(", ", Enum.GetValues<ScoreKind>().Select(k => k.ToFileName()));

    public static bool TryParse(string? text, out ScoreKind kind)
    {
        // Once per row of a scores file (1.8 M for the country): no array of kinds and no trimmed copy per call.
        var trimmed = text.AsSpan().Trim();
        foreach (var k in Kinds)
        {
            if (trimmed.Equals(k.ToFileName(), StringComparison.OrdinalIgnoreCase)) { kind = k; return true; }
        }
        kind = default;
        return false;
    }

    private static readonly ScoreKind[] Kinds = Enum.GetValues<ScoreKind>();

    public static string VietnameseName(this ScoreKind kind) => kind switch
    {
        ScoreKind.Self => "điểm tự đánh giá",
        ScoreKind.Appraised => "điểm thẩm định",
        ScoreKind.Survey => "điểm điều tra xã hội học",
        ScoreKind.Bonus => "điểm thưởng",
        ScoreKind.Penalty => "điểm trừ",
        ScoreKind.NotApplicable => "đánh dấu không phát sinh",
        ScoreKind.Applicable => "bỏ đánh dấu không phát sinh",
        _ => kind.ToString(),
    };

    /// <summary>Whether a value of this kind may be set on an item of that source.</summary>
    public static bool Fits(this ScoreKind kind, ItemSource source) => kind switch
    {
        ScoreKind.Self or ScoreKind.Appraised => source == ItemSource.Appraisal,
        ScoreKind.Survey => source == ItemSource.Survey,
        ScoreKind.Bonus => source == ItemSource.Bonus,
        ScoreKind.Penalty => source == ItemSource.Penalty,
        ScoreKind.NotApplicable or ScoreKind.Applicable => source is ItemSource.Appraisal or ItemSource.Survey,
        _ => false,
    };

    /// <summary>Rule 1 applies to values people enter; computed survey scores keep full precision.</summary>
    public static bool IsEntered(this ScoreKind kind) => kind is ScoreKind.Self or ScoreKind.Appraised or ScoreKind.Bonus or ScoreKind.Penalty;
}

/// <summary>Reads a score typed by a person or found in a file: invariant culture, '.' as separator.</summary>
public static class ScoreText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text)) return false;
        return decimal.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Without trailing zeros ("1", "0.125"), so messages read as people write scores.</summary>
    public static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
