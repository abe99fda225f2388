using Microsoft.Net.Http.Headers;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Evidence;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Endpoints;

/// <summary>
/// Evidence downloads (Links.Evidence): only for those who may read the scorecard the file belongs to.
/// Anonymous visitors are sent to sign in; an unknown id and a file out of one's scope are the same 404, so that
/// ids cannot be probed for which files exist.
/// </summary>
public static class EvidenceEndpoints
{
    public static WebApplication MapParIndexEvidence(this WebApplication app)
    {
        app.MapGet("/evidence/{id:long}", async (long id, HttpContext http, EvidenceStore store, ParIndexReader reader) =>
            {
                if (await store.OpenAsync(id, http.RequestAborted) is not ({ } file, { } content)) return Results.NotFound();
                var cycle = await reader.CycleAsync(file.CycleId);
                if (!Access.Can(http.User, Permission.ReadScorecard, cycle, file.UnitCode))
                {
                    await content.DisposeAsync();
                    return Results.NotFound();
                }
                // The stored type was told by the content; never let a browser guess another, and always download.
                http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
                return Results.File(content, file.ContentType, file.FileName);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
