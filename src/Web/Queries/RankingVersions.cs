using System.Globalization;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
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

    /// <summary>
    /// The lines as the API sends them, in JSON written by `results --format json`'s writer. The current ranking is
    /// written once per change of it: each group keeps its last JSON under the ranking's stamp (one entry per group,
    /// replaced, so it stays as small as the rankings); a published version is written from the store.
    /// </summary>
    public async Task<byte[]> JsonAsync(string cycleId, string groupCode, string? rawVersion, CancellationToken cancellationToken = default)
    {
        if (Parse(rawVersion) is not null) return Json(await LinesAsync(cycleId, groupCode, rawVersion, cancellationToken));
        var cycle = await reader.CycleAsync(cycleId);
        var group = ParIndexReader.GroupOf(cycle, groupCode);
        var view = await reader.RankingViewAsync(cycle, group);
        var key = (cycle.Cycle.Id, group.Code);
        if (_currentJson.TryGetValue(key, out var kept) && kept.Stamp == view.Stamp) return kept.Json;
        var json = Json(view.Lines);
        _currentJson[key] = (view.Stamp, json);
        return json;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Cycle, string Group), (string Stamp, byte[] Json)> _currentJson = new();

    private static byte[] Json(IReadOnlyList<ResultLine> lines)
    {
        using var buffer = new MemoryStream();
        ResultsFile.WriteJson(buffer, lines);
        return buffer.ToArray();
    }

    private static string Shorten(string raw) => raw.Length <= 20 ? raw : raw[..20] + "…";
}
