using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Workflow;

/// <summary>One line of a unit's history: a value change, a workflow step or an evidence file, who and when.</summary>
public sealed record AuditLine(
    long Id, DateTimeOffset At, string User, string? UserDisplayName, string Origin, string Kind, string ItemCode, string? OldValue, string? NewValue, string? Note)
{
    /// <summary>The items a line concerns: one code, several ("1.1;2.3") for a return, none ("*") for the whole scorecard.</summary>
    /// <summary>For an uploaded evidence file: its id, for the download link.</summary>
    public long? EvidenceId { get; init; }

    /// <summary>For an import (kind "import"): the batch, whose file holds the lines of every value it set.</summary>
    public ImportBatchEntry? Batch { get; init; }

    public IReadOnlyList<string> Items => ItemCode == "*" ? [] : ItemCode.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// An import batch as a unit's history shows it: the file (name, SHA-256, data rows) and where this unit's applied rows
/// lie in it (first and last line); the line of one item is found in the stored copy on demand (ImportHistory).
/// </summary>
public sealed record ImportBatchEntry(long Id, string FileName, string Sha256, int RowCount, int FirstLine, int LastLine);

/// <summary>One page of a unit's history: its lines, which page of how many, and how many lines in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditLine> Lines, int Page, int Pages, int Total);

/// <summary>
/// Read-only queries of the database: the decisions (for the public list and the workflow pages; the ranking page, viewed
/// far more, reads a group's from its ranking grain, and the read check which groups are published from the cycle grain),
/// where each scorecard stands, and a unit's audit. They read the database, never write; the web reads
/// the store only through here and the grains.
/// </summary>
public sealed class WorkflowQueries(IDbContextFactory<ParIndexDbContext> contexts)
{
    /// <summary>The kind of a history line that stands for an import batch.</summary>
    public const string ImportKind = "import";

    /// <summary>Audit lines on one page (newest first); the demo has about a hundred per unit.</summary>
    public const int AuditPageSize = 100;

    /// <summary>Every decision on every group, newest version first within a group.</summary>
    public async Task<IReadOnlyList<PublicationEntry>> PublicationsAsync(string? cycleId = null, string? groupCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Publications.AsNoTracking();
        if (cycleId is not null) query = query.Where(p => p.CycleId == cycleId);
        if (groupCode is not null) query = query.Where(p => p.GroupCode == groupCode);
        // The snapshot (the published lines) is large and not needed here.
        var rows = await query
            .Select(p => new PublicationEntry(p.CycleId, p.GroupCode, p.Version, p.Kind, p.Decision, p.DecisionDate, p.Signer, p.Reason, p.User, p.At))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(p => p.CycleId, StringComparer.Ordinal).ThenBy(p => p.GroupCode, StringComparer.Ordinal).ThenByDescending(p => p.Version).ToList();
    }

    /// <summary>Where every scorecard of a cycle stands, as stored (the grains write through, so this is current).</summary>
    public async Task<IReadOnlyDictionary<string, WorkflowState>> StatusesAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Scorecards.AsNoTracking().Where(s => s.CycleId == cycleId)
            .Select(s => new { s.UnitCode, s.Status, s.Round, s.DeadlineException }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.UnitCode,
            r => new WorkflowState(Enum.TryParse<ScorecardStatus>(r.Status, out var status) ? status : ScorecardStatus.Draft, r.Round, new HashSet<string>(), r.DeadlineException),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The cycle's own history, newest first, one page at a time: the changes that concern the whole cycle rather than a
    /// unit (the self-assessment deadline), kept in the audit under the unit "*".
    /// </summary>
    public Task<AuditPage> CycleAuditAsync(string cycleId, int page = 1, CancellationToken cancellationToken = default) =>
        AuditAsync(cycleId, EfCycleStore.WholeCycle, null, page, cancellationToken);

    /// <summary>
    /// A unit's history, newest first, one page of <see cref="AuditPageSize"/> lines: every audited value change and
    /// workflow step, every evidence file uploaded (the evidence table says who and when), and every import batch that
    /// touched the scorecard (it stands for the values it set where none was). <paramref name="itemCode"/> keeps one
    /// item's lines, and the unit's batches, since which items a batch set is in its file, not in the database.
    /// Paged in the database, so that no burst of changes pushes older history out of reach.
    /// </summary>
    public async Task<AuditPage> AuditAsync(string cycleId, string unitCode, string? itemCode = null, int page = 1, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var auditRows = db.Audit.AsNoTracking().Where(a => a.CycleId == cycleId && a.UnitCode == unitCode);
        var evidenceRows = db.Evidence.AsNoTracking().Where(e => e.CycleId == cycleId && e.UnitCode == unitCode);
        var batchRows = db.ImportBatchUnits.AsNoTracking().Where(u => u.CycleId == cycleId && u.UnitCode == unitCode)
            .Join(db.ImportBatches, u => u.BatchId, b => b.Id, (u, b) => new { Batch = b, u.FirstLine, u.LastLine });
        if (itemCode is not null)
        {
            // A return names several items ("1.1;2.3"): the item alone, first, last or in the middle.
            auditRows = auditRows.Where(a => a.ItemCode == itemCode || a.ItemCode.StartsWith(itemCode + ";")
                || a.ItemCode.EndsWith(";" + itemCode) || a.ItemCode.Contains(";" + itemCode + ";"));
            evidenceRows = evidenceRows.Where(e => e.ItemCode == itemCode);
        }
        var total = await auditRows.CountAsync(cancellationToken) + await evidenceRows.CountAsync(cancellationToken) + await batchRows.CountAsync(cancellationToken);
        var pages = Math.Max(1, (total + AuditPageSize - 1) / AuditPageSize);
        page = Math.Clamp(page, 1, pages);
        // The newest page × size of each table hold the newest page × size of both together.
        var take = page * AuditPageSize;
        var audit = await auditRows.OrderByDescending(a => a.Id).Take(take).ToListAsync(cancellationToken);
        var evidence = await evidenceRows.OrderByDescending(e => e.Id).Take(take).ToListAsync(cancellationToken);
        var batches = await batchRows.OrderByDescending(b => b.Batch.Id).Take(take).ToListAsync(cancellationToken);
        var users = audit.Select(a => a.User).Concat(evidence.Select(e => e.UploadedBy)).Concat(batches.Select(b => b.Batch.User)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => users.Contains(u.UserName))
            .ToDictionaryAsync(u => u.UserName, u => u.DisplayName, cancellationToken);

        var lines = audit.Select(a => new AuditLine(a.Id, a.At, a.User, names.GetValueOrDefault(a.User), a.Origin, a.Kind, a.ItemCode, a.OldValue, a.NewValue, a.Note))
            .Concat(evidence.Select(e => new AuditLine(e.Id, e.At, e.UploadedBy, names.GetValueOrDefault(e.UploadedBy), "web", "evidence", e.ItemCode, null, e.FileName, null) { EvidenceId = e.Id }))
            .Concat(batches.Select(b => new AuditLine(b.Batch.Id, b.Batch.At, b.Batch.User, names.GetValueOrDefault(b.Batch.User), b.Batch.Origin, ImportKind, "*", null, b.Batch.FileName, null)
                { Batch = new ImportBatchEntry(b.Batch.Id, b.Batch.FileName, b.Batch.Sha256, b.Batch.RowCount, b.FirstLine, b.LastLine) }));
        var shown = lines.OrderByDescending(l => l.At).ThenByDescending(l => l.Id).Skip((page - 1) * AuditPageSize).Take(AuditPageSize).ToList();
        return new AuditPage(shown, page, pages, total);
    }
}
