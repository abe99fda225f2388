namespace ParIndex.Grains.Domain;

/// <summary>
/// Text people type (notes, reasons, questions, answers) and file names they upload: how long it may be, and the
/// invisible characters taken out before it is kept.
/// </summary>
public static class FreeText
{
    /// <summary>
    /// The longest note, reason, question or answer kept (characters): a page of text, room for any citation of
    /// evidence, while a 20 MB note cannot fill the store or the audit.
    /// </summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// Why a text cannot be kept (too long), naming where it was written; null when it can. <paramref name="where"/> is
    /// made into text only for a refusal (a national import checks 1.8 M notes, almost all of them fine).
    /// </summary>
    public static string? Check<TWhere>(TWhere where, string what, string? text) =>
        text is { Length: > MaxLength } ? $"{where}: {what} dài {text.Length} ký tự, vượt giới hạn {MaxLength} ký tự." : null;

    /// <summary>
    /// Without bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C): a name such as
    /// "hoa-don\u202Efdp.exe" shows as "hoa-donexe.pdf" and would mislead whoever reads it.
    /// </summary>
    public static string Clean(string text) => text.Any(IsBidiControl) ? new string(text.Where(c => !IsBidiControl(c)).ToArray()) : text;

    public static string? CleanOrNull(string? text) => text is null ? null : Clean(text);

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';
}
