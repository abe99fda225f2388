using System.Globalization;
using System.Text;
using ParIndex.Bench.Generator;
using ParIndex.Bench.Phases;

namespace ParIndex.Bench;

/// <summary>The JSON of issue 8, in its order, with the breakdowns under "details".</summary>
public sealed class Report
{
    public required string Scale { get; init; }
    public required int Scorecards { get; init; }
    public required long ItemValues { get; init; }
    public required object ColdLoad { get; init; }
    public required object Recompute { get; init; }
    public required object Propagation { get; init; }
    public required object DurableWrites { get; init; }
    public required object Http { get; init; }
    public required object Memory { get; init; }
    public required object Details { get; init; }
}

/// <summary>The table for people: each figure beside its target (the targets are national-scale ones).</summary>
public static class Table
{
    public static string Render(string scale, GeneratedData data, ColdLoadResult cold, RecomputeResult recompute, PropagationResult propagation,
        DurableWritesResult writes, HttpResult http, double peakRssMb)
    {
        var rows = new List<(string What, string Figure, string Target, bool Met)>
        {
            ("Cold load", $"{cold.Seconds:0.00} s (peak RSS {cold.PeakRssMb:0} MiB)", "≤ 10 s", cold.Seconds <= 10),
            ("Recompute, in memory", $"{recompute.Ms:0.0} ms", "≤ 100 ms", recompute.Ms <= 100),
            ("Recompute, one SQL statement", $"{recompute.SqlMs:0.0} ms ({recompute.Ratio:0.0}× the in-memory time)", "", true),
            ("Propagation p50 / p99", $"{propagation.P50Ms:0.000} / {propagation.P99Ms:0.000} ms", "p99 ≤ 2 ms", propagation.P99Ms <= 2),
            ("Propagation vs SQL (group ranking)", $"SQL p50 {propagation.SqlP50Ms:0.00} ms: {propagation.SqlBaselineRatio:0}× faster", "≥ 50×", propagation.SqlBaselineRatio >= 50),
            ($"Durable writes, {writes.Writers} writers", $"{writes.PerSecond:N0} /s (synchronous={writes.Synchronous}, {writes.JournalMode})", "≥ 20,000 /s", writes.PerSecond >= 20_000),
            ($"HTTP, {http.Connections} connections", $"{http.RequestsPerSecond:N0} req/s, p50 {http.P50Ms:0.00} ms, p99 {http.P99Ms:0.00} ms", "≥ 5,000 req/s, p99 ≤ 20 ms", http.RequestsPerSecond >= 5000 && http.P99Ms <= 20),
            ("Peak memory (hot set loaded)", $"{peakRssMb:0} MiB", "≤ 1.5 GB", peakRssMb * 1048576 <= 1.5e9),
        };
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"ParIndex benchmark — scale {scale}: {data.Scorecards:N0} scorecards, {data.ItemValues:N0} item values, {data.Groups:N0} groups");
        int w1 = rows.Max(r => r.What.Length), w2 = rows.Max(r => r.Figure.Length), w3 = rows.Max(r => r.Target.Length);
        var rule = $"+-{new string('-', w1)}-+-{new string('-', w2)}-+-{new string('-', w3)}-+------+";
        text.AppendLine(rule);
        text.AppendLine($"| {"measure".PadRight(w1)} | {"figure".PadRight(w2)} | {"target".PadRight(w3)} | met  |");
        text.AppendLine(rule);
        foreach (var (what, figure, target, met) in rows)
            text.AppendLine($"| {what.PadRight(w1)} | {figure.PadRight(w2)} | {target.PadRight(w3)} | {(target.Length == 0 ? "    " : met ? "yes " : "NO  ")} |");
        text.AppendLine(rule);
        foreach (var t in http.Targets)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {t.Name}: {t.RequestsPerSecond:N0} req/s, p50 {t.P50Ms:0.00} ms, p99 {t.P99Ms:0.00} ms ({t.Tool})");
        return text.ToString();
    }
}
