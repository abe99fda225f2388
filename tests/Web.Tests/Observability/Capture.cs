using System.Diagnostics;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ParIndex.Web.Tests.Observability;

/// <summary>
/// What a test app exported, through OpenTelemetry's in-memory exporters: the finished spans, and the metric points
/// of each collection (snapshots, since a Metric is only valid during its export).
/// </summary>
public sealed class Exported
{
    private readonly Locked<Activity> _spans = new();
    private readonly Locked<MetricSnapshot> _metrics = new();

    /// <summary>Adds both exporters to the app's OpenTelemetry providers.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
        services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
    }

    public IReadOnlyList<Activity> Of(ActivityTraceId trace) => _spans.Snapshot().Where(s => s.TraceId == trace).ToList();

    /// <summary>Collects the app's metrics now, and gives every point collected so far: its tags and its value (a sum, or a histogram's count).</summary>
    public IReadOnlyList<MetricPoint> Points(IServiceProvider app)
    {
        app.GetRequiredService<MeterProvider>().ForceFlush();
        return _metrics.Snapshot().SelectMany(m => m.MetricPoints.Select(p => new MetricPoint(m.Name, Tags(p), Value(m.MetricType, p)))).ToList();
    }

    private static Dictionary<string, object?> Tags(OpenTelemetry.Metrics.MetricPoint point)
    {
        var tags = new Dictionary<string, object?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
        return tags;
    }

    private static double Value(MetricType type, OpenTelemetry.Metrics.MetricPoint point) => type switch
    {
        MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
        MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
        MetricType.Histogram or MetricType.ExponentialHistogram => point.GetHistogramCount(),
        MetricType.LongGauge => point.GetGaugeLastValueLong(),
        MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
        _ => double.NaN,
    };

    /// <summary>The in-memory exporters add from whichever thread ends a span or collects: a list behind a lock.</summary>
    private sealed class Locked<T> : System.Collections.ObjectModel.Collection<T>
    {
        protected override void InsertItem(int index, T item) { lock (this) base.InsertItem(index, item); }

        public List<T> Snapshot() { lock (this) return [.. this]; }
    }
}

/// <summary>One point of a metric as collected.</summary>
public sealed record MetricPoint(string Name, IReadOnlyDictionary<string, object?> Tags, double Value);
