using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// Metrics of what is written: score values (through a grain or an import), imports and their
/// duration, stale-version conflicts, and change notifications between nodes. The web host
/// subscribes with <c>AddMeter(ScoreTelemetry.MeterName)</c>.
/// </summary>
public sealed class ScoreTelemetry
{
    public const string MeterName = "ParIndex.Scores";
    public const string WritesName = "parindex.score.writes";
    public const string ImportsName = "parindex.score.imports";
    public const string ImportDurationName = "parindex.score.import.duration";
    public const string ConflictsName = "parindex.scorecard.conflicts";

    private readonly Counter<long> _writes;
    private readonly Counter<long> _imports;
    private readonly Histogram<double> _importDuration;
    private readonly Counter<long> _conflicts;

    // From IMeterFactory, so that each service provider (each node in a test) has its own meter.
    public ScoreTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _writes = meter.CreateCounter<long>(WritesName, "{value}", "Score values written, by path (grain or import) and origin (web, cli, demo…).");
        _imports = meter.CreateCounter<long>(ImportsName, "{import}", "Score imports, by outcome.");
        _importDuration = meter.CreateHistogram<double>(ImportDurationName, "s", "Time to validate and commit one scores file.");
        _conflicts = meter.CreateCounter<long>(ConflictsName, "{conflict}", "Scorecard writes refused because another writer changed the scorecard first (stale ETag).");
    }

    internal void Written(int values, string path, string origin) =>
        _writes.Add(values, new TagList { { "path", path }, { "origin", origin } });

    internal void Imported(string outcome, long startTimestamp)
    {
        var tags = new TagList { { "outcome", outcome } };
        _imports.Add(1, tags);
        _importDuration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, tags);
    }

    internal void Conflict() => _conflicts.Add(1);
}
