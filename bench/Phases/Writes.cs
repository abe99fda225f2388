using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ParIndex.Bench.Generator;
using ParIndex.Bench.Support;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Bench.Phases;

public sealed record PropagationResult(double P50Ms, double P99Ms, double SqlP50Ms, double SqlBaselineRatio, int Changes, int SqlSamples,
    double TotalP50Ms, double TotalP99Ms, double CommitP50Ms, double CommitP99Ms, double GrainCallP50Ms, double CallsPerChange, double IdleCallP50Ms);

public sealed record DurableWritesResult(double PerSecond, int Writers, long Writes, double Seconds, double P50Ms, double P99Ms, long Failed,
    long AuditRowsAdded, string Synchronous, string JournalMode, long Batches, double MeanBatch, double MeanWriteMs, double MeanCommitMs,
    double DiskBytesPerWrite, double CpuMicrosecondsPerWrite, int Gen0, int Gen1, int Gen2, double GcPausedMs, double AllocatedBytesPerWrite);

/// <summary>Random single-value changes, as a person makes them: one appraised score of one unit.</summary>
public sealed class ChangeSource(CycleDefinition cycle, int seed)
{
    private readonly (string Unit, Item[] Items)[] _targets = cycle.Cycle.Groups
        .SelectMany(g => cycle.Members[g.Code].Select(u => (u.Code, cycle.Cycle.FrameworkOf(g).Items.Where(i => i.Source == ItemSource.Appraisal).ToArray())))
        .ToArray();
    private readonly SplitMix _rng = SplitMix.For(seed, "changes");
    private readonly Lock _lock = new();

    public (string Unit, ScoreEntry Entry) Next()
    {
        lock (_lock)
        {
            var (unit, items) = _targets[_rng.Next(_targets.Length)];
            var item = items[_rng.Next(items.Length)];
            var value = decimal.Parse(BenchData.Fraction(item.Max, _rng.NextDouble(), 2), System.Globalization.CultureInfo.InvariantCulture);
            return (unit, new ScoreEntry(unit, item.Code, ScoreKind.Appraised, value, "đo hiệu năng"));
        }
    }
}

public static class Propagation
{
    /// <summary>
    /// Phase 3: one change at a time through IScorecardGrain.SetValuesAsync, which returns only when the
    /// group's ranking and every roll-up above have applied it. Propagation = that call's time minus the
    /// storage write (the commit, measured in phase 4). The SQL way: the group's ranking recomputed from the
    /// database by the group-restricted statement, after the change.
    /// </summary>
    public static async Task<PropagationResult> RunAsync(BenchHost host, CycleDefinition cycle, string databasePath, int changes, int sqlSamples, int seed)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var source = new ChangeSource(cycle, seed);
        var propagation = new List<double>(changes);
        var totals = new List<double>(changes);
        var commits = new List<double>(changes);
        var sql = new List<double>(sqlSamples);
        using var connection = Sql.Open(databasePath);

        for (int i = -Math.Min(50, changes / 10); i < changes; i++) // a few first changes warm up
        {
            var (unit, entry) = source.Next();
            var key = GrainKeys.Scorecard(cycle.Cycle.Id, unit);
            var start = Stopwatch.GetTimestamp();
            var view = await grains.GetGrain<IScorecardGrain>(key).SetValuesAsync(new ScoreChange([entry], "bench", "bench"));
            var total = Stopwatch.GetTimestamp() - start;
            var commit = host.Storage.TakeWriteTicks(key);
            if (i < 0) continue;
            totals.Add(Stats.Ms(total));
            commits.Add(Stats.Ms(commit));
            propagation.Add(Stats.Ms(total - commit));

            if (i < 20)
            {
                // The change is visible the moment the call returns: the ranking's line has the new index.
                var group = cycle.GroupOf(unit)!;
                var lines = await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(cycle.Cycle.Id, group.AssessorCode, group.Code)).GetLinesAsync();
                if (lines.Single(l => l.UnitCode == unit).Index != view.Result.Index)
                    throw new InvalidOperationException($"The ranking of {group.Code} does not show {unit}'s new index after the write returned.");
            }
            if (i < sqlSamples)
            {
                var group = cycle.GroupOf(unit)!;
                var sw = Stopwatch.StartNew();
                Sql.RankAll(connection, cycle.Cycle.Id, group.Code);
                sql.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        propagation.Sort();
        totals.Sort();
        commits.Sort();
        var p50 = Stats.Percentile(propagation, 50);
        var sqlP50 = Stats.Median(sql);
        return new PropagationResult(p50, Stats.Percentile(propagation, 99), sqlP50, sqlP50 / p50, changes, sql.Count,
            Stats.Percentile(totals, 50), Stats.Percentile(totals, 99), Stats.Percentile(commits, 50), Stats.Percentile(commits, 99),
            await GrainCallP50MsAsync(grains, cycle), CallsPerChange, await IdleCallP50MsAsync(grains, cycle, seed));
    }

