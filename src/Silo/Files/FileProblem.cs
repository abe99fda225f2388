using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ParIndex.Silo.Files;

/// <summary>
/// One thing wrong with a file a user gave us, named so that they can find and fix it:
/// the file, the line (1-based, the header is line 1; null when the format has no useful line),
/// the unit and the item concerned, and a Vietnamese message that names the limit.
/// </summary>
public sealed record FileProblem(string File, int? Line, string? Unit, string? Item, string Message)
{
    /// <summary><c>scores.csv:12: đơn vị 06-SNV, tiêu chí 1.1.1: điểm thẩm định 3 vượt điểm tối đa 2.</c></summary>
    public override string ToString()
    {
        var text = new StringBuilder(File);
        if (Line is { } line) text.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
        text.Append(": ");
        if (Unit is not null) text.Append("đơn vị ").Append(Unit).Append(Item is null ? ": " : ", ");
        if (Item is not null) text.Append("tiêu chí ").Append(Item).Append(": ");
        return text.Append(Message).ToString();
    }

    /// <summary>
    /// Domain messages start with "Đơn vị X, tiêu chí Y: " (or "Đơn vị X: "); the problem carries the
    /// unit and item itself, so the prefix is dropped to avoid printing them twice.
    /// </summary>
    internal static string WithoutDomainPrefix(string message, string? unit, string? item)
    {
        foreach (var prefix in new[] { $"Đơn vị {unit}, tiêu chí {item}: ", $"Đơn vị {unit}: " })
        {
            if (unit is not null && message.StartsWith(prefix, StringComparison.Ordinal)) return message[prefix.Length..];
        }
        return message;
    }
}

/// <summary>
/// What a reader found: either a value and no problem, or every problem and no value. A file is
/// taken whole or not at all (docs/formats.md: nothing of that command is written), so a reader never
/// hands back the good half of a bad file.
/// </summary>
public sealed class ReadResult<T> where T : class
{
    private ReadResult(T? value, IReadOnlyList<FileProblem> problems)
    {
        Value = value;
        Problems = problems;
    }

    /// <summary>The file's content; null exactly when there are problems.</summary>
    public T? Value { get; }

    /// <summary>Every problem of the file, in the order found (by line for CSV files).</summary>
    public IReadOnlyList<FileProblem> Problems { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsValid => Value is not null;

    public static ReadResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), []);

    public static ReadResult<T> Failure(IReadOnlyList<FileProblem> problems) =>
        problems.Count > 0 ? new(null, problems) : throw new ArgumentException("A failure needs at least one problem.", nameof(problems));

    /// <summary>The value when nothing is wrong, otherwise the problems.</summary>
    public static ReadResult<T> From(T value, IReadOnlyList<FileProblem> problems) =>
        problems.Count == 0 ? Success(value) : Failure(problems.ToArray());

    /// <summary>One problem a line, as the command line prints them on stderr.</summary>
    public override string ToString() => IsValid ? "OK" : string.Join("\n", Problems);
}
