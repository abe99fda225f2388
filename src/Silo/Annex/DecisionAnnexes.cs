using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Annex;

/// <summary>
/// Reads what an annex shows from the publications table: each group's stored version and, for an adjustment, the
/// version it replaces. Used by `publish --docx`, `results --docx` and the web's export.docx alike.
/// </summary>
public sealed class DecisionAnnexes(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles)
{
    /// <summary>The annex of version N of the groups (default: each group's latest), which must share one decision.</summary>
    /// <exception cref="NotFoundException">No such cycle or group, a group not published, or without version N.</exception>
    public async Task<DecisionAnnex> ForVersionAsync(string cycleId, IReadOnlyList<string> groupCodes, int? version, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.LoadAsync(cycleId, cancellationToken) ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycleId}\".");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var tables = new List<AnnexTable>();
        PublicationRow? first = null;
        foreach (var code in groupCodes)
        {
            var group = cycle.Cycle.FindGroup(code) ?? throw new NotFoundException(
                $"Kỳ {cycleId} không có nhóm xếp hạng \"{code}\" (có: {string.Join(", ", cycle.Cycle.Groups.Select(g => g.Code))}).");
            var rows = await db.Publications.AsNoTracking().Where(p => p.CycleId == cycleId && p.GroupCode == code)
                .OrderBy(p => p.Version).ToListAsync(cancellationToken);
            if (rows.Count == 0)
                throw new NotFoundException($"Nhóm {code} của kỳ {cycleId} chưa được công bố: phụ lục chỉ lập cho kết quả đã công bố.");
            var row = version is { } n
                ? rows.FirstOrDefault(r => r.Version == n) ?? throw new NotFoundException(
                    $"Nhóm {code} của kỳ {cycleId} không có phiên bản công bố {n} (có: {string.Join(", ", rows.Select(r => r.Version))}).")
                : rows[^1];
            first ??= row;
            if (row.Decision != first.Decision)
                throw new DomainException($"Nhóm {first.GroupCode} và nhóm {code} không cùng một quyết định ({first.Decision}, {row.Decision}): mỗi phụ lục đi kèm một quyết định.");
            var before = rows.FirstOrDefault(r => r.Version == row.Version - 1);
            tables.Add(new AnnexTable(group, row.Version, EfPublicationStore.LinesOf(row),
                before is null ? null : new ReplacedVersion(before.Version, before.Decision, before.DecisionDate, EfPublicationStore.LinesOf(before))));
        }
        if (first is null) throw new DomainException("Phụ lục cần ít nhất một nhóm xếp hạng.");
        var decision = new AnnexDecision(first.Decision, first.DecisionDate, first.Signer, first.Reason, first.Kind == "adjust");
        return new DecisionAnnex(cycleId, cycle.Cycle.Title, decision, tables);
    }
}
