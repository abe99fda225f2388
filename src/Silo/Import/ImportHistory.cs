using Microsoft.EntityFrameworkCore;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Import;

/// <summary>
/// An import batch seen from a unit's history: who imported which file when, and the unit's rows in its stored copy
/// (<see cref="Rows"/> is null when the copy is not found, e.g. a database moved without its evidence folder).
/// </summary>
public sealed record BatchTrace(ImportBatchEntry Batch, DateTimeOffset At, string User, string? UserDisplayName, string Origin, long Size,
    IReadOnlyList<TracedRow>? Rows);

/// <summary>Traces a unit's values back to the lines of the file a batch imported, on demand: reading a file is not for every history page.</summary>
public sealed class ImportHistory(IDbContextFactory<ParIndexDbContext> contexts, ImportFiles files)
{
    /// <returns>Null if the batch did not touch that unit's scorecard.</returns>
    public async Task<BatchTrace?> TraceAsync(string cycleId, string unitCode, long batchId, string? itemCode = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ImportBatchUnits.AsNoTracking()
            .Where(u => u.BatchId == batchId && u.CycleId == cycleId && u.UnitCode == unitCode)
            .Join(db.ImportBatches, u => u.BatchId, b => b.Id, (u, b) => new { Batch = b, u.FirstLine, u.LastLine })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null) return null;
        var b = found.Batch;
        var name = await db.Users.AsNoTracking().Where(u => u.UserName == b.User).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        return new BatchTrace(new ImportBatchEntry(b.Id, b.FileName, b.Sha256, b.RowCount, found.FirstLine, found.LastLine), b.At, b.User, name, b.Origin, b.Size,
            await RowsAsync(b.Sha256, unitCode, itemCode, found.LastLine, cancellationToken));
    }

    private async Task<IReadOnlyList<TracedRow>?> RowsAsync(string sha256, string unitCode, string? itemCode, int lastLine, CancellationToken cancellationToken)
    {
        Stream copy;
        try { copy = files.Open(sha256); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
        // The unit's rows end at its last line: a file sorted by unit is read only that far.
        await using (copy) return await Task.Run(() => ImportTrace.Find(copy, unitCode, itemCode, lastLine), cancellationToken);
    }
}
