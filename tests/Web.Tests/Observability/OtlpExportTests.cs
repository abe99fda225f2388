using ParIndex.Web.Tests.Support;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ParIndex.Web.Tests.Api;

namespace ParIndex.Web.Tests.Observability;

/// <summary>With OTEL_EXPORTER_OTLP_ENDPOINT set, traces and metrics go out over OTLP (here to a receiver on 127.0.0.1).</summary>
public class OtlpExportTests
{
    [Fact]
    public Task Traces_and_metrics_are_posted_to_the_configured_OTLP_endpoint() => OwnDemoApp.RunAsync(async demo =>
    {
        using var receiver = new FakeOtlpReceiver();
        await using var app = demo.WithWebHostBuilder(b =>
        {
            b.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.Endpoint);
            b.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        });
        (await (await app.ReaderAsync()).GetAsync("/api/cycles")).EnsureSuccessStatusCode();

        var traces = app.Services.GetRequiredService<TracerProvider>();
        var metrics = app.Services.GetRequiredService<MeterProvider>();
        await TelemetryTests.Eventually(() => { traces.ForceFlush(1000); return receiver.Received.Contains(("/v1/traces", "application/x-protobuf")) ? "yes" : null; });
        await TelemetryTests.Eventually(() => { metrics.ForceFlush(1000); return receiver.Received.Contains(("/v1/metrics", "application/x-protobuf")) ? "yes" : null; });
    });

    /// <summary>
    /// Answers 200 to every POST and notes its path and content type. An HttpListener, not an ASP.NET Core
    /// app: the app's own server spans would be exported to it, and again, without end.
    /// </summary>
    private sealed class FakeOtlpReceiver : IDisposable
    {
        private readonly HttpListener _listener = new();

        public FakeOtlpReceiver()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Endpoint = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Endpoint { get; }

        public ConcurrentBag<(string Path, string? ContentType)> Received { get; } = [];

        private async Task LoopAsync()
        {
            while (_listener.IsListening)
            {
                try
                {
                    var context = await _listener.GetContextAsync();
                    await context.Request.InputStream.CopyToAsync(Stream.Null);
                    Received.Add((context.Request.Url!.AbsolutePath, context.Request.ContentType));
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception) when (!_listener.IsListening) { return; }
                catch (HttpListenerException) { }
            }
        }

        public void Dispose() => _listener.Close();
    }
}
