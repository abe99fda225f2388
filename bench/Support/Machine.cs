using System.Runtime;
using System.Runtime.InteropServices;

namespace ParIndex.Bench.Support;

/// <summary>The machine a run came from, and the process's resident memory (Linux /proc).</summary>
public static class Machine
{
    /// <summary>Peak resident set (VmHWM) in MiB since the process started or since <see cref="ResetPeak"/>.</summary>
    public static double PeakRssMb() => StatusKb("VmHWM:") / 1024.0;

    /// <summary>Resident set now (VmRSS) in MiB.</summary>
    public static double RssMb() => StatusKb("VmRSS:") / 1024.0;

    /// <summary>RSS, its peak, and how much of it the GC has committed (the rest is native: SQLite, the runtime).</summary>
    public static string MemoryLine()
    {
        var gc = GC.GetGCMemoryInfo();
        return $"RSS {RssMb():0} MiB (peak {PeakRssMb():0}), GC heap {gc.HeapSizeBytes / 1048576.0:0} MiB, GC committed {gc.TotalCommittedBytes / 1048576.0:0} MiB";
    }

    /// <summary>Resident memory by mapping (from /proc/self/smaps), largest first: where the non-GC part lives.</summary>
    public static IEnumerable<string> TopMappings(int count)
    {
        var sizes = new Dictionary<string, long>();
        string name = "";
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length >= 5 && parts[0].Contains('-') && !parts[0].EndsWith(':'))
                name = parts.Length >= 6 ? parts[5] : "[anon]";
            else if (parts[0] == "Rss:")
                sizes[name] = sizes.GetValueOrDefault(name) + long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return sizes.OrderByDescending(s => s.Value).Take(count).Select(s => $"{s.Value / 1024.0,8:0} MiB  {s.Key}");
    }

    /// <summary>Bytes this process has caused to be written to storage (write_bytes of /proc/self/io); 0 where there is none.</summary>
    public static long DiskWriteBytes()
    {
        if (!File.Exists("/proc/self/io")) return 0;
        foreach (var line in File.ReadLines("/proc/self/io"))
            if (line.StartsWith("write_bytes:", StringComparison.Ordinal)) return long.Parse(line["write_bytes:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        return 0;
    }

    /// <summary>Resets the peak (Linux ≥ 4.0: "5" to /proc/self/clear_refs); false if the kernel refused.</summary>
    public static bool ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static long StatusKb(string key)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(key, StringComparison.Ordinal))
                return long.Parse(line[key.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return 0;
    }

    public static string Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), " +
               $"{long.Parse(memKb, System.Globalization.CultureInfo.InvariantCulture) / 1024 / 1024.0:0.#} GiB, {RuntimeInformation.OSDescription.Trim()}, " +
               $".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }
}

/// <summary>Percentiles of a sample (nearest rank).</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return Percentile(sorted, 50);
    }

    public static double Ms(long stopwatchTicks) => stopwatchTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
