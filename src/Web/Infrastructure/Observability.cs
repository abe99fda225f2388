using System.Diagnostics;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Logs, traces and metrics, wired in one place: Serilog behind Microsoft.Extensions.Logging, and OpenTelemetry's
/// hosting with its ASP.NET Core, HttpClient, runtime, EF Core and Npgsql instrumentations.
/// </summary>
public static class Observability
{
    /// <summary>
    /// Activity sources traced beside the request, HttpClient, EF Core and Npgsql instrumentations: Orleans' grain calls
    /// (ours and its own), and the commands our group-commit writer and bulk import run outside EF Core.
    /// </summary>
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
        // Serilog's logger factory replaces the default one (its providers and filters with it): Serilog decides what is
        // written ("Serilog:MinimumLevel" and its overrides). The app's own logger, not Serilog's static one: test apps
        // running side by side each keep their lines.
        var logger = CreateLogger(builder.Configuration, builder.Environment, node);
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Services.AddSingleton(new AppLog(logger));

        AddTelemetry(builder, node);
        return builder;
    }

    /// <summary>
    /// One log line per request (Serilog.AspNetCore): method, path, route, status and duration; health probes at Debug,
    /// failures at Error. A survey link's path is written as its route, never its one-time code (SecretPathEnricher).
    /// </summary>
    public static WebApplication UseParIndexRequestLogging(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            SecretPathEnricher.Request.Value = context; // for every line written while this request is served
            return next(context);
        });
        app.UseSerilogRequestLogging(o =>
        {
            o.Logger = app.Services.GetRequiredService<AppLog>().Logger;
            o.MessageTemplate = "HTTP {RequestMethod:l} {RequestPath:l} responded {StatusCode} in {Elapsed:0.0} ms (route {Route:l})";
            o.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/readyz") ? LogEventLevel.Debug
                : LogEventLevel.Information;
            o.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("Route", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);
        });
        return app;
    }

    /// <summary>The app's Serilog logger, for the request logging.</summary>
    private sealed record AppLog(Serilog.ILogger Logger);

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
            case "json": logs.WriteTo.Console(new RenderedCompactJsonFormatter()); break;
            case "none": break;
            default: logs.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} <{SourceContext}> {TraceId} {SpanId}{NewLine}{Exception}"); break;
        }

        var folder = configuration["Logs:Folder"] ?? "logs";
        if (folder.Length > 0)
        {
            logs.WriteTo.File(new RenderedCompactJsonFormatter(), Path.Combine(Path.GetFullPath(folder, environment.ContentRootPath), "parindex-.json"),
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
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.EnrichWithHttpResponse = (span, response) =>
                        span.SetTag("url.path", SecretRouteAttribute.LoggablePath(response.HttpContext)))
                    .AddHttpClientInstrumentation()
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql()
                    .AddSource(Sources);
                if (SamplerFor(builder.Configuration) is { } sampler) t.SetSampler(sampler);
            })
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(Meters));
        if (Exports(builder.Configuration)) telemetry.UseOtlpExporter();
    }

    private static bool Exports(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    /// <summary>
    /// Which requests are traced: with an exporter or OTEL_TRACES_SAMPLER set, as OpenTelemetry decides (null: every
    /// one by default). Without either, only a request whose caller asks for it with a sampled traceparent: spans that
    /// nobody exports cost a public page view about a sixth of its time (a span per request and two per grain call).
    /// Log lines keep their trace ids either way.
    /// </summary>
    public static Sampler? SamplerFor(IConfiguration configuration) =>
        Exports(configuration) || !string.IsNullOrWhiteSpace(configuration["OTEL_TRACES_SAMPLER"]) ? null : new ParentBasedSampler(new AlwaysOffSampler());
}
