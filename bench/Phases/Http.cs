using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using ParIndex.Bench.Support;

namespace ParIndex.Bench.Phases;

public sealed record HttpTarget(string Name, string Url, double RequestsPerSecond, double P50Ms, double P99Ms, long Requests, long Errors, string Tool)
{
    /// <summary>With wrk (a separate process): bytes the server allocated per request, its GCs and their pauses over the run.</summary>
    public double? AllocatedPerRequest { get; init; }
    public int? Collections { get; init; }
    public double? GcPausedMs { get; init; }
}

public sealed record HttpResult(double RequestsPerSecond, double P50Ms, double P99Ms, int Connections, IReadOnlyList<HttpTarget> Targets);

/// <summary>
/// Phase 5: the ranking API and the ranking page served by Kestrel on loopback, under
/// <c>connections</c> concurrent keep-alive connections: Debian's wrk when installed (a separate process,
/// so the load generator costs less of the two cores), else the benchmark's own HttpClient loop.
/// The summary is the slower of the two targets.
/// </summary>
public static partial class Http
{
    public static async Task<HttpResult> RunAsync(string baseAddress, IReadOnlyList<(string Name, string Path)> targets, int connections, TimeSpan duration, string tool)
    {
        var useWrk = tool == "wrk" || (tool == "auto" && Wrk() is not null);
        var results = new List<HttpTarget>();
        foreach (var (name, path) in targets)
        {
            var url = baseAddress + path;
            using (var check = new HttpClient())
            {
                var response = await check.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}");
            }
            // Warm up (JIT, pools) for a couple of seconds, then measure.
            if (useWrk)
            {
                await RunWrkAsync(url, connections, TimeSpan.FromSeconds(2));
                // wrk runs in its own process: what this process allocates and pauses for is the server's.
                var (allocated, gcs, paused) = (GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());
                var measured = await RunWrkAsync(url, connections, duration);
                results.Add(measured with
                {
                    Name = name,
                    AllocatedPerRequest = (GC.GetTotalAllocatedBytes() - allocated) / (double)Math.Max(1, measured.Requests),
                    Collections = GC.CollectionCount(0) - gcs,
                    GcPausedMs = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds,
                });
            }
            else
            {
                await RunBuiltInAsync(url, connections, TimeSpan.FromSeconds(2));
                results.Add((await RunBuiltInAsync(url, connections, duration)) with { Name = name });
            }
        }
        var worst = results.MinBy(r => r.RequestsPerSecond)!;
        return new HttpResult(worst.RequestsPerSecond, results.Max(r => r.P50Ms), results.Max(r => r.P99Ms), connections, results);
    }

    private static string? Wrk() =>
        new[] { "/usr/bin/wrk", "/usr/local/bin/wrk" }.FirstOrDefault(File.Exists);

    private static async Task<HttpTarget> RunBuiltInAsync(string url, int connections, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var client = new HttpClient(handler);
        var uri = new Uri(url);
        long errors = 0;
        var latencies = new List<double>[connections];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = new List<double>(1 << 14);
            var buffer = new byte[1 << 16];
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
                await using (var body = await response.Content.ReadAsStreamAsync())
                    while (await body.ReadAsync(buffer) > 0) { }
                if (response.StatusCode != HttpStatusCode.OK) { Interlocked.Increment(ref errors); continue; }
                mine.Add(Stats.Ms(Stopwatch.GetTimestamp() - start));
            }
        })));
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new HttpTarget("", url, all.Count / clock.Elapsed.TotalSeconds, Stats.Percentile(all, 50), Stats.Percentile(all, 99), all.Count, errors, "built-in HttpClient");
    }

    private static async Task<HttpTarget> RunWrkAsync(string url, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Wrk() ?? "wrk")
        {
            ArgumentList = { "-t2", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "--latency", url },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk failed: {await process.StandardError.ReadToEndAsync()}");

        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(Requests().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new HttpTarget("", url, rps, Percentile(output, "50%"), Percentile(output, "99%"), requests, errors, "wrk -t2");
    }

    /// <summary>A line of wrk's latency distribution ("99%   12.34ms") in milliseconds.</summary>
    private static double Percentile(string output, string label)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(label)}\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();
}
