using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Import;

/// <summary>
/// Applies a scores file in one transaction: values, audit, results, ranks and scorecard versions
/// together, so a refused or interrupted import leaves nothing behind. The file is audited as one batch entry
/// (who, when, its name, SHA-256, row count and a stored copy) plus one audit row for each value it changed
/// where there was one; a value set where none was is traced through the batch to its line
/// (<see cref="ImportTrace"/>). Scoring and ranking are the domain's; this class only moves rows. A bulk
/// import is the one writer that goes past the grains (one transaction for a whole file instead of one grain
/// call per value), so after the commit the grains that hold what it changed refresh (GrainRefresh), wherever
/// in the cluster they live.
/// </summary>
public sealed class ScoreImporter(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, GrainRefresh refresh, ScoreTelemetry telemetry)
{
    private const int ProgressEvery = 20_000;

    /// <summary>Imports a file read without problems; its copy is kept in the store of imported files if the import commits.</summary>
    /// <returns>The units whose scorecards changed.</returns>
    public async Task<IReadOnlyList<string>> ImportAsync(string cycleId, ScoresFile file, string user, string origin,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var rows = file.Rows.Value ?? throw new InvalidOperationException($"{file.FileName} has problems; it is refused before it is imported.");
        var lines = new Dictionary<string, (int First, int Last)>(StringComparer.Ordinal);
        foreach (var row in rows)
            lines[row.Entry.UnitCode] = lines.TryGetValue(row.Entry.UnitCode, out var l) ? (Math.Min(l.First, row.Line), Math.Max(l.Last, row.Line)) : (row.Line, row.Line);
        var units = await ApplyAsync(cycleId, rows.Select(r => r.Entry).ToList(), user, origin, progress, adjustment: null, cancellationToken, new Batch(file, lines));
        await refresh.AfterImportAsync(cycleId, units); // not cancelled: the import has committed
        return units;
    }

    /// <summary>The file an import comes from, and the first and last line of each unit's rows in it.</summary>
    private sealed record Batch(ScoresFile File, IReadOnlyDictionary<string, (int First, int Last)> Lines);

