using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Hosting;

namespace ParIndex.Silo.Tests.Hosting;

public sealed class GrainTelemetryTests
{
    [Fact]
    public async Task Every_call_is_a_span_named_after_interface_and_method_with_type_and_key_tags()
    {
        var key = UniqueKey();
        using var spans = new SpanRecorder(key);
        await using var test = new TestHost();

        await test.Grain<ICounterGrain>(key).Increment();
        await test.Grain<ICounterGrain>(key).GetCount();

        Assert.Collection(spans.Stopped,
            span =>
            {
                Assert.Equal("ICounterGrain/Increment", span.DisplayName);
                Assert.Equal(GrainTelemetry.SourceName, span.Source.Name);
                Assert.Equal("ICounterGrain", span.GetTagItem("grain.type"));
                Assert.Equal(key, span.GetTagItem("grain.key"));
                Assert.Equal(ActivityStatusCode.Unset, span.Status);
            },
            span => Assert.Equal("ICounterGrain/GetCount", span.DisplayName));
    }

    [Fact]
    public async Task A_failed_call_is_a_span_with_error_status()
    {
        var key = UniqueKey();
        using var spans = new SpanRecorder(key);
        await using var test = new TestHost();

        await Assert.ThrowsAsync<InvalidOperationException>(() => test.Grain<IFaultyGrain>(key).FailAsync());

        var span = Assert.Single(spans.Stopped);
        Assert.Equal("IFaultyGrain/FailAsync", span.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("boom", span.StatusDescription);
    }

    [Fact]
    public async Task The_span_of_a_call_from_a_grain_is_a_child_of_the_callers_span()
    {
        var key = UniqueKey();
        using var spans = new SpanRecorder(key, alsoKeys: [key + "-b", key + "-c"]);
        await using var test = new TestHost();
        using var request = new Activity("request").Start();

        await test.Grain<IChainGrain>(key).Relay([key + "-b", key + "-c"]).WaitAsync(GrainProbe.Guard);

        var a = spans.Stopped.Single(s => (string?)s.GetTagItem("grain.key") == key);
        var b = spans.Stopped.Single(s => (string?)s.GetTagItem("grain.key") == key + "-b");
        var c = spans.Stopped.Single(s => (string?)s.GetTagItem("grain.key") == key + "-c");
        Assert.Equal(request.SpanId, a.ParentSpanId);
        Assert.Equal(a.SpanId, b.ParentSpanId);
        Assert.Equal(b.SpanId, c.ParentSpanId);
        Assert.Equal(request.TraceId, c.TraceId);
    }

    [Fact]
    public async Task Calls_their_durations_and_activations_are_measured()
    {
        await using var test = new TestHost();
        using var metrics = new MetricRecorder(test.Services.GetRequiredService<IMeterFactory>());
        var grain = test.Grain<IFaultyGrain>("m");

        await grain.CountCalls();
        await grain.CountCalls();
        await Assert.ThrowsAsync<InvalidOperationException>(() => grain.FailAsync());
        Assert.Equal(1, metrics.Sum(GrainTelemetry.ActivationsName, ("grain.type", "IFaultyGrain")));
        await test.Host.DeactivateAllAsync();

        Assert.Equal(2, metrics.Sum(GrainTelemetry.CallsCounterName, ("grain.type", "IFaultyGrain"), ("method", "CountCalls"), ("outcome", "ok")));
        Assert.Equal(1, metrics.Sum(GrainTelemetry.CallsCounterName, ("grain.type", "IFaultyGrain"), ("method", "FailAsync"), ("outcome", "error")));
        Assert.Equal(0, metrics.Sum(GrainTelemetry.CallsCounterName, ("outcome", "error"), ("method", "CountCalls")));
        var durations = metrics.Values(GrainTelemetry.CallDurationName, ("grain.type", "IFaultyGrain"));
        Assert.Equal(3, durations.Count);
        Assert.All(durations, ms => Assert.True(ms >= 0));
        Assert.Equal(0, metrics.Sum(GrainTelemetry.ActivationsName, ("grain.type", "IFaultyGrain")));
    }

    private static string UniqueKey() => Guid.NewGuid().ToString("N");

    /// <summary>Records the grain spans of some keys (other tests run in parallel and make their own).</summary>
    private sealed class SpanRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<Activity> _stopped = new();

        public SpanRecorder(string key, string[]? alsoKeys = null)
        {
            var keys = new HashSet<string>(alsoKeys ?? []) { key };
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == GrainTelemetry.SourceName ,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("grain.key") is string k && keys.Contains(k)) _stopped.Enqueue(activity);
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyList<Activity> Stopped => [.. _stopped];

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>Records the measurements of the grain meter of one service provider.</summary>
    private sealed class MetricRecorder : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)> _measurements = new();

        public MetricRecorder(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GrainTelemetry.MeterName && ReferenceEquals(instrument.Meter.Scope, meters))
                    listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => _measurements.Enqueue((i.Name, value, tags.ToArray())));
            _listener.Start();
        }

        public List<double> Values(string instrument, params (string Key, string Value)[] tags) =>
            _measurements
                .Where(m => m.Instrument == instrument && tags.All(t => m.Tags.Any(mt => mt.Key == t.Key && Equals(mt.Value, t.Value))))
                .Select(m => m.Value)
                .ToList();

        public double Sum(string instrument, params (string Key, string Value)[] tags) => Values(instrument, tags).Sum();

        public void Dispose() => _listener.Dispose();
    }
}
