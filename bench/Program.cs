using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ParIndex.Bench;
using ParIndex.Bench.Generator;
using ParIndex.Bench.Phases;
using ParIndex.Bench.Support;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

var national = options.Scale == "national";
var work = Path.GetFullPath(options.Work ?? Path.Combine(Path.GetTempPath(), "parindex-bench", options.Scale));
Directory.CreateDirectory(work);
var database = Path.Combine(work, "parindex.db");
foreach (var file in new[] { database, database + "-wal", database + "-shm" }) File.Delete(file);

Log($"ParIndex benchmark, scale {options.Scale}{(national ? "" : $" (province {options.Province})")}, seed {options.Seed}");
Log($"Machine: {Machine.Describe()}");
Log($"Units: {options.Units}");
Log($"Work folder: {work}");

var generation = Stopwatch.StartNew();
var data = BenchData.Generate(options.Units, work, national ? null : options.Province, options.Seed);
Log($"Generated in {generation.Elapsed.TotalSeconds:0.0} s: {data.Provinces} provinces, {data.Districts} districts, {data.Communes} communes, " +
    $"{data.Units:N0} units, {data.Groups:N0} groups, {data.Scorecards:N0} scorecards, {data.ItemValues:N0} item values");

if (options.CsvParsers)
{
    foreach (var f in CsvParsers.Run(Path.Combine(work, "scores.csv"), 5))
        Log($"   {f.Parser}: {f.MedianMs:0} ms, {f.AllocatedMb:0} MiB allocated ({f.Records:N0} records, {f.Characters:N0} characters)");
    return 0;
}

// Everything from here on counts towards peak memory: the generator's is not the product's.
GC.Collect(2, GCCollectionMode.Aggressive, true, true);
var peakReset = Machine.ResetPeak();
Log(peakReset ? "Peak RSS reset (clear_refs)" : "Could not reset peak RSS: it includes the generator");

Log("1. Cold load…");
var (host, cycle, cold) = await ColdLoad.RunAsync(data, database, options.WebRoot);
await using var hostLifetime = host;
foreach (var (step, seconds, cpu) in cold.Steps) Log($"   {seconds,7:0.000} s  (CPU {cpu,7:0.000} s)  {step}");
Log($"   cold load {cold.Seconds:0.00} s (CPU {cold.CpuSeconds:0.00} s on {Environment.ProcessorCount} cores), peak RSS {cold.PeakRssMb:0} MiB");

if (options.StopAfter == "cold") return 0;
var grains = host.Services.GetRequiredService<IGrainFactory>();
// The import's garbage (the parsed file, its entries) is not the hot set: collect it, and measure the
// hot set's peak from here on. The cold load's own peak is reported above.
GC.Collect(2, GCCollectionMode.Aggressive, true, true);
Machine.ResetPeak();
Log($"   after the import's garbage is collected: RSS {Machine.RssMb():0} MiB");
var hotSet = Stopwatch.StartNew();
var inputs = await Recompute.GatherAsync(grains, cycle); // activates every scorecard grain: the whole hot set is in memory from here on
hotSet.Stop();
Log($"   every scorecard grain activated in {hotSet.Elapsed.TotalSeconds:0.00} s; {Machine.MemoryLine()}");

Log("2. Recompute…");
var recompute = Recompute.Run(cycle, inputs, database, options.RecomputeRuns);
inputs = null;
GC.Collect(2, GCCollectionMode.Forced, true, true); // the recompute's results and inputs are the benchmark's, not the hot set
Log($"   memory {recompute.Ms:0.0} ms (best {recompute.MinMs:0.0}), SQL {recompute.SqlMs:0.0} ms (best {recompute.SqlMinMs:0.0}), ratio {recompute.Ratio:0.0}× " +
    $"({recompute.Results:N0} results, {recompute.Groups:N0} rankings, {recompute.RollUps:N0} roll-ups; SQL rows {recompute.SqlRows:N0}, max |index difference| {recompute.MaxIndexDifference:0.###e0})");

if (options.StopAfter == "recompute") return 0;
Log($"   {Machine.MemoryLine()}");
Log("3. Propagation…");
var propagation = await Propagation.RunAsync(host, cycle, database, options.Changes, options.SqlSamples, options.Seed);
Log($"   p50 {propagation.P50Ms:0.000} ms, p99 {propagation.P99Ms:0.000} ms; SQL p50 {propagation.SqlP50Ms:0.00} ms, ratio {propagation.SqlBaselineRatio:0}× " +
    $"(whole write p50 {propagation.TotalP50Ms:0.00} / p99 {propagation.TotalP99Ms:0.00} ms, of which commit p50 {propagation.CommitP50Ms:0.00} / p99 {propagation.CommitP99Ms:0.00} ms)");
