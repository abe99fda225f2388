using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ParIndex.Grains.Abstractions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

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
/// batch as a whole fails (another node committed in between, a disk error), it is rolled back and every
/// write in it is retried alone, so one write's failure never fails another.
/// </remarks>
public sealed class GroupCommitWriter : IAsyncDisposable
{
    /// <summary>The most writes one transaction takes; more wait for the next.</summary>
    public const int MaxBatch = 512;

    private readonly IDbContextFactory<ParIndexDbContext> _contexts;
    private readonly ILogger<GroupCommitWriter> _logger;
    private readonly Channel<Job> _jobs = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommitWriter(IDbContextFactory<ParIndexDbContext> contexts, ILogger<GroupCommitWriter> logger)
    {
        _contexts = contexts;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>Writes a scorecard; completes with the new ETag once committed.</summary>
    public Task<string> WriteScorecardAsync(string grainKey, ScorecardState state, string? expectedEtag, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var (cycleId, unitCode) = GrainKeys.Split(grainKey);
        // Snapshot what is written now: the grain may change its state once the write has been handed over.
        var job = new ScorecardJob(grainKey, cycleId, unitCode, expectedEtag, state.GroupCode, state.Result,
            state.PendingAudit.ToList(),
            state.PendingAudit.Select(a => a.ItemCode).Distinct(StringComparer.Ordinal)
                .Select(code => (code, state.Items.GetValueOrDefault(code) ?? ItemValues.Empty)).ToList(),
            DateTimeOffset.UtcNow);
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
        while (await _jobs.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _jobs.Reader.TryRead(out var job)) batch.Add(job);
            try
            {
                await RunBatchAsync(batch);
            }
            catch (Exception e)
            {
                // The batch failed as a whole: each job alone, so that only the one at fault fails.
                if (batch.Count > 1) _logger.LogWarning(e, "A group commit of {Count} writes failed; retrying each alone.", batch.Count);
                foreach (var job in batch.Where(j => !j.IsDone))
                {
                    try { await RunBatchAsync([job]); }
                    catch (Exception alone) { job.Fail(alone); }
                }
            }
            batch.Clear();
        }
    }

    private async Task RunBatchAsync(IReadOnlyList<Job> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync();

        var scorecardJobs = batch.OfType<ScorecardJob>().ToList();
        var rankJobs = batch.OfType<RanksJob>().ToList();
        var outcomes = new Dictionary<Job, Exception?>();

        foreach (var cycle in scorecardJobs.Select(j => j.CycleId).Concat(rankJobs.Select(j => j.CycleId)).Distinct(StringComparer.Ordinal))
        {
            var writes = scorecardJobs.Where(j => j.CycleId == cycle).ToList();
            var rankUpdates = rankJobs.Where(j => j.CycleId == cycle).ToList();
            var writeUnits = writes.Select(j => j.UnitCode).Distinct(StringComparer.Ordinal).ToList();
            var resultUnits = writeUnits.Concat(rankUpdates.SelectMany(j => j.Ranks.Keys)).Distinct(StringComparer.Ordinal).ToList();
            var itemCodes = writes.SelectMany(j => j.Values.Select(v => v.ItemCode)).Distinct(StringComparer.Ordinal).ToList();

            Dictionary<string, ScorecardRow> cards = writeUnits.Count == 0 ? [] : await db.Scorecards.Where(s => s.CycleId == cycle && writeUnits.Contains(s.UnitCode))
                .ToDictionaryAsync(s => s.UnitCode, StringComparer.Ordinal);
            Dictionary<(string, string), ItemValueRow> values = itemCodes.Count == 0 ? [] : await db.ItemValues
                .Where(v => v.CycleId == cycle && writeUnits.Contains(v.UnitCode) && itemCodes.Contains(v.ItemCode))
                .ToDictionaryAsync(v => (v.UnitCode, v.ItemCode));
            Dictionary<string, ResultRow> results = resultUnits.Count == 0 ? [] : await db.Results.Where(r => r.CycleId == cycle && resultUnits.Contains(r.UnitCode))
                .ToDictionaryAsync(r => r.UnitCode, StringComparer.Ordinal);

            foreach (var job in batch.Where(j => j is ScorecardJob s && s.CycleId == cycle || j is RanksJob r && r.CycleId == cycle))
            {
                switch (job)
                {
                    case ScorecardJob write:
                        outcomes[job] = Apply(db, write, cards, values, results);
                        break;
                    case RanksJob ranks:
                        foreach (var (unit, rank) in ranks.Ranks)
                            if (results.TryGetValue(unit, out var row) && row.Rank != rank) row.Rank = rank;
                        outcomes[job] = null;
                        break;
                }
            }
        }

        db.ChangeTracker.DetectChanges();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException) when (batch.Count == 1 && batch[0] is ScorecardJob alone)
        {
            throw new InconsistentStateException(alone.GrainKey, alone.ExpectedEtag, null); // another node committed between our read and write
        }
        await transaction.CommitAsync();

