using ParIndex.Silo.Evidence;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>The model of _Evidence: an item's files, and the id of the upload form when the reader may add one.</summary>
public sealed record EvidenceCell(IReadOnlyList<EvidenceFile> Files, string? UploadForm)
{
    /// <summary>What the file input accepts (the store checks the content anyway).</summary>
    public static string Accept => string.Join(",", EvidenceFileType.Allowed.Keys);
}