Log($"   one grain call p50 {propagation.GrainCallP50Ms * 1000:0.0} µs, to a grain at random after the threads were idle {propagation.IdleCallP50Ms * 1000:0.0} µs; " +
    $"a change passes {propagation.CallsPerChange:0.00} calls in turn (Orleans' floor {propagation.GrainCallP50Ms * propagation.CallsPerChange * 1000:0} µs, " +
    $"{propagation.IdleCallP50Ms * propagation.CallsPerChange * 1000:0} µs as a change meets them)");

Log($"   {Machine.MemoryLine()}");
if (options.StopAfter == "propagation") return 0;
Log($"4. Durable writes ({options.Writers} writers, {options.WriteSeconds} s)…");
var writes = await DurableWrites.RunAsync(host, cycle, database, options.Writers, TimeSpan.FromSeconds(options.WriteSeconds), options.Seed);
Log($"   {writes.PerSecond:N0} writes/s ({writes.Writes:N0} in {writes.Seconds:0.0} s, p50 {writes.P50Ms:0.0} ms, p99 {writes.P99Ms:0.0} ms, failed {writes.Failed}; " +
    $"audit rows added {writes.AuditRowsAdded:N0}; synchronous={writes.Synchronous}, journal_mode={writes.JournalMode})");
Log($"   group commit: {writes.Batches:N0} batches of {writes.MeanBatch:0.0} jobs on average, {writes.MeanWriteMs:0.00} ms writing and {writes.MeanCommitMs:0.00} ms committing each; " +
    $"{writes.DiskBytesPerWrite / 1024:0.0} KiB written to disk and {writes.CpuMicrosecondsPerWrite:0} µs of CPU per write, {writes.Batches / Math.Max(0.001, writes.Seconds):0} commits (fsyncs of the WAL) a second; " +
    $"GCs (gen0/1/2) {writes.Gen0}/{writes.Gen1}/{writes.Gen2} pausing {writes.GcPausedMs:0} ms in all, {writes.AllocatedBytesPerWrite / 1024:0.0} KiB allocated per write");

Log($"   {Machine.MemoryLine()}");
if (options.StopAfter == "writes") return 0;
Log($"5. HTTP ({options.Connections} connections, {options.HttpSeconds} s per target)…");
var group = cycle.Cycle.Groups.First(g => g.Code.StartsWith("so-", StringComparison.Ordinal));
// The public reads published results only (ResultsAccess): what it hits is a published ranking, so publish the measured group.
await host.Services.GetRequiredService<ParIndex.Silo.Workflow.PublicationService>().PublishAsync(cycle.Cycle.Id, group.Code,
    new ParIndex.Grains.Contracts.Decision("1/QĐ-BENCH", DateOnly.FromDateTime(DateTime.UtcNow), "bench"), "bench");
var http = await Http.RunAsync(host.Address,
    [("ranking API", $"/api/cycles/{cycle.Cycle.Id}/groups/{group.Code}/ranking"), ("ranking page", $"/cycles/{cycle.Cycle.Id}/groups/{group.Code}")],
    options.Connections, TimeSpan.FromSeconds(options.HttpSeconds), options.HttpTool);
foreach (var t in http.Targets)
    Log($"   {t.Name}: {t.RequestsPerSecond:N0} req/s, p50 {t.P50Ms:0.00} ms, p99 {t.P99Ms:0.00} ms ({t.Requests:N0} requests, {t.Errors} errors, {t.Tool})" +
        (t.AllocatedPerRequest is { } bytes ? $"; server allocated {bytes / 1024:0.0} KiB per request, {t.Collections} GCs pausing {t.GcPausedMs:0} ms in all" : ""));

var peak = Machine.PeakRssMb();
GC.Collect(2, GCCollectionMode.Forced, true, true);
var settled = Machine.RssMb();
Log($"6. Memory: peak RSS with the hot set loaded {peak:0} MiB; after a full GC {settled:0} MiB; managed heap {GC.GetTotalMemory(false) / 1048576.0:0} MiB");

if (Environment.GetEnvironmentVariable("BENCH_SMAPS") is not null)
    foreach (var mapping in Machine.TopMappings(12)) Log("   " + mapping);
{
    var info = GC.GetGCMemoryInfo();
    Log($"   GC committed {info.TotalCommittedBytes / 1048576.0:0} MiB, heap {info.HeapSizeBytes / 1048576.0:0} MiB, fragmented {info.FragmentedBytes / 1048576.0:0} MiB");
}