        foreach (var job in batch)
        {
            var error = outcomes.GetValueOrDefault(job);
            if (error is null) job.Succeed();
            else job.Fail(error);
        }
    }

    /// <summary>Checks the ETag, then stages the write; returns the refusal instead of staging anything.</summary>
    private static Exception? Apply(ParIndexDbContext db, ScorecardJob job, Dictionary<string, ScorecardRow> cards,
        Dictionary<(string, string), ItemValueRow> values, Dictionary<string, ResultRow> results)
    {
        var card = cards.GetValueOrDefault(job.UnitCode);
        var stored = card?.Version.ToString(CultureInfo.InvariantCulture);
        if (stored != job.ExpectedEtag) return new InconsistentStateException(job.GrainKey, job.ExpectedEtag, stored);
        if (card is null)
        {
            db.Scorecards.Add(card = new ScorecardRow { CycleId = job.CycleId, UnitCode = job.UnitCode, GroupCode = job.GroupCode });
            cards[job.UnitCode] = card;
        }
        card.Version++;
        card.UpdatedAt = job.At;

        foreach (var (itemCode, itemValues) in job.Values)
        {
            if (!values.TryGetValue((job.UnitCode, itemCode), out var row))
            {
                db.ItemValues.Add(row = new ItemValueRow { CycleId = job.CycleId, UnitCode = job.UnitCode, ItemCode = itemCode });
                values[(job.UnitCode, itemCode)] = row;
            }
            RowMapping.CopyTo(itemValues, row);
        }
        db.Audit.AddRange(job.Audit.Select(a => EfScorecardStorage.ToAuditRow(job.CycleId, job.UnitCode, a)));

        if (job.Result is { } result)
        {
            if (!results.TryGetValue(job.UnitCode, out var resultRow))
            {
                db.Results.Add(resultRow = new ResultRow { CycleId = job.CycleId, UnitCode = job.UnitCode, GroupCode = job.GroupCode });
                results[job.UnitCode] = resultRow;
            }
            RowMapping.CopyTo(result, resultRow, job.At);
        }
        job.NewEtag = card.Version.ToString(CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>Stops taking writes and finishes the ones queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _loop;
    }

    private abstract class Job
    {
        public abstract bool IsDone { get; }
        public abstract void Succeed();
        public abstract void Fail(Exception error);
    }

    private sealed class ScorecardJob(string grainKey, string cycleId, string unitCode, string? expectedEtag, string groupCode, UnitResult? result,
        IReadOnlyList<AuditEntry> audit, IReadOnlyList<(string ItemCode, ItemValues Values)> values, DateTimeOffset at) : Job
    {
        public string GrainKey { get; } = grainKey;
        public string CycleId { get; } = cycleId;
        public string UnitCode { get; } = unitCode;
        public string? ExpectedEtag { get; } = expectedEtag;
        public string GroupCode { get; } = groupCode;
        public UnitResult? Result { get; } = result;
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
