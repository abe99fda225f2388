using Microsoft.AspNetCore.Diagnostics;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// A page whose address carries a credential (a survey link's one-time code): request logs, traces and
/// error logs write its route template (/khao-sat/{code}) instead of the path.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SecretRouteAttribute : Attribute
{
    /// <summary>The path as it may be written down: the route template for a secret route, else the path itself.</summary>
    public static string? LoggablePath(HttpContext context)
    {
        // After an exception the handler has cleared the endpoint; its feature keeps the one that failed.
        var endpoint = context.GetEndpoint() ?? context.Features.Get<IExceptionHandlerFeature>()?.Endpoint;
        if (endpoint?.Metadata.GetMetadata<SecretRouteAttribute>() is null) return context.Request.Path.Value;
        var template = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        return template is null ? "(ẩn)" : "/" + template.TrimStart('/');
    }
}
