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

        var line = (await TelemetryTests.Eventually(() => Lines(app).Where(l => l.Text("@tr") == trace.ToString()
            && l.TryGetProperty("StatusCode", out _)).Select(l => (object)l).FirstOrDefault()) as JsonElement?)!.Value;
        Assert.Equal("Information", line.Level());
        Assert.Equal("/api/cycles/par-2020-06/units/06-SCT", line.Text("RequestPath"));
        Assert.Equal(200, line.GetProperty("StatusCode").GetInt32());
        Assert.Equal("/api/cycles/{cycle}/units/{unit}", line.Text("Route"));
        Assert.Matches("^[0-9a-f]{16}$", line.Text("@sp"));
        Assert.StartsWith("HTTP GET /api/cycles/par-2020-06/units/06-SCT responded 200 in ", line.Message());
        Assert.True(line.TryGetProperty("MachineName", out _));
        Assert.True(line.TryGetProperty("Node", out _));
        Assert.Matches(@"parindex-\d{8}\.json$", Directory.GetFiles(app.LogFolder).Single()); // one file a day
    });

    [Fact]
    public Task Levels_come_from_configuration() => OwnDemoApp.RunAsync(async demo =>
    {
        await using var app = demo.WithWebHostBuilder(b =>
        {
            b.UseSetting("Serilog:MinimumLevel:Default", "Debug");
            b.UseSetting("Serilog:MinimumLevel:Override:" + RequestLogging, "Warning");
            b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Hosting.Diagnostics", "Information");
        });
        var client = (await app.ProvinceAsync());
        (await client.GetAsync("/api/cycles")).EnsureSuccessStatusCode();
        (await client.GetAsync("/readyz")).EnsureSuccessStatusCode();
        // A signal, not a pause: ASP.NET Core logs "Request finished" once a request's whole pipeline has run, our request
        // logging included; after that line for the last request, a request line that was going to be written is written.
        var lines = await TelemetryTests.Eventually(() => Lines(demo) is var all && all.Any(l =>
            l.Text("SourceContext") == "Microsoft.AspNetCore.Hosting.Diagnostics"
            && l.Message().StartsWith("Request finished", StringComparison.Ordinal) && l.Message().Contains("/readyz", StringComparison.Ordinal)) ? all : null);
        Assert.Contains(lines, l => l.Level() == "Debug"); // the default is now Debug…
        Assert.DoesNotContain(lines, l => l.Text("SourceContext") == RequestLogging); // …but request lines only from Warning up
    });

    private const string RequestLogging = "Serilog.AspNetCore.RequestLoggingMiddleware";

    private static List<JsonElement> Lines(DemoApp app) => LogLines.Read(app);
}
