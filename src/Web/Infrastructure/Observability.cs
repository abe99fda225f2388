using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Logs, traces and metrics, wired in one place. Serilog.AspNetCore and the OpenTelemetry hosting and
/// instrumentation packages were not served by the registry when this was written, so this uses what they build on:
/// Serilog behind Microsoft.Extensions.Logging, ASP.NET Core's own activity source and meters, and an
/// OpenTelemetry SDK held by the container.
/// </summary>
public static class Observability
{
    /// <summary>Activity sources traced: requests, outgoing HTTP, Orleans' grain calls (ours and its own), database commands.</summary>
    public static readonly string[] Sources =
        ["Microsoft.AspNetCore", "System.Net.Http", OrleansApplicationSource, "Microsoft.Orleans.Runtime", DatabaseTelemetry.SourceName];

    /// <summary>The source of the spans of calls to our grains (Orleans' ActivitySources.ApplicationGrainActivitySourceName).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Orleans' meter: grain calls, activations, membership, messaging.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Meters read: HTTP server and client, the runtime, Orleans (grain calls, activations, membership), score writes and imports.</summary>
    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http", "System.Runtime",
        OrleansMeter, ScoreTelemetry.MeterName,
    ];

    public static WebApplicationBuilder AddParIndexObservability(this WebApplicationBuilder builder)
    {
        // Made here, before the silo, so that every log line and the telemetry resource name the node.
        var node = NodeIdentity.New();
        builder.Services.AddSingleton(node);
        builder.Logging.ClearProviders();
        // Serilog decides what is written ("Serilog:MinimumLevel" and its overrides); nothing is filtered before it.
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddSerilog(CreateLogger(builder.Configuration, builder.Environment, node), dispose: true);

        builder.Services.AddSingleton(sp => CreateTelemetry(sp, builder.Configuration));
        builder.Services.AddHostedService<TelemetryStart>();
        return builder;
    }

    /// <summary>One log line per request, and the server span named and tagged as OpenTelemetry expects.</summary>
    public static WebApplication UseParIndexRequestTelemetry(this WebApplication app)
    {
        app.UseMiddleware<RequestTelemetry>();
        return app;
    }

    /// <summary>
    /// Structured logs: on the console as text for people (`Logs:Console` = text, the default) or as JSON
    /// lines (json, as deploy/ sets it; none turns it off),
    /// and rolling JSON files in `Logs:Folder` (default logs/ beside the app; empty: none), one a day
    /// and at most 100 MB each, the last `Logs:RetainedFiles` (14) kept. Every line written during a
    /// request, a grain call or a database command carries its TraceId and SpanId.
    /// </summary>
    private static Serilog.ILogger CreateLogger(IConfiguration configuration, IHostEnvironment environment, NodeIdentity node)
    {
        var logs = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .ReadFrom.Configuration(SerilogSection(configuration)) // "Serilog": MinimumLevel, Override, Properties, Enrich, more WriteTo
            .Enrich.FromLogContext()
            .Enrich.With(new SecretPathEnricher())
            .Enrich.WithMachineName()
            .Enrich.WithProperty("Application", "ParIndex")
            .Enrich.WithProperty("Node", node.Id);

        switch ((configuration["Logs:Console"] ?? "text").ToLowerInvariant())
        {
            case "json": logs.WriteTo.Console(new JsonFormatter(renderMessage: true)); break;
            case "none": break;
            default: logs.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} <{SourceContext}> {TraceId} {SpanId}{NewLine}{Exception}"); break;
        }

        var folder = configuration["Logs:Folder"] ?? "logs";
        if (folder.Length > 0)
        {
            logs.WriteTo.File(new JsonFormatter(renderMessage: true), Path.Combine(Path.GetFullPath(folder, environment.ContentRootPath), "parindex-.json"),
                rollingInterval: RollingInterval.Day, rollOnFileSizeLimit: true, fileSizeLimitBytes: 100L * 1024 * 1024,
                retainedFileCountLimit: configuration.GetValue("Logs:RetainedFiles", 14));
        }
        return logs.CreateLogger();
    }

    /// <summary>
    /// The "Serilog" section without empty values: some configuration sources (the test host's settings)
    /// give a parent key such as Serilog:MinimumLevel an empty value, which Serilog reads as a level.
    /// </summary>
    private static IConfiguration SerilogSection(IConfiguration configuration) =>
        new ConfigurationBuilder().AddInMemoryCollection(configuration.GetSection("Serilog").AsEnumerable().Where(kv => !string.IsNullOrEmpty(kv.Value))).Build();

    /// <summary>
    /// Traces and metrics. Exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set (with
    /// OTEL_EXPORTER_OTLP_PROTOCOL grpc, the default, or http/protobuf); otherwise nothing leaves the
    /// process. Tests add their own exporter (a BaseExporter&lt;Activity&gt;) and MetricReader through DI.
    /// </summary>
    private static OpenTelemetrySdk CreateTelemetry(IServiceProvider services, IConfiguration configuration)
    {
        var endpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var http = string.Equals(configuration["OTEL_EXPORTER_OTLP_PROTOCOL"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        void Otlp(OtlpExporterOptions o, string signal)
        {
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            o.Endpoint = new Uri(http ? endpoint!.TrimEnd('/') + "/v1/" + signal : endpoint!);
        }

        return OpenTelemetrySdk.Create(otel =>
        {
            otel.ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "parindex",
                serviceInstanceId: services.GetRequiredService<NodeIdentity>().Id));
            otel.WithTracing(t =>
            {
                t.AddSource(Sources);
                foreach (var exporter in services.GetServices<BaseExporter<Activity>>()) t.AddProcessor(new SimpleActivityExportProcessor(exporter));
                if (!string.IsNullOrWhiteSpace(endpoint)) t.AddOtlpExporter(o => Otlp(o, "traces"));
            });
            otel.WithMetrics(m =>
            {
                m.AddMeter(Meters);
                foreach (var reader in services.GetServices<MetricReader>()) m.AddReader(reader);
                if (!string.IsNullOrWhiteSpace(endpoint)) m.AddOtlpExporter(o => Otlp(o, "metrics"));
            });
        });
    }

    /// <summary>Builds the SDK when the app starts (so that it listens from the first request), and flushes it at the end.</summary>
    private sealed class TelemetryStart(OpenTelemetrySdk sdk) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken)
        {
            sdk.TracerProvider.ForceFlush(2000);
            sdk.MeterProvider.ForceFlush(2000);
            return Task.CompletedTask;
        }
    }
}