    /// <summary>
    /// Orleans' own floor under propagation: one call to an active grain that only hands back what it keeps (a ranking's
    /// summary), made the way the bench calls a scorecard. A change passes <see cref="CallsPerChange"/> such calls in turn.
    /// </summary>
    private static Task<double> GrainCallP50MsAsync(IGrainFactory grains, CycleDefinition cycle)
    {
        var group = cycle.Cycle.Groups[0];
        var ranking = grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(cycle.Cycle.Id, group.AssessorCode, group.Code));
        return CallP50MsAsync(200, 2000, () => ranking.GetSummaryAsync());
    }

    /// <summary>
    /// The same kind of call as a change meets it: to a scorecard taken at random (its activation and values long out of
    /// the processor's caches), after the threads have been idle for a millisecond or more, as they are while a change's
    /// commit waits for the disk. The scorecard hands back its view (a copy of its 90 values, about a microsecond).
    /// </summary>
    private static Task<double> IdleCallP50MsAsync(IGrainFactory grains, CycleDefinition cycle, int seed)
    {
        var scorecards = cycle.Cycle.Groups.SelectMany(g => cycle.Members[g.Code])
            .Select(u => grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycle.Cycle.Id, u.Code))).ToArray();
        var rng = SplitMix.For(seed, "idle calls");
        var scorecard = scorecards[0];
        return CallP50MsAsync(100, 1000, () => scorecard.GetAsync(), async () =>
        {
            await Task.Delay(1);
            scorecard = scorecards[rng.Next(scorecards.Length)];
        });
    }

    /// <summary>The median of <paramref name="count"/> calls (ms), after <paramref name="warmUp"/> untimed ones; <paramref name="before"/>, untimed, readies each.</summary>
    private static async Task<double> CallP50MsAsync(int warmUp, int count, Func<Task> call, Func<Task>? before = null)
    {
        var calls = new List<double>(count);
        for (int i = -warmUp; i < count; i++)
        {
            if (before is not null) await before();
            var start = Stopwatch.GetTimestamp();
            await call();
            if (i >= 0) calls.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
        }
        calls.Sort();
        return Stats.Percentile(calls, 50);
    }

    /// <summary>
    /// Calls in turn per change: to the scorecard, then to its ranking and the roll-ups of the assessor and every unit
    /// above it, which the scorecard calls all at once (one call's wait).
    /// </summary>
    private const double CallsPerChange = 2;
}

public static class DurableWrites
{
    /// <summary>
    /// Phase 4: <paramref name="writers"/> concurrent writers, each awaiting IScorecardGrain.SetValuesAsync
    /// (acknowledged after the commit, and after the ranking and roll-ups applied it), for
    /// <paramref name="duration"/>. Afterwards the audit table must have one new row per acknowledged write.
    /// </summary>
    public static async Task<DurableWritesResult> RunAsync(BenchHost host, CycleDefinition cycle, string databasePath, int writers, TimeSpan duration, int seed)
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var source = new ChangeSource(cycle, seed + 1);
        string synchronous, journal;
        long auditBefore;
        using (var connection = Sql.Open(databasePath))
        {
            auditBefore = Scalar(connection, "SELECT COUNT(*) FROM audit");
            journal = Text(connection, "PRAGMA journal_mode");
        }
        synchronous = await SynchronousModeAsync(host.Services);

        var writer = host.Services.GetRequiredService<ParIndex.Silo.Persistence.GroupCommitWriter>();
        var before = writer.Statistics;
        // The physical side of a write: bytes this process made the disk write (WAL and checkpoints), and CPU on both cores.
        var diskBefore = Machine.DiskWriteBytes();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetTotalAllocatedBytes(); // the whole process: the writes' garbage is what the GC pauses for
        long writes = 0, failed = 0;
        var latencies = new List<double>[writers];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(1 << 14);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var (unit, entry) = source.Next();
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycle.Cycle.Id, unit)).SetValuesAsync(new ScoreChange([entry], "bench", "bench"));
                    mine.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
                    Interlocked.Increment(ref writes);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        clock.Stop();

        var after = writer.Statistics;
        var diskBytes = Machine.DiskWriteBytes() - diskBefore;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var batches = after.Batches - before.Batches;
        long auditAfter;
        using (var connection = Sql.Open(databasePath)) auditAfter = Scalar(connection, "SELECT COUNT(*) FROM audit");
        var all = latencies.SelectMany(l => l).Order().ToList();
        // Changes that set a value to what it already was still write an audit row (old → new, equal), so equality holds.
        return new DurableWritesResult(writes / clock.Elapsed.TotalSeconds, writers, writes, clock.Elapsed.TotalSeconds,
            Stats.Percentile(all, 50), Stats.Percentile(all, 99), failed, auditAfter - auditBefore, synchronous, journal,
            batches, (after.Jobs - before.Jobs) / (double)Math.Max(1, batches),
            (after.Writing - before.Writing).TotalMilliseconds / Math.Max(1, batches), (after.Committing - before.Committing).TotalMilliseconds / Math.Max(1, batches),
            diskBytes / (double)Math.Max(1, writes), cpu.TotalMicroseconds / Math.Max(1, writes),
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds,
            (GC.GetTotalAllocatedBytes() - allocated) / (double)Math.Max(1, writes));
    }

    /// <summary>PRAGMA synchronous as the product's own connections have it (0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA).</summary>
    public static async Task<string> SynchronousModeAsync(IServiceProvider services)
    {
        var factory = services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ParIndex.Silo.Persistence.ParIndexDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous";
            var mode = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return mode switch { 0 => "OFF", 1 => "NORMAL", 2 => "FULL", 3 => "EXTRA", _ => mode.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Text(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