var report = new Report
{
    Scale = options.Scale,
    Scorecards = data.Scorecards,
    ItemValues = data.ItemValues,
    ColdLoad = new { seconds = Round(cold.Seconds, 2), peakRssMb = Round(cold.PeakRssMb, 0) },
    Recompute = new { ms = Round(recompute.Ms, 1), sqlMs = Round(recompute.SqlMs, 1), ratio = Round(recompute.Ratio, 1) },
    Propagation = new { p50Ms = Round(propagation.P50Ms, 3), p99Ms = Round(propagation.P99Ms, 3), sqlP50Ms = Round(propagation.SqlP50Ms, 2), sqlBaselineRatio = Round(propagation.SqlBaselineRatio, 0) },
    DurableWrites = new { perSecond = Round(writes.PerSecond, 0), writers = writes.Writers },
    Http = new { requestsPerSecond = Round(http.RequestsPerSecond, 0), p50Ms = Round(http.P50Ms, 2), p99Ms = Round(http.P99Ms, 2), connections = http.Connections },
    Memory = new { peakRssMb = Round(peak, 0) },
    Details = new
    {
        machine = Machine.Describe(),
        seed = options.Seed,
        province = national ? null : options.Province,
        generated = new { data.Provinces, data.Districts, data.Communes, data.Units, data.Groups },
        coldLoadSteps = cold.Steps.Select(s => new { step = s.Step, seconds = Round(s.Seconds, 3), cpuSeconds = Round(s.CpuSeconds, 3) }),
        coldLoadCpuSeconds = Round(cold.CpuSeconds, 2),
        hotSetActivationSeconds = Round(hotSet.Elapsed.TotalSeconds, 2),
        recompute = new { recompute.Results, rankings = recompute.Groups, recompute.RollUps, recompute.SqlRows, recompute.MaxIndexDifference, runs = options.RecomputeRuns, minMs = Round(recompute.MinMs, 1), sqlMinMs = Round(recompute.SqlMinMs, 1) },
        propagation = new
        {
            propagation.Changes, propagation.SqlSamples,
            writeP50Ms = Round(propagation.TotalP50Ms, 3), writeP99Ms = Round(propagation.TotalP99Ms, 3),
            commitP50Ms = Round(propagation.CommitP50Ms, 3), commitP99Ms = Round(propagation.CommitP99Ms, 3),
            grainCallP50Ms = Round(propagation.GrainCallP50Ms, 4), callsPerChange = Round(propagation.CallsPerChange, 2),
            idleCallP50Ms = Round(propagation.IdleCallP50Ms, 4),
        },
        durableWrites = new
        {
            writes.Writes, seconds = Round(writes.Seconds, 1), p50Ms = Round(writes.P50Ms, 2), p99Ms = Round(writes.P99Ms, 2), writes.Failed,
            writes.AuditRowsAdded, writes.Synchronous, writes.JournalMode,
            batches = writes.Batches, meanBatch = Round(writes.MeanBatch, 1), meanBatchWriteMs = Round(writes.MeanWriteMs, 2), meanBatchCommitMs = Round(writes.MeanCommitMs, 2),
            diskKiBPerWrite = Round(writes.DiskBytesPerWrite / 1024, 1), cpuMicrosecondsPerWrite = Round(writes.CpuMicrosecondsPerWrite, 0),
            gcs = new[] { writes.Gen0, writes.Gen1, writes.Gen2 }, gcPausedMs = Round(writes.GcPausedMs, 0),
            allocatedKiBPerWrite = Round(writes.AllocatedBytesPerWrite / 1024, 1),
        },
        http = http.Targets.Select(t => new { t.Name, t.Url, requestsPerSecond = Round(t.RequestsPerSecond, 0), p50Ms = Round(t.P50Ms, 2), p99Ms = Round(t.P99Ms, 2), t.Requests, t.Errors, t.Tool,
            allocatedPerRequest = t.AllocatedPerRequest is { } a ? Round(a, 0) : (double?)null, gcs = t.Collections, gcPausedMs = t.GcPausedMs is { } p ? Round(p, 1) : (double?)null }),
        memory = new { afterFullGcRssMb = Round(settled, 0), peakResetAfterGeneration = peakReset },
    },
};

Console.WriteLine();
Console.WriteLine(Table.Render(options.Scale, data, cold, recompute, propagation, writes, http, peak));
if (options.Json is { } json)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(json))!);
    await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }));
    Log($"JSON written to {Path.GetFullPath(json)}");
}
return 0;

static double Round(double value, int decimals) => double.IsFinite(value) ? Math.Round(value, decimals) : 0;

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
