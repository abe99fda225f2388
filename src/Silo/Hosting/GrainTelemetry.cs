using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ParIndex.Silo.Hosting;

/// <summary>
/// Traces and metrics of grain calls. The names are public so that the web host can subscribe
/// (<c>AddSource(GrainTelemetry.SourceName)</c>, <c>AddMeter(GrainTelemetry.MeterName)</c>).
/// </summary>
public sealed class GrainTelemetry
{
    public const string SourceName = "ParIndex.Grains";
    public const string MeterName = "ParIndex.Grains";
    public const string CallsCounterName = "parindex.grain.calls";
    public const string CallDurationName = "parindex.grain.call.duration";
    public const string ActivationsName = "parindex.grain.activations";

    // An ActivitySource has no factory; it costs nothing while nobody listens.
    internal static readonly ActivitySource Source = new(SourceName);

    // Latency targets are in single milliseconds, so the default OpenTelemetry buckets (0, 5, 10, 25 ms...)
    // would put every call in one bucket.
    private static readonly InstrumentAdvice<double> DurationBuckets = new()
    {
        HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 5000],
    };

    private readonly Counter<long> _calls;
    private readonly Histogram<double> _duration;
    private readonly UpDownCounter<long> _activations;

    // The meter comes from IMeterFactory so that each service provider (each test) has its own.
    internal GrainTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _calls = meter.CreateCounter<long>(CallsCounterName, "{call}", "Grain calls, by outcome.");
        _duration = meter.CreateHistogram(CallDurationName, "ms", "Time from a call's start in the mailbox to its completion.", advice: DurationBuckets);
        _activations = meter.CreateUpDownCounter<long>(ActivationsName, "{activation}", "Grain activations in memory.");
    }

    /// <summary>Starts the span of one call; the parent is the caller's span, captured when the call was made.</summary>
    internal static Activity? StartCall(GrainMethod method, string key, ActivityContext parent)
    {
        var activity = Source.StartActivity(method.ActivityName, ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("grain.type", method.GrainTypeName);
            activity.SetTag("grain.key", key);
        }
        return activity;
    }

    internal void EndCall(GrainMethod method, Activity? activity, long startTimestamp, Exception? error)
    {
        if (activity is not null)
        {
            if (error is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
                activity.AddException(error);
            }
            activity.Dispose();
        }

        var tags = new TagList
        {
            { "grain.type", method.GrainTypeName },
            { "method", method.Name },
            { "outcome", error is null ? "ok" : "error" },
        };
        _calls.Add(1, tags);
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds, tags);
    }

    internal void ActivationChanged(string grainTypeName, int delta) =>
        _activations.Add(delta, new KeyValuePair<string, object?>("grain.type", grainTypeName));
}
