using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace ParIndex.Web.Tests.Observability;

/// <summary>
/// Which requests are traced: without an exporter only those whose caller asks (a sampled traceparent), so that spans
/// nobody reads cost nothing; with an exporter or OTEL_TRACES_SAMPLER, OpenTelemetry's own choice.
/// </summary>
public class SamplingTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();

    private static SamplingDecision Decide(Sampler sampler, ActivityTraceFlags? parent)
    {
        var trace = ActivityTraceId.CreateRandom();
        var context = parent is { } flags ? new ActivityContext(trace, ActivitySpanId.CreateRandom(), flags, isRemote: true) : default;
        return sampler.ShouldSample(new SamplingParameters(context, trace, "GET /cycles/{cycle}/groups/{group}", ActivityKind.Server)).Decision;
    }

    [Fact]
    public void Without_an_exporter_only_a_request_whose_caller_asks_is_traced()
    {
        var sampler = Infrastructure.Observability.SamplerFor(Settings())!;
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, parent: null));
        Assert.Equal(SamplingDecision.Drop, Decide(sampler, ActivityTraceFlags.None));
        Assert.Equal(SamplingDecision.RecordAndSample, Decide(sampler, ActivityTraceFlags.Recorded));
    }

    [Fact]
    public void With_an_exporter_or_a_sampler_setting_OpenTelemetry_decides()
    {
        Assert.Null(Infrastructure.Observability.SamplerFor(Settings(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318"))));
        Assert.Null(Infrastructure.Observability.SamplerFor(Settings(("OTEL_TRACES_SAMPLER", "always_on"))));
    }
}
