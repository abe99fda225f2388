using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Annex;

/// <summary>The decision an annex goes with (Quyết định): its number and date, and for an adjustment its reason.</summary>
public sealed record AnnexDecision(string Number, DateOnly Date, string? Signer, string? Reason, bool IsAdjustment);

/// <summary>The published version an adjustment replaces: its decision and its lines, to show old → new.</summary>
public sealed record ReplacedVersion(int Version, string Decision, DateOnly Date, IReadOnlyList<ResultLine> Lines);

/// <summary>One group's table of the annex: its lines exactly as stored for that published version.</summary>
public sealed record AnnexTable(RankGroup Group, int Version, IReadOnlyList<ResultLine> Lines, ReplacedVersion? Replaced)
{
    /// <summary>The units whose index, rank or class differ from the replaced version, in the new version's order.</summary>
    public IReadOnlyList<UnitChange> Changes => Replaced is null ? [] : VersionDiff.Compare(Replaced.Lines, Lines);
}

/// <summary>
/// The annex (Phụ lục) of a decision publishing or adjusting results: a heading naming the decision and the cycle, then
/// one table per group the decision concerns. Built only from published versions, never from the live ranking.
/// </summary>
public sealed record DecisionAnnex(string CycleId, string CycleTitle, AnnexDecision Decision, IReadOnlyList<AnnexTable> Tables)
{
    /// <summary>phu-luc-par-2020-06-so-v1.docx: letters, digits and dashes only, so every browser and OS keeps it.</summary>
    public string FileName => Tables.Count == 1
        ? $"phu-luc-{Slug(CycleId)}-{Slug(Tables[0].Group.Code)}-v{Tables[0].Version}.docx"
        : $"phu-luc-{Slug(CycleId)}.docx";

    private static string Slug(string code)
    {
        var chars = code.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray();
        return new string(chars).Trim('-') is { Length: > 0 } slug ? slug : "nhom";
    }
}
