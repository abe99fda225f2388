using System.Globalization;

namespace ParIndex.Silo.Files;

/// <summary>
/// Numbers and dates as Vietnamese readers write them (93,44 · 1.234 · 09/02/2021), fixed here rather than taken
/// from the machine's culture data, so every server prints the same: the web's pages and the Word annex alike.
/// </summary>
public static class VietnameseText
{
    public static readonly NumberFormatInfo Numbers = new()
    {
        NumberDecimalSeparator = ",", NumberGroupSeparator = ".", PercentDecimalSeparator = ",", PercentGroupSeparator = ".",
        NegativeSign = "−",
    };

    /// <summary>A number with exactly <paramref name="decimals"/> decimals, rounded half away from zero.</summary>
    public static string Number(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
