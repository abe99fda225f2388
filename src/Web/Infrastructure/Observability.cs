using System.Diagnostics;
using OpenTelemetry;
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
/// Logs, traces and metrics, wired in one place: Serilog behind Microsoft.Extensions.Logging, and OpenTelemetry's
/// hosting with its ASP.NET Core, HttpClient and runtime instrumentations.
/// </summary>
public static class Observability
{
    /// <summary>Activity sources traced beside the request and HttpClient instrumentations: Orleans' grain calls (ours and its own), database commands.</summary>
    public static readonly string[] Sources = [OrleansApplicationSource, "Microsoft.Orleans.Runtime", DatabaseTelemetry.SourceName];

    /// <summary>The source of the spans of calls to our grains (Orleans' ActivitySources.ApplicationGrainActivitySourceName).</summary>
    public const string OrleansApplicationSource = "Microsoft.Orleans.Application";

    /// <summary>Orleans' meter: grain calls, activations, membership, messaging.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Meters read beside the HTTP and runtime instrumentations: Orleans (grain calls, activations, membership), score writes and imports.</summary>
    public static readonly string[] Meters = [OrleansMeter, ScoreTelemetry.MeterName];

    public static WebApplicationBuilder AddParIndexObservability(this WebApplicationBuilder builder)
    {
        // Made here, before the silo, so that every log line and the telemetry resource name the node.
        var node = NodeIdentity.New();
        builder.Services.AddSingleton(node);
        builder.Logging.ClearProviders();
        // Serilog decides what is written ("Serilog:MinimumLevel" and its overrides); nothing is filtered before it.
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddSerilog(CreateLogger(builder.Configuration, builder.Environment, node), dispose: true);

        AddTelemetry(builder, node);
        return builder;
    }

    /// <summary>One log line per request.</summary>
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
    /// Traces and metrics through OpenTelemetry's hosting: requests and outgoing HTTP by their instrumentations (a survey
    /// link's server span names its route, never its one-time code), the runtime, Orleans' sources and meters, and ours.
    /// Exported over OTLP only when OTEL_EXPORTER_OTLP_ENDPOINT is set (OTEL_EXPORTER_OTLP_PROTOCOL and the other standard
    /// variables apply); otherwise nothing leaves the process.
    /// </summary>
    private static void AddTelemetry(WebApplicationBuilder builder, NodeIdentity node)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "parindex", serviceInstanceId: node.Id))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (span, response) =>
                    span.SetTag("url.path", SecretRouteAttribute.LoggablePath(response.HttpContext)))
                .AddHttpClientInstrumentation()
                .AddSource(Sources))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) telemetry.UseOtlpExporter();
    }
}

/// <summary>
/// One log line per request (method, path, route, status, duration), a survey link's path written as its route.
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
            // Probes every few seconds would drown the log: they are Debug.
            var level = status >= 500 ? LogLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") ? LogLevel.Debug
                : LogLevel.Information;
            logger.Log(level, "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms (route {Route:l})",
                context.Request.Method, path, status, Stopwatch.GetElapsedTime(start).TotalMilliseconds, route);
        }
    }
}