    /// <summary>
    /// Applies scores in one transaction. A published scorecard is refused unless this is an
    /// adjustment, whose <paramref name="adjustment"/> step runs inside the same transaction (it records
    /// the decision and the new version), so the values and the decision land together or not at all.
    /// An adjustment is a decision: each of its values keeps its own audit row, as a grain's write does.
    /// </summary>
    internal Task<IReadOnlyList<string>> ApplyAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        IProgress<string>? progress, Func<ParIndexDbContext, CycleDefinition, IReadOnlyList<string>, Task> adjustment, CancellationToken cancellationToken) =>
        ApplyAsync(cycleId, entries, user, origin, progress, adjustment, cancellationToken, batch: null);

    private async Task<IReadOnlyList<string>> ApplyAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        IProgress<string>? progress, Func<ParIndexDbContext, CycleDefinition, IReadOnlyList<string>, Task>? adjustment, CancellationToken cancellationToken, Batch? batch)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var units = await ImportCoreAsync(cycleId, entries, user, origin, progress, adjustment, batch, cancellationToken);
            telemetry.Imported("ok", start);
            return units;
        }
        catch (ImportRefusedException)
        {
            telemetry.Imported("refused", start);
            throw;
        }
        catch
        {
            telemetry.Imported("error", start);
            throw;
        }
    }

    private async Task<IReadOnlyList<string>> ImportCoreAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        IProgress<string>? progress, Func<ParIndexDbContext, CycleDefinition, IReadOnlyList<string>, Task>? adjustment, Batch? batch, CancellationToken cancellationToken)
    {
        var cycle = await cycles.LoadAsync(cycleId, cancellationToken) ?? throw NoCycle(cycleId);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var at = DateTimeOffset.UtcNow;
        var application = await CardApplication.PrepareAsync(db, cycle, entries, adjustment is not null, at, cancellationToken);

        var connection = db.Database.GetDbConnection();
        var written = 0;
        var cards = new List<CardApplication.Card>(application.Count);
        using (DatabaseTelemetry.Start("db import scores", connection))
        await using (var upsert = RowWriter.Create(db, ValueUpsertHead, ValueUpsertTail, 11))
        await using (var audit = RowWriter.Create(db, AuditInsertHead, "", 10))
        {
            // The next slice is applied while this one is written: on two cores the domain's checks no longer wait for
            // SQLite, nor SQLite for them. Once a problem is found nothing more is written, and the refusal rolls back the rest.
            await foreach (var slice in application.InSlicesAsync(cancellationToken))
            {
                if (application.Refused) continue;
                written = await WriteValuesAsync(upsert, audit, cycleId, slice, batch is null, user, origin, at, written, entries.Count, progress, cancellationToken);
                cards.AddRange(slice);
            }
            application.ThrowIfRefused();
            await upsert.FlushAsync(cancellationToken);
            await audit.FlushAsync(cancellationToken);
            if (batch is not null) await AddBatchAsync(db, cycleId, batch, cards.Select(c => c.Unit), user, origin, at, cancellationToken);
        }

        await SaveResultsAsync(db, cycle, cards, cancellationToken);

        // One prepared statement per scorecard: a list in one statement (EF's Contains) made SQLite scan the list for every row.
        await using (var version = connection.CreateCommand())
        {
            version.Transaction = transaction.GetDbTransaction();
            version.CommandText = """UPDATE "scorecards" SET "Version" = "Version" + 1, "UpdatedAt" = @at WHERE "CycleId" = @cycle AND "UnitCode" = @unit""";
            var atParameter = version.CreateParameter();
            atParameter.ParameterName = "@at";
            atParameter.Value = at;
            var cycleParameter = version.CreateParameter();
            cycleParameter.ParameterName = "@cycle";
            cycleParameter.Value = cycleId;
            var unitParameter = version.CreateParameter();
            unitParameter.ParameterName = "@unit";
            version.Parameters.Add(atParameter);
            version.Parameters.Add(cycleParameter);
            version.Parameters.Add(unitParameter);
            foreach (var card in cards)
            {
                unitParameter.Value = card.Unit;
                await version.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        var units = cards.Select(c => c.Unit).ToList();
        if (adjustment is not null) await adjustment(db, cycle, units);
        progress?.Report($"Đang lưu (commit) {written:N0} giá trị…");
        // The copy goes into the store just before the commit, so a refused import never leaves one; a failed commit takes it back.
        var kept = batch?.File.Copy.Keep() ?? false;
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            batch?.File.Copy.Unkeep(kept);
            throw;
        }
        telemetry.Written(written, "import", origin);
        return units;
    }

    /// <summary>
    /// The values of a slice of scorecards, one row per item with its final values (a multi-row upsert may not touch a
    /// row twice: PostgreSQL refuses it), and an audit row for each change that needs one.
    /// </summary>
    /// <returns>The values written so far.</returns>
    private static async Task<int> WriteValuesAsync(RowWriter upsert, RowWriter audit, string cycleId, IReadOnlyList<CardApplication.Card> cards, bool auditEveryChange,
        string user, string origin, DateTimeOffset at, int written, int total, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        // One array for every row of each writer (it copies or binds what it is given): 1.8 M arrays were 200 MB of garbage.
        var valueRow = new object?[11];
        var auditRow = new object?[10];
        var itemsWritten = new HashSet<string>(StringComparer.Ordinal); // one set, emptied per scorecard: a new one each was 140 MB
        var boxes = new DecimalBoxes();
        foreach (var (unit, card, changes, before, _, _) in cards)
        {
            itemsWritten.Clear();
            foreach (var change in changes)
            {
                var item = change.Entry.ItemCode;
                var v = card[item];
                if (itemsWritten.Add(item))
                {
                    (valueRow[0], valueRow[1], valueRow[2], valueRow[3], valueRow[4], valueRow[5]) = (cycleId, unit, item, boxes.Of(v.Self), boxes.Of(v.Appraised), boxes.Of(v.Survey));
                    (valueRow[6], valueRow[7], valueRow[8], valueRow[9], valueRow[10]) = (boxes.Of(v.Bonus), boxes.Of(v.Penalty), v.NotApplicableReason, v.SelfNote, v.AppraisedNote);
                    await upsert.AddAsync(valueRow, cancellationToken);
                }
                if (auditEveryChange || ChangesExisting(change, before?.GetValueOrDefault(item) ?? ItemValues.Empty))
                {
                    var row = EfScorecardStorage.ToAuditRow(cycleId, unit, new AuditEntry(item, change.Entry.Kind, change.OldValue, change.Entry.Value, change.OldNote, change.Entry.Note, user, origin, at));
                    (auditRow[0], auditRow[1], auditRow[2], auditRow[3], auditRow[4]) = (row.At, row.User, row.Origin, cycleId, unit);
                    (auditRow[5], auditRow[6], auditRow[7], auditRow[8], auditRow[9]) = (item, row.Kind, row.OldValue, row.NewValue, row.Note);
                    await audit.AddAsync(auditRow, cancellationToken);
                }
                if (++written % ProgressEvery == 0) progress?.Report($"Đang ghi điểm: {written:N0}/{total:N0} giá trị…");
            }
        }
        return written;
    }

    /// <summary>
    /// One boxed object per distinct value, scale included (1.5 and 1.50 are stored alike on SQLite but not on PostgreSQL):
    /// the row writer takes objects, and boxing each of 1.8 M values anew was 67 MB, where a file holds a few hundred values.
    /// </summary>
    private sealed class DecimalBoxes
    {
        private const int MaxKept = 1 << 16;
        private readonly Dictionary<(int, int, int, int), object> _boxes = [];

        public object? Of(decimal? value)
        {
            if (value is not { } d) return null;
            Span<int> bits = stackalloc int[4];
            decimal.GetBits(d, bits);
            var key = (bits[0], bits[1], bits[2], bits[3]);
            if (_boxes.TryGetValue(key, out var box)) return box;
            box = d;
            if (_boxes.Count < MaxKept) _boxes[key] = box;
            return box;
        }
    }

    /// <summary>
    /// Results and ranks of every group touched: the new results as the domain computed them with the scorecards, ranked
    /// with the stored results of the members not touched. The new rows are written whole in bulk (20 k of them through
    /// EF's change tracking took seconds); a row only re-ranked gets its rank alone, so that nothing else of a row this
    /// import did not compute is written back.
    /// </summary>
    private static async Task SaveResultsAsync(ParIndexDbContext db, CycleDefinition cycle, IReadOnlyList<CardApplication.Card> cards,
        CancellationToken cancellationToken)
    {
        var cycleId = cycle.Cycle.Id;
        var groups = cards.GroupBy(c => cycle.GroupOf(c.Unit)!.Code, StringComparer.Ordinal).ToList();
        // A group whose every member is in the import is ranked from the import alone; only the others need the stored
        // results of the members left out. A group at a time for a few groups; the whole cycle in one query for many.
        bool Whole(IGrouping<string, CardApplication.Card> g) => g.Count() == cycle.Members[g.Key].Count;
        var stored = groups.Count(g => !Whole(g)) * 2 > cycle.Cycle.Groups.Count
            ? (await db.Results.AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync(cancellationToken)).ToLookup(r => r.GroupCode, StringComparer.Ordinal)
            : null;
        var recomputed = new List<ResultRow>(cards.Count);
        var reranked = new List<(string Unit, int? Rank)>();
        foreach (var groupCards in groups)
        {
            var group = cycle.GroupOf(groupCards.First().Unit)!;
            var rows = Whole(groupCards) ? new Dictionary<string, ResultRow>(StringComparer.Ordinal)
                : (stored?[group.Code] ?? await db.Results.AsNoTracking().Where(r => r.CycleId == cycleId && r.GroupCode == group.Code).ToListAsync(cancellationToken))
                    .ToDictionary(r => r.UnitCode, StringComparer.Ordinal);
            var computed = new Dictionary<string, UnitResult>(StringComparer.Ordinal);
            foreach (var card in groupCards)
            {
                rows[card.Unit] = card.Row; // the new row whole, in place of the stored one
                computed[card.Unit] = card.Result;
                recomputed.Add(card.Row);
            }
            foreach (var ranked in RankingPolicy.Rank(rows.Values.Select(r => computed.GetValueOrDefault(r.UnitCode) ?? RowMapping.ToResult(r, cycle.Cycle.FrameworkOf(group))), group))
            {
                var row = rows[ranked.UnitCode];
                if (!computed.ContainsKey(row.UnitCode) && row.Rank != ranked.Rank) reranked.Add((row.UnitCode, ranked.Rank));
                row.Rank = ranked.Rank;
            }
        }

        // In key order, so the table's B-tree grows page by page.
        recomputed.Sort((a, b) => string.CompareOrdinal(a.UnitCode, b.UnitCode));
        await using (var writer = RowWriter.Create(db, BulkRows.ResultInsert, BulkRows.ResultUpsertTail, BulkRows.ResultColumns))
        {
            foreach (var row in recomputed) await writer.AddAsync(BulkRows.Values(row), cancellationToken);
            await writer.FlushAsync(cancellationToken);
        }
        foreach (var (unit, rank) in reranked)
            await db.Results.Where(r => r.CycleId == cycleId && r.UnitCode == unit).ExecuteUpdateAsync(u => u.SetProperty(r => r.Rank, rank), cancellationToken);
    }

    /// <summary>
    /// Whether a change of an import needs an audit row of its own: it changed a value that was there (a mark's reason
    /// counts as its value), or its note replaced a different note. Anything else set where nothing was, or left as it
    /// was, is covered by the batch entry.
    /// </summary>
    private static bool ChangesExisting(Scorecard.Change change, ItemValues before)
    {
        var entry = change.Entry;
        return entry.Kind switch
        {
            ScoreKind.NotApplicable => before.NotApplicableReason is { } reason && reason != entry.Note,
            ScoreKind.Applicable => true, // only a mark that is there can be lifted
            _ => change.OldValue is { } old && old != entry.Value
                || NoteOf(before, entry.Kind) is { } note && entry.Note is { } replacing && replacing != note,
        };
    }

    private static string? NoteOf(ItemValues values, ScoreKind kind) => kind switch
    {
        ScoreKind.Self => values.SelfNote,
        ScoreKind.Appraised => values.AppraisedNote,
        _ => null,
    };

    /// <summary>The batch entry and the scorecards it touched, in the import's transaction.</summary>
    private static async Task AddBatchAsync(ParIndexDbContext db, string cycleId, Batch batch,
        IEnumerable<string> units, string user, string origin, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var copy = batch.File.Copy;
        var row = new ImportBatchRow
        {
            CycleId = cycleId, At = at, User = user, Origin = origin, FileName = copy.FileName, Sha256 = copy.Sha256, Size = copy.Size,
            RowCount = batch.File.RowCount,
        };
        db.ImportBatches.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        await using var writer = RowWriter.Create(db, BatchUnitInsertHead, "", 5);
        foreach (var unit in units.Order(StringComparer.Ordinal))
        {
            var (first, last) = batch.Lines[unit];
            await writer.AddAsync([row.Id, cycleId, unit, first, last], cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Checks an import or an adjustment whole without writing anything: every bad value, every published (or, for an
    /// adjustment, unpublished) scorecard, every unit of no group, all listed in one refusal.
    /// </summary>
    /// <exception cref="ImportRefusedException">Something is wrong; nothing was written.</exception>
    public async Task CheckAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, bool adjustment, CancellationToken cancellationToken = default)
    {
        var cycle = await cycles.LoadAsync(cycleId, cancellationToken) ?? throw NoCycle(cycleId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var application = await CardApplication.PrepareAsync(db, cycle, entries, adjustment, DateTimeOffset.UtcNow, cancellationToken);
        application.Check(cancellationToken);
        application.ThrowIfRefused();
    }

    private static ImportRefusedException NoCycle(string cycleId) =>
        new($"Không có kỳ đánh giá \"{cycleId}\".", [$"Hãy nhập kỳ đánh giá (import cycle) trước khi nhập điểm."]);

    private const string ValueUpsertHead = """
        INSERT INTO "item_values" ("CycleId","UnitCode","ItemCode","Self","Appraised","Survey","Bonus","Penalty","NotApplicableReason","SelfNote","AppraisedNote")
        VALUES
        """;

    private const string ValueUpsertTail = """

        ON CONFLICT ("CycleId","UnitCode","ItemCode") DO UPDATE SET
          "Self"=excluded."Self","Appraised"=excluded."Appraised","Survey"=excluded."Survey","Bonus"=excluded."Bonus","Penalty"=excluded."Penalty",
          "NotApplicableReason"=excluded."NotApplicableReason","SelfNote"=excluded."SelfNote","AppraisedNote"=excluded."AppraisedNote"
        """;

    private const string AuditInsertHead = """
        INSERT INTO "audit" ("At","User","Origin","CycleId","UnitCode","ItemCode","Kind","OldValue","NewValue","Note")
        VALUES
        """;

    private const string BatchUnitInsertHead = """
        INSERT INTO "import_batch_units" ("BatchId","CycleId","UnitCode","FirstLine","LastLine")
        VALUES
        """;
}
