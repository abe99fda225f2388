using Orleans.Dashboard;
using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Orleans' dashboard of the cluster (silos, grains, calls, membership), served from its package with nothing fetched at
/// run time, at <see cref="Path"/>, for the installation's administrators only (Role.SystemAdmin).
/// </summary>
public static class Dashboard
{
    public const string Path = "/quan-tri/orleans";

    /// <summary>"Orleans:Dashboard" (default true): false leaves it out, with its per-call profiling of every grain.</summary>
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("Orleans:Dashboard", true);

    public static WebApplication MapParIndexDashboard(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration)) return app;
        app.MapOrleansDashboard(Path).AddEndpointFilter(async (context, next) =>
        {
            // Decided here for every route of the dashboard, from who asks: anonymous → sign in; anyone else but an
            // administrator of the installation → the Vietnamese 403 page (the status code pages render it).
            var user = context.HttpContext.User;
            if (!Access.IsSignedIn(user)) return Results.Challenge();
            if (!AccessPolicy.CanOperate(user.Grants())) return Results.StatusCode(StatusCodes.Status403Forbidden);
            return await next(context);
        }).ExcludeFromDescription();
        return app;
    }
}
