using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Cluster;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// Group commit for the grains' writes: scorecard writes (values, audit, result, version) and rank
/// updates submitted while a commit is running wait in a queue, and the next batch writes all of them in
/// one transaction with one commit, so many writers share one flush to disk (SQLite's fsync in WAL mode
/// with synchronous=FULL) instead of queueing for the database's single write lock one by one.
/// </summary>
/// <remarks>
/// Each scorecard write keeps its own guarantees: its ETag is checked against the stored version (and
/// against the writes before it in the same batch), a stale one fails alone with
/// <see cref="InconsistentStateException"/> before anything of it is written, and its task completes only
/// after the commit that holds it, so an acknowledged write survives a crash as a lone one would. If the
/// batch as a whole fails (another node committed in between), it is rolled back and every write in it is
/// retried alone, so one write's failure never fails another; if the database itself refused (read-only,
/// full, locked, unreachable), the pool is dropped and the batch tried once more (<see cref="RecoverAsync"/>).
/// </remarks>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>The most writes one transaction takes; more wait for the next.</summary>
    public const int MaxBatch = 512;

    private readonly IDbContextFactory<ParIndexDbContext> _contexts;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly StorageHealth _health;
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitWriter(IDbContextFactory<ParIndexDbContext> contexts, ILogger<GroupCommitWriter> logger, StorageHealth health)
    {
        _contexts = contexts;
        _logger = logger;
        _health = health;
        using (var db = contexts.CreateDbContext()) _blockingCalls = db.Database.IsSqlite();
        // SQLite's calls block (its async methods complete synchronously): its writer gets a thread of its
        // own. PostgreSQL's calls really wait, so its writer stays on the thread pool.
        _loop = _blockingCalls ? RunOnOwnThread("ParIndex group commit", LoopAsync) : Task.Run(LoopAsync);
        _checkpoints = RunOnOwnThread("ParIndex WAL checkpoint", CheckpointLoopAsync);
    }

    /// <summary>
    /// The writer and the checkpointer wait on the database (SQLite's calls block, fsync included), so each
    /// has a thread of its own: on the thread pool they held pool threads that the grains were waiting for.
    /// </summary>
    private static Task RunOnOwnThread(string name, Func<Task> body)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                body().GetAwaiter().GetResult();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Name = name }.Start();
        return done.Task;
    }

    // SQLite only: the WAL is copied back into the database file by this loop, on its own connection,
    // instead of by whichever commit finds the WAL past 1,000 pages (SQLite's automatic checkpoint), which
    // put a copy of megabytes and an extra fsync in the path of every few group commits. A passive
    // checkpoint never blocks a writer; every commit is still made durable in the WAL before it is acknowledged.
    private readonly Task _checkpoints;
    private readonly bool _blockingCalls;
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _checkpointDue = new(0);
    private long _framesSinceCheckpoint;
    private const long CheckpointEveryPages = 4_000;

    /// <summary>Writes a scorecard; completes with the new ETag once committed.</summary>
    public Task<string> WriteScorecardAsync(string grainKey, ScorecardState state, string? expectedEtag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (cycleId, unitCode) = GrainKeys.Split(grainKey);
        // Snapshot what is written now: the grain may change its state once the write has been handed over.
        var at = DateTimeOffset.UtcNow;
        ResultRow? result = null;
        if (state.Result is { } computed)
            RowMapping.CopyTo(computed, result = new ResultRow { CycleId = cycleId, UnitCode = unitCode, GroupCode = state.GroupCode }, at);
        var job = new ScorecardJob(grainKey, cycleId, unitCode, expectedEtag, state.GroupCode, result,
            state.PendingAudit.ToList(),
            // Workflow steps change the status, not values: only value changes rewrite item values.
            state.PendingAudit.Where(a => a.Step is null).Select(a => a.ItemCode).Distinct(StringComparer.Ordinal)
                .Select(code => (code, state.Items.GetValueOrDefault(code) ?? ItemValues.Empty)).ToList(),
            at, new CardWorkflow(state.Status.ToString(), state.Round, RowMapping.FromReturns(state.Returns), state.DeadlineException));
        Enqueue(job);
        return job.Completion.Task;
    }

    /// <summary>Records ranks (only those that differ from the stored ones are updated); completes once committed.</summary>
    public Task SaveRanksAsync(string cycleId, IReadOnlyDictionary<string, int?> ranks)
    {
        var job = new RanksJob(cycleId, new Dictionary<string, int?>(ranks, StringComparer.Ordinal));
        Enqueue(job);
        return job.Completion.Task;
    }

    private void Enqueue(Job job)
    {
        if (!_jobs.Writer.TryWrite(job)) job.Fail(new ObjectDisposedException(nameof(GroupCommitWriter)));
    }

    private async Task LoopAsync()
    {
        var batch = new List<Job>(MaxBatch);
        // On SQLite it waits blocking, so that the loop stays on its own thread.
        while (_blockingCalls ? _jobs.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult() : await _jobs.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _jobs.Reader.TryRead(out var job)) batch.Add(job);
            try
            {
                await RunBatchAsync(batch);
            }
            catch (Exception e)
            {
                await RecoverAsync(batch, e);
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// After a failed batch (rolled back, its connection given back): the pooled connections are dropped first,
    /// since one that went bad (opened while the database was read-only, broken by a database restart, left in
    /// a transaction by a failed rollback) would fail every later batch too. A storage failure then fails the
    /// whole batch with its reason, instead of each write alone again at a lock timeout apiece; a read-only or
    /// unreachable database is first tried once more on a fresh connection (the bad one may have been the
    /// pool's). Anything else is retried job by job, so that only the one at fault fails.
    /// </summary>
    private async Task RecoverAsync(List<Job> batch, Exception error)
    {
        var problem = _health.Report(error);
        if (problem is StorageProblem.ReadOnly or StorageProblem.Unreachable)
        {
            try
            {
                await RunBatchAsync(batch.Where(j => !j.IsDone).ToList());
                return;
            }
            catch (Exception again)
            {
                error = again;
                problem = _health.Report(again);
            }
        }
        if (problem is { } refused)
        {
            _logger.LogWarning("A group commit of {Count} writes failed: {Reason}", batch.Count, StorageFailure.Reason(refused));
            foreach (var job in batch.Where(j => !j.IsDone)) job.Fail(error);
            return;
        }
        if (batch.Count > 1) _logger.LogWarning(error, "A group commit of {Count} writes failed; retrying each alone.", batch.Count);
        foreach (var job in batch.Where(j => !j.IsDone))
        {
            try { await RunBatchAsync([job]); }
            catch (Exception alone)
            {
                _health.Report(alone);
                job.Fail(alone);
            }
        }
    }

    /// <summary>Batches committed, jobs in them, and the time spent writing and committing (for the benchmark's profile).</summary>
    public (long Batches, long Jobs, TimeSpan Writing, TimeSpan Committing) Statistics =>
        (Volatile.Read(ref _batches), Volatile.Read(ref _batchedJobs), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _writingTicks)), Stopwatch.GetElapsedTime(0, Volatile.Read(ref _commitTicks)));

    private long _batches, _batchedJobs, _writingTicks, _commitTicks;

    private async Task RunBatchAsync(IReadOnlyList<Job> batch)
    {
        var started = Stopwatch.GetTimestamp();
        await using var db = await _contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            await db.Database.OpenConnectionAsync();
            await using var noAutoCheckpoint = connection.CreateCommand();
            noAutoCheckpoint.CommandText = "PRAGMA wal_autocheckpoint = 0";
            await noAutoCheckpoint.ExecuteNonQueryAsync();
        }
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var dbTransaction = transaction.GetDbTransaction();
            await using var sql = new Statements(connection, dbTransaction);

            var outcomes = new Exception?[batch.Count];
            for (int i = 0; i < batch.Count; i++)
            {
                switch (batch[i])
                {
                    case ScorecardJob write:
                        outcomes[i] = await ApplyAsync(sql, write);
                        break;
                    case RanksJob ranks:
                        foreach (var (unit, rank) in ranks.Ranks)
                            await sql.Rank.ExecuteAsync(rank, ranks.CycleId, unit);
                        break;
                }
            }
            var committing = Stopwatch.GetTimestamp();
            await transaction.CommitAsync();
            Volatile.Write(ref _writingTicks, _writingTicks + committing - started);
            Volatile.Write(ref _commitTicks, _commitTicks + Stopwatch.GetTimestamp() - committing);
            Volatile.Write(ref _batches, _batches + 1);
            Volatile.Write(ref _batchedJobs, _batchedJobs + batch.Count);
            // Counted as 8 pages a write (the bench measures about 5: card, value, audit and its index, result), so that a
            // checkpoint comes a little early rather than late.
            if (sqlite && Interlocked.Add(ref _framesSinceCheckpoint, 8L * batch.Count) >= CheckpointEveryPages && _checkpointDue.CurrentCount == 0)
                _checkpointDue.Release();

            for (int i = 0; i < batch.Count; i++)
            {
                if (outcomes[i] is { } error) batch[i].Fail(error);
                else batch[i].Succeed();
            }
        }
        finally
        {
            if (sqlite)
            {
                // The connection goes back to the pool: others keep SQLite's automatic checkpoint. A failure here must not
                // hide the batch's own (a pool cleared after the failure drops this connection anyway).
                try
                {
                    await using var restore = connection.CreateCommand();
                    restore.CommandText = "PRAGMA wal_autocheckpoint = 1000";
                    await restore.ExecuteNonQueryAsync();
                }
                catch (Exception e)
                {
                    _logger.LogWarning(e, "Could not restore the automatic WAL checkpoint on a pooled connection; dropping the pool.");
                    _health.DropPooledConnections();
                }
            }
        }
    }

    /// <summary>Checks the ETag, then writes; returns the refusal, having written nothing, when it is stale.</summary>
    private static async Task<Exception?> ApplyAsync(Statements sql, ScorecardJob job)
    {
        var version = await sql.Version.ScalarAsync(job.CycleId, job.UnitCode);
        var stored = version?.ToString(CultureInfo.InvariantCulture);
        if (stored != job.ExpectedEtag) return StaleVersion.Exception(job.GrainKey, job.ExpectedEtag, stored);
        var next = (version ?? 0) + 1;
        var w = job.Workflow;
        var card = version is null ? sql.InsertCard : sql.UpdateCard;
        using (DatabaseTelemetry.StartCommand(card.Text, card.Connection, job.Caller))
        {
            if (version is null)
                await sql.InsertCard.ExecuteAsync(job.CycleId, job.UnitCode, job.GroupCode, next, job.At, w.Status, w.Round, w.Returns, w.DeadlineException);
            else if (await sql.UpdateCard.ExecuteAsync(next, job.At, w.Status, w.Round, w.Returns, w.DeadlineException, job.CycleId, job.UnitCode, version) != 1)
                throw StaleVersion.Exception(job.GrainKey, job.ExpectedEtag, null); // another node committed between our read and write
        }

        foreach (var (itemCode, v) in job.Values)
            await sql.Value.ExecuteAsync(job.CycleId, job.UnitCode, itemCode, v.Self, v.Appraised, v.Survey, v.Bonus, v.Penalty, v.NotApplicableReason, v.SelfNote, v.AppraisedNote);
        foreach (var a in job.Audit)
        {
            var row = EfScorecardStorage.ToAuditRow(job.CycleId, job.UnitCode, a);
            await sql.Audit.ExecuteAsync(row.At, row.User, row.Origin, row.CycleId, row.UnitCode, row.ItemCode, row.Kind, row.OldValue, row.NewValue, row.Note);
        }
        // The result row almost always exists in the same group (the cycle's import made it): an UPDATE that leaves the
        // group alone changes one page, where the upsert also rewrote the group index's entry. A new row or a new group
        // takes the upsert.
        if (job.Result is { } r
            && await sql.ResultInPlace.ExecuteAsync(r.Obtained, r.Maximum, r.Index, r.DisplayIndex, r.DisplayDecimals, r.Classification, r.Provisional,
                r.SelfSubtotal, r.AppraisalSubtotal, r.SurveySubtotal, r.BonusSubtotal, r.PenaltySubtotal, r.Components, r.ComputedAt, r.CycleId, r.UnitCode, r.GroupCode) == 0)
            await sql.Result.ExecuteAsync(r.CycleId, r.UnitCode, r.GroupCode, r.Obtained, r.Maximum, r.Index, r.DisplayIndex, r.DisplayDecimals,
                r.Classification, r.Provisional, r.SelfSubtotal, r.AppraisalSubtotal, r.SurveySubtotal, r.BonusSubtotal, r.PenaltySubtotal, r.Components, r.ComputedAt);
        job.NewEtag = next.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>
    /// The writer's statements, prepared once per batch. Plain SQL that SQLite and PostgreSQL both take
    /// (INSERT … ON CONFLICT … DO UPDATE); values go in as parameters, so each provider stores them as
    /// EF Core does.
    /// </summary>
    private sealed class Statements(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        public readonly Statement Version = Make(connection, transaction, """
            SELECT "Version" FROM "scorecards" WHERE "CycleId" = @p0 AND "UnitCode" = @p1
            """, 2);
        public readonly Statement InsertCard = Make(connection, transaction, """
            INSERT INTO "scorecards" ("CycleId", "UnitCode", "GroupCode", "Version", "UpdatedAt", "Status", "Round", "Returns", "DeadlineException")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
            """, 9);
        public readonly Statement UpdateCard = Make(connection, transaction, """
            UPDATE "scorecards" SET "Version" = @p0, "UpdatedAt" = @p1, "Status" = @p2, "Round" = @p3, "Returns" = @p4, "DeadlineException" = @p5
            WHERE "CycleId" = @p6 AND "UnitCode" = @p7 AND "Version" = @p8
            """, 9);
        public readonly Statement Value = Make(connection, transaction, """
            INSERT INTO "item_values" ("CycleId", "UnitCode", "ItemCode", "Self", "Appraised", "Survey", "Bonus", "Penalty", "NotApplicableReason", "SelfNote", "AppraisedNote")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            ON CONFLICT ("CycleId", "UnitCode", "ItemCode") DO UPDATE SET
              "Self" = excluded."Self", "Appraised" = excluded."Appraised", "Survey" = excluded."Survey", "Bonus" = excluded."Bonus", "Penalty" = excluded."Penalty",
              "NotApplicableReason" = excluded."NotApplicableReason", "SelfNote" = excluded."SelfNote", "AppraisedNote" = excluded."AppraisedNote"
            """, 11);
        public readonly Statement Audit = Make(connection, transaction, """
            INSERT INTO "audit" ("At", "User", "Origin", "CycleId", "UnitCode", "ItemCode", "Kind", "OldValue", "NewValue", "Note")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
            """, 10);
        public readonly Statement Result = Make(connection, transaction, """
            INSERT INTO "results" ("CycleId", "UnitCode", "GroupCode", "Obtained", "Maximum", "Index", "DisplayIndex", "DisplayDecimals", "Classification", "Provisional",
              "SelfSubtotal", "AppraisalSubtotal", "SurveySubtotal", "BonusSubtotal", "PenaltySubtotal", "Components", "ComputedAt")
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15, @p16)
            ON CONFLICT ("CycleId", "UnitCode") DO UPDATE SET
              "GroupCode" = excluded."GroupCode", "Obtained" = excluded."Obtained", "Maximum" = excluded."Maximum", "Index" = excluded."Index",
              "DisplayIndex" = excluded."DisplayIndex", "DisplayDecimals" = excluded."DisplayDecimals", "Classification" = excluded."Classification",
              "Provisional" = excluded."Provisional", "SelfSubtotal" = excluded."SelfSubtotal", "AppraisalSubtotal" = excluded."AppraisalSubtotal",
              "SurveySubtotal" = excluded."SurveySubtotal", "BonusSubtotal" = excluded."BonusSubtotal", "PenaltySubtotal" = excluded."PenaltySubtotal",
              "Components" = excluded."Components", "ComputedAt" = excluded."ComputedAt"
            """, 17);
        public readonly Statement ResultInPlace = Make(connection, transaction, """
            UPDATE "results" SET "Obtained" = @p0, "Maximum" = @p1, "Index" = @p2, "DisplayIndex" = @p3, "DisplayDecimals" = @p4, "Classification" = @p5,
              "Provisional" = @p6, "SelfSubtotal" = @p7, "AppraisalSubtotal" = @p8, "SurveySubtotal" = @p9, "BonusSubtotal" = @p10, "PenaltySubtotal" = @p11,
              "Components" = @p12, "ComputedAt" = @p13
            WHERE "CycleId" = @p14 AND "UnitCode" = @p15 AND "GroupCode" = @p16
            """, 17);
        public readonly Statement Rank = Make(connection, transaction, """
            UPDATE "results" SET "Rank" = @p0 WHERE "CycleId" = @p1 AND "UnitCode" = @p2
            """, 3);

        /// <summary>On SQLite bound by position on the connection's handle (<see cref="SqliteStatement"/>); elsewhere a prepared command.</summary>
        private static Statement Make(DbConnection connection, DbTransaction transaction, string text, int parameters) => connection is SqliteConnection sqlite
            ? new Statement(text, connection, new SqliteStatement(sqlite, text, parameters), null)
            : new Statement(text, connection, null, Create(connection, transaction, text, parameters));

        private static DbCommand Create(DbConnection connection, DbTransaction transaction, string text, int parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            for (int i = 0; i < parameters; i++)
            {
                var p = command.CreateParameter();
                p.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(p);
            }
            return command;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var statement in new[] { Version, InsertCard, UpdateCard, Value, Audit, ResultInPlace, Result, Rank }) await statement.DisposeAsync();
        }
    }

    /// <summary>One of the writer's statements, on SQLite or through a provider's command.</summary>
    private sealed class Statement(string text, DbConnection connection, SqliteStatement? sqlite, DbCommand? command) : IAsyncDisposable
    {
        public string Text => text;
        public DbConnection Connection => connection;

        public async ValueTask<int> ExecuteAsync(params object?[] values)
        {
            if (sqlite is not null) return sqlite.Execute(values);
            Bind(values);
            return await command!.ExecuteNonQueryAsync();
        }

        public async ValueTask<long?> ScalarAsync(params object?[] values)
        {
            if (sqlite is not null) return sqlite.Scalar(values);
            Bind(values);
            return await command!.ExecuteScalarAsync() is { } v and not DBNull ? Convert.ToInt64(v, CultureInfo.InvariantCulture) : null;
        }

        private void Bind(object?[] values)
        {
            for (int i = 0; i < values.Length; i++) command!.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        public async ValueTask DisposeAsync()
        {
            sqlite?.Dispose();
            if (command is not null) await command.DisposeAsync();
        }
    }

    private async Task CheckpointLoopAsync()
    {
        try
        {
            while (true)
            {
                _checkpointDue.Wait(_stopping.Token);
                Interlocked.Exchange(ref _framesSinceCheckpoint, 0);
                try
                {
                    await using var db = await _contexts.CreateDbContextAsync(_stopping.Token);
                    await using var connection = db.Database.GetDbConnection();
                    await connection.OpenAsync(_stopping.Token);
                    await using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    await checkpoint.ExecuteNonQueryAsync(_stopping.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _logger.LogWarning(e, "A WAL checkpoint failed; the next one will copy what this one did not.");
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops taking writes and finishes the ones queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop;
        await _stopping.CancelAsync();
        await _checkpoints;
        _stopping.Dispose();
        _checkpointDue.Dispose();
    }

    private abstract class Job
    {
        public abstract bool IsDone { get; }
        public abstract void Succeed();
        public abstract void Fail(Exception error);
    }

    /// <summary>The scorecard's workflow columns as written.</summary>
    private sealed record CardWorkflow(string Status, int Round, string Returns, bool DeadlineException);

    private sealed class ScorecardJob(string grainKey, string cycleId, string unitCode, string? expectedEtag, string groupCode, ResultRow? result,
        IReadOnlyList<AuditEntry> audit, IReadOnlyList<(string ItemCode, ItemValues Values)> values, DateTimeOffset at, CardWorkflow workflow) : Job
    {
        public CardWorkflow Workflow { get; } = workflow;
        /// <summary>The span of the grain call that asked for this write, so the database span goes under it.</summary>
        public ActivityContext Caller { get; } = Activity.Current?.Context ?? default;
        public string GrainKey { get; } = grainKey;
        public string CycleId { get; } = cycleId;
        public string UnitCode { get; } = unitCode;
        public string? ExpectedEtag { get; } = expectedEtag;
        public string GroupCode { get; } = groupCode;
        public ResultRow? Result { get; } = result;
        public IReadOnlyList<AuditEntry> Audit { get; } = audit;
        public IReadOnlyList<(string ItemCode, ItemValues Values)> Values { get; } = values;
        public DateTimeOffset At { get; } = at;
        public string? NewEtag { get; set; }
        // Continuations run elsewhere: the grain must not resume on the writer's loop.
        public TaskCompletionSource<string> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override bool IsDone => Completion.Task.IsCompleted;
        public override void Succeed() => Completion.TrySetResult(NewEtag!);
        public override void Fail(Exception error) => Completion.TrySetException(error);
    }

    private sealed class RanksJob(string cycleId, IReadOnlyDictionary<string, int?> ranks) : Job
    {
        public string CycleId { get; } = cycleId;
        public IReadOnlyDictionary<string, int?> Ranks { get; } = ranks;
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override bool IsDone => Completion.Task.IsCompleted;
        public override void Succeed() => Completion.TrySetResult();
        public override void Fail(Exception error) => Completion.TrySetException(error);
    }
}
