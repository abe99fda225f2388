using System.Diagnostics;
using System.Text.Json;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Observability;

/// <summary>Serilog: structured JSON lines in rolling files, one per request, with trace and span ids, at the levels configured.</summary>
public class LoggingTests
{
    [Fact]
    public Task Each_request_is_one_structured_json_line_carrying_its_trace_and_span_ids() => OwnDemoApp.RunAsync(async app =>
    {
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cycles/par-2020-06/units/06-SCT");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        (await (await app.ProvinceAsync()).SendAsync(request)).EnsureSuccessStatusCode();

        var line = (await TelemetryTests.Eventually(() => Lines(app).Where(l => l.TryGetProperty("TraceId", out var t) && t.GetString() == trace.ToString()
            && l.GetProperty("Properties").TryGetProperty("StatusCode", out _)).Select(l => (object)l).FirstOrDefault()) as JsonElement?)!.Value;
        var properties = line.GetProperty("Properties");
        Assert.Equal("Information", line.GetProperty("Level").GetString());
        Assert.Equal("/api/cycles/par-2020-06/units/06-SCT", properties.GetProperty("RequestPath").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.Equal("/api/cycles/{cycle}/units/{unit}", properties.GetProperty("Route").GetString());
        Assert.Matches("^[0-9a-f]{16}$", line.GetProperty("SpanId").GetString());
        Assert.StartsWith("HTTP GET /api/cycles/par-2020-06/units/06-SCT responded 200 in ", line.GetProperty("RenderedMessage").GetString());
        Assert.True(properties.TryGetProperty("MachineName", out _));
        Assert.True(properties.TryGetProperty("Node", out _));
        Assert.Matches(@"parindex-\d{8}\.json$", Directory.GetFiles(app.LogFolder).Single()); // one file a day
    });

    [Fact]
    public Task Levels_come_from_configuration() => OwnDemoApp.RunAsync(async demo =>
    {
        await using var app = demo.WithWebHostBuilder(b =>
        {
            b.UseSetting("Serilog:MinimumLevel:Default", "Debug");
            b.UseSetting("Serilog:MinimumLevel:Override:ParIndex.Web.Infrastructure.RequestTelemetry", "Warning");
            b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        });
        var client = (await app.ProvinceAsync());
        (await client.GetAsync("/api/cycles")).EnsureSuccessStatusCode();
        (await client.GetAsync("/readyz")).EnsureSuccessStatusCode();
        // A signal, not a pause: ASP.NET Core logs "Request finished" once a request's whole pipeline has run, our request
        // logging included; after that line for the last request, a request line that was going to be written is written.
        var lines = await TelemetryTests.Eventually(() => Lines(demo) is var all && all.Any(l =>
            l.GetProperty("Properties").GetProperty("SourceContext").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && l.GetProperty("RenderedMessage").GetString()!.StartsWith("Request finished", StringComparison.Ordinal)
            && l.GetProperty("RenderedMessage").GetString()!.Contains("/readyz", StringComparison.Ordinal)) ? all : null);
        Assert.Contains(lines, l => l.GetProperty("Level").GetString() == "Debug"); // the default is now Debug…
        Assert.DoesNotContain(lines, l => l.GetProperty("Properties").GetProperty("SourceContext").GetString() == "ParIndex.Web.Infrastructure.RequestTelemetry"); // …but request lines only from Warning up
    });

    private static List<JsonElement> Lines(DemoApp app) => LogLines.Read(app);
}
