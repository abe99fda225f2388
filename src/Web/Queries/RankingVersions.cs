using System.Globalization;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;

namespace ParIndex.Web.Queries;

/// <summary>
/// A group's lines as they stand now, or as published version N (`?version=N`: 1 = the first publication).
/// Who may read them is decided before this runs, from the group alone (ResultsAccess): the key changes what
/// is shown, never who may see it.
/// </summary>
public sealed class RankingVersions(ParIndexReader reader, StoredResults publications)
{
    /// <summary>The version asked for; null when the key is absent or empty (the current results).</summary>
    public static int? Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new DomainException($"Phiên bản \"{Shorten(raw)}\" không hợp lệ: cần một số nguyên dương (1 = lần công bố đầu tiên).");
    }

    /// <summary>An unknown cycle or group is a 404 first, then a version the group does not have.</summary>
    public async Task<IReadOnlyList<ResultLine>> LinesAsync(string cycleId, string groupCode, string? rawVersion, CancellationToken cancellationToken = default)
    {
        var version = Parse(rawVersion);
        var cycle = await reader.CycleAsync(cycleId);
        var group = ParIndexReader.GroupOf(cycle, groupCode);
        if (version is not { } n) return await reader.RankingAsync(cycle, group);
        return await publications.VersionAsync(cycleId, group.Code, n, cancellationToken)
            ?? throw new NotFoundException($"Nhóm {group.Code} của kỳ {cycleId} không có phiên bản công bố {n}.");
    }

    private static string Shorten(string raw) => raw.Length <= 20 ? raw : raw[..20] + "…";
}
