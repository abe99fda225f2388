using System.Diagnostics;
using System.Text;
using ParIndex.Bench.Generator;
using ParIndex.Bench.Support;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;

namespace ParIndex.Bench.Phases;

public sealed record ColdLoadResult(double Seconds, double PeakRssMb, IReadOnlyList<(string Step, double Seconds, double CpuSeconds)> Steps, double CpuSeconds);

/// <summary>
/// Phase 1: an empty database to the whole country imported and rolled up, through the command line's
/// own readers and importers (units, cycle, scores: one transaction each), then every ranking grain and
/// every unit grain with a roll-up activated (they rebuild from the stored results).
/// </summary>
public static class ColdLoad
{
    public static async Task<(BenchHost Host, CycleDefinition Cycle, ColdLoadResult Result)> RunAsync(GeneratedData data, string databasePath, string webRoot)
    {
        // Wall time, and this process's CPU time: the machine may be shared, and CPU time shows what is ours.
        var steps = new List<(string, double, double)>();
        var total = Stopwatch.StartNew();
        var step = Stopwatch.StartNew();
        var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var cpu = cpuStart;
        // BENCH_TRACE=1: what each step allocated and collected, which a shared machine's load does not blur as it does time.
        var trace = Environment.GetEnvironmentVariable("BENCH_TRACE") is not null;
        var allocated = GC.GetTotalAllocatedBytes();
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        void Step(string name)
        {
            if (trace)
            {
                var (a, c, p) = (GC.GetTotalAllocatedBytes(), (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)), GC.GetTotalPauseDuration());
                Console.Error.WriteLine($"   {name}: allocated {(a - allocated) / 1048576.0:N0} MiB, GCs gen0 {c.Item1 - collections.Item1} gen1 {c.Item2 - collections.Item2} gen2 {c.Item3 - collections.Item3}, paused {(p - paused).TotalMilliseconds:N0} ms");
                (allocated, collections, paused) = (a, c, p);
            }
            var now = Process.GetCurrentProcess().TotalProcessorTime;
            steps.Add((name, step.Elapsed.TotalSeconds, (now - cpu).TotalSeconds));
            cpu = now;
            step.Restart();
        }

        var host = await BenchHost.StartAsync(databasePath, webRoot); // migrates the empty database
        Step("start web app, create and migrate the database");
        var services = host.Services;

        var units = services.GetRequiredService<UnitImporter>();
        using (var reader = new StreamReader(data.UnitsFile, Encoding.UTF8))
        {
            var read = Valid(UnitsCsv.Read(reader, "units.csv", await units.LoadDirectoryAsync()));
            Step("read units.csv");
            await units.ImportAsync(read, "units.csv");
            Step("import units");
        }

        using (var reader = new StreamReader(data.CycleFile, Encoding.UTF8))
        {
            var cycle = Valid(CycleJson.Read(reader, "cycle.json"));
            Step("read cycle.json");
            await services.GetRequiredService<CycleImporter>().ImportAsync(cycle, "cycle.json");
            Step("import cycle (resolve groups, empty results)");
        }

        var definition = (await services.GetRequiredService<ICycleStore>().LoadAsync(data.CycleId, CancellationToken.None))!;
        Step("load the cycle definition");
        // As `import scores` does: read once as it streams in (checked, hashed, copied), then one transaction with one batch entry.
        using (var scores = ScoresFile.Read(services.GetRequiredService<ImportFiles>(), File.OpenRead(data.ScoresFile), "scores.csv", definition))
        {
            Valid(scores.Rows);
            Step("read, check and copy scores.csv");
            await services.GetRequiredService<ScoreImporter>().ImportAsync(data.CycleId, scores, "bench", "bench");
            Step("import scores (one transaction)");
        }

        var grains = services.GetRequiredService<IGrainFactory>();
        // A few activations at a time: each reads the database, and SQLite's reads block a thread, so
        // starting all of them at once would only starve the thread pool.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 2 * Environment.ProcessorCount };
        await Parallel.ForEachAsync(definition.Cycle.Groups, parallel, async (g, _) =>
            await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(data.CycleId, g.AssessorCode, g.Code)).GetSummaryAsync());
        Step("activate every ranking grain");
        await Parallel.ForEachAsync(RollUpUnits(definition), parallel, async (u, _) =>
            await grains.GetGrain<IUnitGrain>(GrainKeys.Unit(data.CycleId, u)).GetRollUpAsync());
        Step("activate every roll-up (unit grains)");

        total.Stop();
        return (host, definition, new ColdLoadResult(total.Elapsed.TotalSeconds, Machine.PeakRssMb(), steps, (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds));
    }

    /// <summary>Every unit that assesses a group, and every unit above one.</summary>
    public static IReadOnlyList<string> RollUpUnits(CycleDefinition cycle)
    {
        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in cycle.Cycle.Groups)
            for (string? u = group.AssessorCode; u is not null && units.Add(u); u = cycle.ParentOf(u)) { }
        return units.Order(StringComparer.Ordinal).ToList();
    }

    private static T Valid<T>(ReadResult<T> read) where T : class =>
        read.IsValid ? read.Value : throw new InvalidDataException(string.Join(Environment.NewLine, read.Problems.Take(10)));
}
