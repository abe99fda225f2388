using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace ParIndex.Web.Tests.Observability;

/// <summary>Keeps every finished span handed to it (the app adds it as an exporter through DI).</summary>
public sealed class SpanCapture : BaseExporter<Activity>
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    public override ExportResult Export(in Batch<Activity> batch)
    {
        foreach (var span in batch) Spans.Enqueue(span);
        return ExportResult.Success;
    }

    public IReadOnlyList<Activity> Of(ActivityTraceId trace) => Spans.Where(s => s.TraceId == trace).ToList();
}

/// <summary>One point of a metric as collected: its tags and its value (a sum, or a histogram's count).</summary>
public sealed record MetricPoint(string Name, IReadOnlyDictionary<string, object?> Tags, double Value);

/// <summary>Copies the points of each collection (a Metric is only valid during Export).</summary>
public sealed class MetricCapture : BaseExporter<Metric>
{
    public ConcurrentQueue<MetricPoint> Points { get; } = new();

    public override ExportResult Export(in Batch<Metric> batch)
    {
        foreach (var metric in batch)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags) tags[tag.Key] = tag.Value;
                double value = metric.MetricType switch
                {
                    MetricType.LongSum or MetricType.LongSumNonMonotonic => point.GetSumLong(),
                    MetricType.DoubleSum or MetricType.DoubleSumNonMonotonic => point.GetSumDouble(),
                    MetricType.Histogram or MetricType.ExponentialHistogram => point.GetHistogramCount(),
                    MetricType.LongGauge => point.GetGaugeLastValueLong(),
                    MetricType.DoubleGauge => point.GetGaugeLastValueDouble(),
                    _ => double.NaN,
                };
                Points.Enqueue(new MetricPoint(metric.Name, tags, value));
            }
        }
        return ExportResult.Success;
    }
}
