using ParIndex.Silo.Files;
using ParIndex.Web.Queries;

namespace ParIndex.Web;

/// <summary>The read-side JSON API of INTERFACES.md; rankings carry the same fields as `results --format json`.</summary>
public static class ApiEndpoints
{
    public sealed record GroupInfo(string Code, string Name, string Assessor, int UnitCount);

    /// <summary>The documented shape of a ranking row: the columns of `results`, in camelCase.</summary>
    public sealed record RankingRow(string Group, int? Rank, string UnitCode, string UnitName, decimal Obtained, decimal Maximum,
        decimal? Index, decimal? IndexDisplay, string? Classification, bool Provisional, decimal? PreviousIndex, int? PreviousRank,
        int? RankChange, int Version);

    public static WebApplication MapParIndexApi(this WebApplication app)
    {
        app.MapOpenApi();
        var api = app.MapGroup("/api").WithTags("ParIndex");

        api.MapGet("/cycles", (ParIndexReader reader, CancellationToken ct) => reader.CyclesAsync(ct))
            .WithSummary("Các kỳ đánh giá");

        api.MapGet("/cycles/{cycle}/groups", async (string cycle, ParIndexReader reader) =>
        {
            var definition = await reader.CycleAsync(cycle);
            return definition.Cycle.Groups.Select(g => new GroupInfo(g.Code, g.Name, g.AssessorCode, definition.Members[g.Code].Count)).ToList();
        }).WithSummary("Các nhóm xếp hạng của một kỳ");

        api.MapGet("/cycles/{cycle}/groups/{group}/ranking", async (string cycle, string group, ParIndexReader reader) =>
        {
            // Written by the same writer as `results --format json`, so the numbers print identically.
            var buffer = new MemoryStream();
            ResultsFile.WriteJson(buffer, await reader.RankingAsync(cycle, group));
            return Results.Bytes(buffer.ToArray(), "application/json; charset=utf-8");
        }).Produces<IReadOnlyList<RankingRow>>(contentType: "application/json")
          .WithSummary("Bảng xếp hạng của một nhóm (các trường như results --format json)");

        api.MapGet("/cycles/{cycle}/units/{unit}", (string cycle, string unit, ParIndexReader reader) => UnitDetails.ReadAsync(reader, cycle, unit))
            .WithSummary("Kết quả của một đơn vị: chỉ số thành phần theo lĩnh vực và từng tiêu chí thành phần");

        return app;
    }
}