/// <summary>
/// What Serilog.AspNetCore's request logging and the OpenTelemetry ASP.NET Core instrumentation would
/// add: one line per request (method, path, route, status, duration), and the tags of the server span
/// that ASP.NET Core starts without any.
/// </summary>
internal sealed class RequestTelemetry(RequestDelegate next, ILogger<RequestTelemetry> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        SecretPathEnricher.Request.Value = context;
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            // A survey link's path is its one-time code: written as the route template, never as typed.
            var path = SecretRouteAttribute.LoggablePath(context);
            if (Activity.Current is { Source.Name: "Microsoft.AspNetCore" } span)
            {
                span.DisplayName = $"{context.Request.Method} {route ?? path}";
                span.SetTag("http.request.method", context.Request.Method);
                span.SetTag("http.route", route);
                span.SetTag("url.path", path);
                span.SetTag("http.response.status_code", status);
                if (status >= 500) span.SetStatus(ActivityStatusCode.Error);
            }
            // Probes every few seconds would drown the log: they are Debug.
            var level = status >= 500 ? LogLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") ? LogLevel.Debug
                : LogLevel.Information;
            logger.Log(level, "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms (route {Route:l})",
                context.Request.Method, path, status, Stopwatch.GetElapsedTime(start).TotalMilliseconds, route);
        }
    }
}
