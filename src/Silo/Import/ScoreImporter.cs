using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Import;

/// <summary>
/// Applies a scores file in one transaction: values, audit, results, ranks and scorecard versions
/// together, so a refused or interrupted import leaves nothing behind. Scoring and ranking are the
/// domain's; this class only moves rows.
/// </summary>
public sealed class ScoreImporter(IDbContextFactory<ParIndexDbContext> contexts, ICycleStore cycles)
{
    private const int ProgressEvery = 20_000;

    /// <returns>The units whose scorecards changed.</returns>
    public async Task<IReadOnlyList<string>> ImportAsync(string cycleId, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
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
        var atText = at.ToString("O");
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var written = 0;
        await using (var upsert = RowWriter.Create(connection, dbTransaction, ValueUpsertHead, ValueUpsertTail, 11))
        await using (var audit = RowWriter.Create(connection, dbTransaction, AuditInsertHead, "", 10))
        {
            // In key order, so that the primary key's and the audit index's B-trees grow at their ends
            // instead of at random pages (which, past SQLite's page cache, made every row a page read and write).
            foreach (var (unit, (card, changes)) in cards.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                foreach (var change in changes)
                {
                    var item = change.Entry.ItemCode;
                    var v = card[item];
                    await upsert.AddAsync([cycleId, unit, item, v.Self, v.Appraised, v.Survey, v.Bonus, v.Penalty, v.NotApplicableReason, v.SelfNote, v.AppraisedNote], cancellationToken);
                    var row = EfScorecardStorage.ToAuditRow(cycleId, unit, new AuditEntry(item, change.Entry.Kind, change.OldValue, change.Entry.Value, change.OldNote, change.Entry.Note, user, origin, at));
                    await audit.AddAsync([atText, row.User, row.Origin, cycleId, unit, item, row.Kind, row.OldValue, row.NewValue, row.Note], cancellationToken);
                    if (++written % ProgressEvery == 0) progress?.Report($"Đang ghi điểm: {written:N0}/{entries.Count:N0} giá trị…");
                }
            }
            await upsert.FlushAsync(cancellationToken);
            await audit.FlushAsync(cancellationToken);
        }

        // Results and ranks of every group touched, computed by the domain from the new values.
        foreach (var groupCards in cards.GroupBy(c => cycle.GroupOf(c.Key)!.Code, StringComparer.Ordinal))
        {
            var group = cycle.GroupOf(groupCards.First().Key)!;
            var rows = await db.Results.Where(r => r.CycleId == cycleId && r.GroupCode == group.Code).ToDictionaryAsync(r => r.UnitCode, cancellationToken);
            var computed = new Dictionary<string, UnitResult>(StringComparer.Ordinal);
            foreach (var (unit, (card, _)) in groupCards)
            {
                if (!rows.TryGetValue(unit, out var row))
                    db.Results.Add(rows[unit] = row = new ResultRow { CycleId = cycleId, UnitCode = unit, GroupCode = group.Code });
                RowMapping.CopyTo(computed[unit] = ScoringPolicy.Compute(card, group.Scoring), row, at);
            }
            foreach (var ranked in RankingPolicy.Rank(rows.Values.Select(r => computed.GetValueOrDefault(r.UnitCode) ?? RowMapping.ToResult(r)), group))
                rows[ranked.UnitCode].Rank = ranked.Rank;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        // One prepared statement per scorecard: a list in one statement (EF's Contains) made SQLite scan the list for every row.
        await using (var version = connection.CreateCommand())
        {
            version.Transaction = dbTransaction;
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
            foreach (var unit in cards.Keys)
            {
                unitParameter.Value = unit;
                await version.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        progress?.Report($"Đang lưu (commit) {written:N0} giá trị…");
        await transaction.CommitAsync(cancellationToken);
        return cards.Keys.ToList();
    }

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

    /// <summary>Writes rows with one prepared INSERT, in the order added, so a later row for the same key still wins.</summary>
    private abstract class RowWriter : IAsyncDisposable
    {
        public static RowWriter Create(DbConnection connection, DbTransaction transaction, string head, string tail, int columns) =>
            connection is SqliteConnection sqlite ? new SqliteRowWriter(sqlite, head, tail, columns) : new MultiRowCommand(connection, transaction, head, tail, columns);

        public abstract ValueTask AddAsync(object?[] row, CancellationToken cancellationToken);
        public abstract Task FlushAsync(CancellationToken cancellationToken);
        public abstract ValueTask DisposeAsync();

        protected static string Values(int rows, int columns)
        {
            var text = new System.Text.StringBuilder();
            for (int r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "\n(" : ",\n(");
                for (int c = 0; c < columns; c++) text.Append(c == 0 ? "@p" : ",@p").Append(r * columns + c);
                text.Append(')');
            }
            return text.ToString();
        }

        /// <summary>Decimals as text, as EF Core stores them on SQLite.</summary>
        protected static object ToDb(object? value) => value switch
        {
            null => DBNull.Value,
            decimal d => ScoreText.Format(d),
            var v => v,
        };
    }

    /// <summary>
    /// SQLite: one single-row statement prepared once on the import's connection (inside its transaction),
    /// its values bound by position. Microsoft.Data.Sqlite binds parameters by name, and SQLite finds a
    /// name by scanning the statement's list of names, which made binding, not writing, the cost of a
    /// national import (more than half of its time in strncmp).
    /// </summary>
    private sealed class SqliteRowWriter : RowWriter
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;

        public SqliteRowWriter(SqliteConnection connection, string head, string tail, int columns)
        {
            _connection = connection;
            var rc = raw.sqlite3_prepare_v2(connection.Handle, head + Values(1, columns) + tail, out _statement);
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        public override ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
        {
            for (int i = 0; i < row.Length; i++)
            {
                var rc = ToDb(row[i]) switch
                {
                    DBNull => raw.sqlite3_bind_null(_statement, i + 1),
                    string text => raw.sqlite3_bind_text(_statement, i + 1, text),
                    long number => raw.sqlite3_bind_int64(_statement, i + 1, number),
                    int number => raw.sqlite3_bind_int64(_statement, i + 1, number),
                    var other => throw new NotSupportedException($"Cannot bind a {other.GetType().Name}."),
                };
                SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            }
            var step = raw.sqlite3_step(_statement);
            raw.sqlite3_reset(_statement);
            if (step != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(step, _connection.Handle);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Other databases: <see cref="Rows"/> rows per INSERT statement, one prepared statement reused.</summary>
    private sealed class MultiRowCommand(DbConnection connection, DbTransaction transaction, string head, string tail, int columns) : RowWriter
    {
        public const int Rows = 8;
        private readonly object?[] _values = new object?[Rows * columns];
        private int _count;
        private DbCommand? _full;

        public override async ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
        {
            Array.Copy(row, 0, _values, _count * columns, columns);
            if (++_count < Rows) return;
            await ExecuteAsync(_full ??= Create(Rows), cancellationToken);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_count == 0) return;
            await using var rest = Create(_count);
            await ExecuteAsync(rest, cancellationToken);
        }

        private async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
        {
            for (int i = 0; i < _count * columns; i++) command.Parameters[i].Value = ToDb(_values[i]);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _count = 0;
        }

        private DbCommand Create(int rows)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            for (int i = 0; i < rows * columns; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                command.Parameters.Add(p);
            }
            command.CommandText = head + Values(rows, columns) + tail;
            return command;
        }

        public override ValueTask DisposeAsync() => _full?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
