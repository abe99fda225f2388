using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ParIndex.Web;

public static class HealthEndpoints
{
    /// <summary>/healthz: the process lives. /readyz: the database is reachable and migrated.</summary>
    public static WebApplication MapParIndexHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
