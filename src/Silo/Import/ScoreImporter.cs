using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Import;

/// <summary>
/// Applies a scores file in one transaction: values, audit, results, ranks and scorecard versions
/// together, so a refused or interrupted import leaves nothing behind. Scoring and ranking are the
/// domain's; this class only moves rows. On PostgreSQL the commit tells the other nodes which
/// scorecards changed (ChangeFeed).
/// </summary>
public sealed class ScoreImporter(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles, NodeIdentity node, ScoreTelemetry telemetry)
{
    private const int ProgressEvery = 20_000;

    /// <returns>The units whose scorecards changed.</returns>
    public Task<IReadOnlyList<string>> ImportAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default) =>
        ApplyAsync(cycleId, entries, user, origin, progress, adjustment: null, cancellationToken);

    /// <summary>
    /// Applies scores in one transaction. A published scorecard is refused unless this is an
    /// adjustment, whose <paramref name="adjustment"/> step runs inside the same transaction (it records
    /// the decision and the new version), so the values and the decision land together or not at all.
    /// </summary>
    internal async Task<IReadOnlyList<string>> ApplyAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        IProgress<string>? progress, Func<ParIndexDbContext, CycleDefinition, IReadOnlyList<string>, Task>? adjustment, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var units = await ImportCoreAsync(cycleId, entries, user, origin, progress, adjustment, cancellationToken);
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
        IProgress<string>? progress, Func<ParIndexDbContext, CycleDefinition, IReadOnlyList<string>, Task>? adjustment, CancellationToken cancellationToken)
    {
        var cycle = await cycles.LoadAsync(cycleId, cancellationToken)
            ?? throw new ImportRefusedException($"Không có kỳ đánh giá \"{cycleId}\".", [$"Hãy nhập kỳ đánh giá (import cycle) trước khi nhập điểm."]);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var byUnit = entries.GroupBy(e => e.UnitCode).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var stored = (await db.ItemValues.AsNoTracking().Where(v => v.CycleId == cycleId).ToListAsync(cancellationToken))
            .GroupBy(v => v.UnitCode).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.ItemCode, RowMapping.ToValues, StringComparer.Ordinal), StringComparer.Ordinal);

        // Apply through the domain first: any refusal lists every bad value before anything is written.
        var problems = new List<string>();
        var published = (await db.Scorecards.AsNoTracking().Where(s => s.CycleId == cycleId && s.Status == nameof(ScorecardStatus.Published))
            .Select(s => s.UnitCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in byUnit.Keys.Where(u => published.Contains(u) == (adjustment is null)))
            problems.Add(adjustment is null
                ? $"Đơn vị {unit}: kết quả đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh (lệnh adjust)."
                : $"Đơn vị {unit}: kết quả chưa được công bố; hãy nhập điểm bằng lệnh import scores.");
        var cards = new Dictionary<string, (Scorecard Card, IReadOnlyList<Scorecard.Change> Changes)>(StringComparer.Ordinal);
        foreach (var (unit, unitEntries) in byUnit)
        {
            var group = cycle.GroupOf(unit);
            if (group is null) { problems.Add($"Đơn vị {unit} không thuộc nhóm xếp hạng nào của kỳ {cycleId}."); continue; }
            var card = new Scorecard(unit, cycle.Cycle.FrameworkOf(group), stored.GetValueOrDefault(unit));
            try { cards[unit] = (card, card.Apply(unitEntries)); }
            catch (DomainValidationException e) { problems.AddRange(e.Errors); }
        }
        if (problems.Count > 0) throw new ImportRefusedException($"Không nhập điểm: {problems.Count} lỗi, không có gì được lưu.", problems);

        var at = DateTimeOffset.UtcNow;
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var native = !db.Database.IsSqlite(); // PostgreSQL takes numeric and timestamptz values as they are
        var written = 0;
        using (DatabaseTelemetry.Start("db import scores", connection))
        await using (var upsert = ValueUpsert(connection, dbTransaction))
        await using (var audit = AuditInsert(connection, dbTransaction))
        {
            foreach (var (unit, (card, changes)) in cards)
            {
                foreach (var change in changes)
                {
                    var item = change.Entry.ItemCode;
                    var v = card[item];
                    Bind(upsert, native, cycleId, unit, item, v.Self, v.Appraised, v.Survey, v.Bonus, v.Penalty, v.NotApplicableReason, v.SelfNote, v.AppraisedNote);
                    await upsert.ExecuteNonQueryAsync(cancellationToken);
                    var row = EfScorecardStorage.ToAuditRow(cycleId, unit, new AuditEntry(item, change.Entry.Kind, change.OldValue, change.Entry.Value, change.OldNote, change.Entry.Note, user, origin, at));
                    Bind(audit, native, row.At, row.User, row.Origin, cycleId, unit, item, row.Kind, row.OldValue, row.NewValue, row.Note);
                    await audit.ExecuteNonQueryAsync(cancellationToken);
                    if (++written % ProgressEvery == 0) progress?.Report($"Đang ghi điểm: {written:N0}/{entries.Count:N0} giá trị…");
                }
            }
        }

        // Results and ranks of every group touched, computed by the domain from the new values.
        var groups = cards.Keys.Select(u => cycle.GroupOf(u)!).DistinctBy(g => g.Code).ToList();
        foreach (var group in groups)
        {
            var rows = await db.Results.Where(r => r.CycleId == cycleId && r.GroupCode == group.Code).ToDictionaryAsync(r => r.UnitCode, cancellationToken);
            foreach (var (unit, (card, _)) in cards.Where(c => cycle.GroupOf(c.Key) == group))
            {
                if (!rows.TryGetValue(unit, out var row))
                    db.Results.Add(rows[unit] = row = new ResultRow { CycleId = cycleId, UnitCode = unit, GroupCode = group.Code });
                RowMapping.CopyTo(ScoringPolicy.Compute(card, group.Scoring), row, at);
            }
            foreach (var ranked in RankingPolicy.Rank(rows.Values.Select(RowMapping.ToResult), group))
                rows[ranked.UnitCode].Rank = ranked.Rank;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        foreach (var unit in cards.Keys)
            await db.Scorecards.Where(s => s.CycleId == cycleId && s.UnitCode == unit)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version + 1).SetProperty(x => x.UpdatedAt, at), cancellationToken);

        if (adjustment is not null) await adjustment(db, cycle, cards.Keys.ToList());
        await ChangeFeed.NotifyAsync(db, node, cards.Keys.Select(u => GrainKeys.Scorecard(cycleId, u)).ToList(), cancellationToken);
        progress?.Report($"Đang lưu (commit) {written:N0} giá trị…");
        await transaction.CommitAsync(cancellationToken);
        telemetry.Written(written, "import", origin);
        return cards.Keys.ToList();
    }

    private static DbCommand ValueUpsert(DbConnection connection, DbTransaction transaction) => Prepare(connection, transaction, """
        INSERT INTO "item_values" ("CycleId","UnitCode","ItemCode","Self","Appraised","Survey","Bonus","Penalty","NotApplicableReason","SelfNote","AppraisedNote")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9,@p10)
        ON CONFLICT ("CycleId","UnitCode","ItemCode") DO UPDATE SET
          "Self"=excluded."Self","Appraised"=excluded."Appraised","Survey"=excluded."Survey","Bonus"=excluded."Bonus","Penalty"=excluded."Penalty",
          "NotApplicableReason"=excluded."NotApplicableReason","SelfNote"=excluded."SelfNote","AppraisedNote"=excluded."AppraisedNote"
        """, 11);

    private static DbCommand AuditInsert(DbConnection connection, DbTransaction transaction) => Prepare(connection, transaction, """
        INSERT INTO "audit" ("At","User","Origin","CycleId","UnitCode","ItemCode","Kind","OldValue","NewValue","Note")
        VALUES (@p0,@p1,@p2,@p3,@p4,@p5,@p6,@p7,@p8,@p9)
        """, 10);

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (int i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <param name="native">
    /// True on PostgreSQL: decimals and times are bound as numeric and timestamptz. False on SQLite,
    /// where they are stored as text, as EF Core stores them there.
    /// </param>
    private static void Bind(DbCommand command, bool native, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                decimal d when !native => ScoreText.Format(d),
                DateTimeOffset t when !native => t.ToString("O"),
                var v => v,
            };
    }
}
