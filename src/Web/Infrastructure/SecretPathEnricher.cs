using Serilog.Core;
using Serilog.Events;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Every log line written during a request to a <see cref="SecretRouteAttribute"/> page says its route
/// template as RequestPath: ASP.NET Core's request scope would otherwise put the raw path (a survey
/// link's code) on any line logged there. A line written before routing (ASP.NET Core's own
/// "Request starting", off unless Microsoft.AspNetCore is set to Information) cannot know the route.
/// </summary>
internal sealed class SecretPathEnricher : ILogEventEnricher
{
    /// <summary>The request being served on this flow (set first thing by UseParIndexRequestLogging).</summary>
    public static readonly AsyncLocal<HttpContext?> Request = new();

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (Request.Value is not { } context) return;
        var path = SecretRouteAttribute.LoggablePath(context);
        if (path != context.Request.Path.Value) logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("RequestPath", path));
    }
}
