namespace ParIndex.Silo.Files;

/// <summary>
/// Short field texts made once per file: a national scores file repeats 20 k unit codes, 90 item codes, a few kinds
/// and values over 1.8 M rows, and a string per field was a third of reading it. Long or too many different texts
/// (notes) are made as they come, so the pool stays small.
/// </summary>
internal sealed class StringPool
{
    private const int MaxLength = 32;
    private const int MaxCount = 1 << 16;
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public StringPool() => _bySpan = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The text of <paramref name="buffer"/>[<paramref name="offset"/>..+<paramref name="length"/>], the same string each time it recurs.</summary>
    public string Get(char[] buffer, int offset, int length)
    {
        if (length == 0) return "";
        var text = buffer.AsSpan(offset, length);
        if (length > MaxLength) return new string(text);
        if (_bySpan.TryGetValue(text, out var known)) return known;
        var made = new string(text);
        if (_strings.Count < MaxCount) _strings[made] = made;
        return made;
    }
}
