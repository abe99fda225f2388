using ParIndex.Web.Tests.Support;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using ParIndex.Silo.Persistence;
using ParIndex.Web.Tests.Api;

namespace ParIndex.Web.Tests.Observability;

/// <summary>
/// A request that writes a score, seen through OpenTelemetry: the server span, the grain calls and the
/// database commands in one trace, and the HTTP, grain and score-write metrics.
/// </summary>
public class TelemetryTests
{
    private const string Route = "/api/cycles/{cycle}/units/{unit}/scores";

    [Fact]
    public Task A_request_that_writes_a_score_is_one_trace_of_server_grain_and_database_spans_with_its_metrics() => OwnDemoApp.RunUnpublishedAsync(async demo =>
    {
        var spans = new Exported();
        await using var app = demo.WithWebHostBuilder(b => b.ConfigureTestServices(spans.AddTo));
        var client = (await app.ProvinceAsync());

        // Our own trace id, so that spans of other tests running at the same time are left out.
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cycles/par-2020-06/units/06-SCT/scores")
        {
            Content = JsonContent.Create(new[] { new { item = "1.1.1", kind = "appraised", value = 0.5m, note = "Thẩm định lại" } }),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        // The server span ends just after the response is sent.
        var server = await Eventually(() => spans.Of(trace).SingleOrDefault(s => s.Source.Name == "Microsoft.AspNetCore"));
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal("POST " + Route, server.DisplayName);
        Assert.Equal(Route, server.GetTagItem("http.route"));
        Assert.Equal(200, server.GetTagItem("http.response.status_code"));

        var inTrace = spans.Of(trace);
        var byId = inTrace.ToDictionary(s => s.SpanId);
        bool Under(Activity span, Activity ancestor)
        {
            for (var parent = span.ParentSpanId; byId.TryGetValue(parent, out var p); parent = p.ParentSpanId)
                if (p == ancestor) return true;
            return false;
        }

        // Orleans traces each grain call twice: the caller's client span and the grain's server span under it.
        var write = inTrace.Single(s => s.Source.Name == Infrastructure.Observability.OrleansApplicationSource
            && s.DisplayName == "IScorecardGrain/SetValuesAsync" && s.Kind == ActivityKind.Server);
        Assert.EndsWith("par-2020-06/06-SCT", (string)write.GetTagItem("orleans.rpc.target_id")!);
        Assert.True(Under(write, server));
        var rerank = inTrace.Single(s => s.DisplayName == "IRankingGrain/ResultChangedAsync" && s.Kind == ActivityKind.Server);
        Assert.True(Under(rerank, write)); // the ranking is told by the scorecard, within the same request

        var database = inTrace.Where(s => s.Source.Name == DatabaseTelemetry.SourceName).ToList();
        var update = Assert.Single(database, s => Under(s, write) && (string?)s.GetTagItem("db.operation.name") == "UPDATE" && ((string)s.GetTagItem("db.query.text")!).Contains("scorecards"));
        Assert.Equal(ActivityKind.Client, update.Kind);
        Assert.Equal("sqlite", update.GetTagItem("db.system.name"));

        await Eventually(() =>
        {
            var points = spans.Points(app.Services);
            var http = points.Any(p => p.Name == "http.server.request.duration" && Equals(p.Tags.GetValueOrDefault("http.route"), Route)
                && Equals(p.Tags.GetValueOrDefault("http.request.method"), "POST") && p.Value >= 1);
            // Orleans' own instruments: the latency of grain calls, and live activations by grain type.
            var calls = points.Any(p => p.Name == "orleans-app-requests-latency" && p.Value >= 1);
            var activations = points.Any(p => p.Name == "orleans-catalog-activations" && Equals(p.Tags.GetValueOrDefault("grain_type"), "scorecard") && p.Value >= 1);
            var writes = points.Any(p => p.Name == ScoreTelemetry.WritesName && Equals(p.Tags.GetValueOrDefault("path"), "grain")
                && Equals(p.Tags.GetValueOrDefault("origin"), "api") && p.Value >= 1);
            return http && calls && activations && writes ? "all" : null;
        });
    });

    [Fact]
    public Task A_query_that_EF_Core_runs_is_a_span_of_the_request_that_asked_for_it() => OwnDemoApp.RunAsync(async demo =>
    {
        var spans = new Exported();
        await using var app = demo.WithWebHostBuilder(b => b.ConfigureTestServices(spans.AddTo));
        // An anonymous reader of the list of published groups: the page reads the decisions from the database (an EF Core
        // query; what the grains hold, such as a ranking, is read without one).
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/cong-bo");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().SendAsync(request)).StatusCode);

        var server = await Eventually(() => spans.Of(trace).SingleOrDefault(s => s.Source.Name == "Microsoft.AspNetCore"));
        var query = Assert.Single(spans.Of(trace), s => s.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore"
            && s.TagObjects.Any(t => t.Value is string text && text.Contains("publications", StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(ActivityKind.Client, query.Kind);
        Assert.Equal(server.TraceId, query.TraceId);
    });

    /// <summary>
    /// Waits for what is recorded just after the response (spans, request metrics, log lines): it returns as soon as the
    /// probe sees it; the 60 s bound only ends a test whose signal never comes, however busy the machine.
    /// </summary>
    internal static async Task<T> Eventually<T>(Func<T?> probe) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (probe() is { } found) return found;
            if (DateTime.UtcNow > until) throw new Xunit.Sdk.XunitException("Not seen within 60 s.");
            await Task.Delay(50);
        }
    }
}
