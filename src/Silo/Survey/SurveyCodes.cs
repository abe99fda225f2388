using System.Security.Cryptography;
using System.Text;

namespace ParIndex.Silo.Survey;

/// <summary>
/// One-time codes: 12 characters of Crockford's base32 (60 random bits), printed as XXXX-XXXX-XXXX so
/// that a code on paper is easy to type. Only their SHA-256 is stored.
/// </summary>
public static class SurveyCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[Length];
        RandomNumberGenerator.Fill(bytes);
        var text = new StringBuilder(Length + 2);
        for (var i = 0; i < Length; i++)
        {
            if (i is 4 or 8) text.Append('-');
            text.Append(Alphabet[bytes[i] & 31]);
        }
        return text.ToString();
    }

    /// <summary>The code as typed (lower case, spaces, dashes, O for 0, I or L for 1) made canonical; null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (typed is null) return null;
        var text = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ') continue;
            var d = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(d) || text.Length == Length) return null;
            text.Append(d);
        }
        return text.Length == Length ? text.ToString() : null;
    }

    public static string Hash(string normalized) => Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(normalized)));
}
