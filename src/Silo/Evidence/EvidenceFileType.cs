using System.IO.Compression;

namespace ParIndex.Silo.Evidence;

/// <summary>
/// What a file really is, told by its content and never by its name: an executable renamed .pdf is
/// still an executable. Only the types evidence may have are recognised.
/// </summary>
public static class EvidenceFileType
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".png"] = "image/png",
    };

    /// <summary>The content type the bytes are, among the allowed ones; null for anything else.</summary>
    public static string? Detect(byte[] content)
    {
        var head = content.AsSpan();
        if (head.StartsWith("%PDF-"u8)) return Allowed[".pdf"];
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return Allowed[".png"];
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return Allowed[".jpg"];
        if (head.StartsWith("PK\u0003\u0004"u8)) return OfficeType(content);
        return null;
    }

    /// <summary>A Word or Excel document is a zip with its main part inside; any other zip is not evidence.</summary>
    private static string? OfficeType(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml")) return null;
            if (names.Contains("word/document.xml")) return Allowed[".docx"];
            if (names.Contains("xl/workbook.xml")) return Allowed[".xlsx"];
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
