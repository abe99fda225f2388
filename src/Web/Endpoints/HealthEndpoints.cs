using System.Text;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ParIndex.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary>
    /// /healthz: the process lives. /readyz: the database is reachable, migrated and takes writes; its body is
    /// "Healthy", or "Unhealthy" and one line per reason (in Vietnamese) for whoever looks at a node taken out of rotation.
    /// </summary>
    public static WebApplication MapParIndexHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteReasonsAsync });
        return app;
    }

    private static Task WriteReasonsAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var body = new StringBuilder(report.Status.ToString());
        foreach (var (_, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key, StringComparer.Ordinal))
            body.Append('\n').Append(entry.Description);
        return context.Response.WriteAsync(body.ToString());
    }
}
