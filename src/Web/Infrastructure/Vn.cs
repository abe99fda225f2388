using System.Globalization;
using ParIndex.Silo.Files;

namespace ParIndex.Web.Infrastructure;

/// <summary>What pages print: numbers and dates in Vietnamese form (<see cref="VietnameseText"/>), "—" for none, and more.</summary>
public static class Vn
{
    public static NumberFormatInfo Numbers => VietnameseText.Numbers;

    /// <summary>A score with exactly <paramref name="decimals"/> decimals; "—" when there is none.</summary>
    public static string Number(decimal? value, int decimals = 2) => value is { } v ? VietnameseText.Number(v, decimals) : "—";

    /// <summary>A score with as many decimals as it has (at most <paramref name="max"/>): 1 · 0,5 · 7,85.</summary>
    public static string Score(decimal? value, int max = 3) =>
        value is { } v ? decimal.Round(v, max, MidpointRounding.AwayFromZero).ToString("#,##0." + new string('#', max), Numbers) : "—";

    public static string Count(int value) => value.ToString("N0", Numbers);

    public static string Date(DateOnly? date) => date is { } d ? VietnameseText.Date(d) : "—";

    /// <summary>Việt Nam keeps UTC+7 all year (no daylight saving), so no time-zone data is needed.</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>A date from a form: the date input sends yyyy-MM-dd; people may also type dd/MM/yyyy.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A moment in Việt Nam's time: 09/02/2021 14:05.</summary>
    public static string DateTime(DateTimeOffset at) => at.ToOffset(Offset).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A file size as people read it: 850 B · 12,4 KB · 3,1 MB.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => Score(bytes / 1024m, 1) + " KB",
        _ => Score(bytes / (1024m * 1024m), 1) + " MB",
    };

    /// <summary>A change of rank with its arrow: ↑2 when the unit moved up, ↓1 when down.</summary>
    public static string RankChange(int? change) => change switch
    {
        null => "",
        > 0 => $"↑{change}",
        < 0 => $"↓{-change}",
        _ => "=",
    };

    /// <summary>The CSS class of a classification: its position among the group's bands (0 = best).</summary>
    public static string BandClass(int position) => $"band-{Math.Clamp(position, 0, 4)}";
}
