using Scalar.AspNetCore;
using ParIndex.Web.Infrastructure;
using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Endpoints;

/// <summary>
/// The read-side JSON API (docs/api.md); rankings carry the same fields as `results --format json`.
/// Every read goes through the grains, so a score written a moment ago is in the next answer. An unknown
/// cycle, group or unit throws NotFoundException, which ErrorResponses turns into a 404 problem.
/// </summary>
public static class ApiEndpoints
{
    public const string Tag = "Kết quả";

    /// <summary>
    /// Web defaults (camelCase), but Vietnamese left readable ("Sở", not "S\u1edf"), as the ranking answer
    /// already is (ResultsFile.WriteJson): the answers are application/json, never inlined in HTML.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Description("Một nhóm xếp hạng của kỳ đánh giá")]
    public sealed record GroupInfo(
        [property: Description("Mã nhóm, ví dụ so")] string Code,
        [property: Description("Tên nhóm, ví dụ Sở, ban, ngành")] string Name,
        [property: Description("Mã đơn vị đánh giá và xếp hạng nhóm (tỉnh hoặc huyện)")] string Assessor,
        [property: Description("Số đơn vị trong nhóm")] int UnitCount);

    /// <summary>
    /// The documented shape of a ranking row: the columns of `results`, in camelCase. Only documents the
    /// answer; the answer itself is written by ResultsFile.WriteJson (a test keeps the two in step).
    /// </summary>
    [Description("Một dòng kết quả, cùng các trường như results --format json")]
    public sealed record RankingRow(
        [property: Description("Mã nhóm xếp hạng")] string Group,
        [property: Description("Thứ hạng; null nếu đơn vị được chấm nhưng không xếp hạng")] int? Rank,
        [property: Description("Mã đơn vị")] string UnitCode,
        [property: Description("Tên đơn vị")] string UnitName,
        [property: Description("Điểm đạt được (đã cộng điểm thưởng, trừ điểm trừ)")] decimal Obtained,
        [property: Description("Điểm tối đa của các tiêu chí được áp dụng")] decimal Maximum,
        [property: Description("Chỉ số chính xác (làm tròn 6 chữ số thập phân khi in)")] decimal? Index,
        [property: Description("Chỉ số hiển thị, đúng số chữ số thập phân của nhóm (ví dụ 93.44)")] decimal? IndexDisplay,
        [property: Description("Xếp loại theo các mức của nhóm")] string? Classification,
        [property: Description("true khi còn điểm tự chấm chưa thẩm định hoặc điểm chưa có")] bool Provisional,
        [property: Description("Chỉ số của kỳ trước")] decimal? PreviousIndex,
        [property: Description("Thứ hạng của kỳ trước")] int? PreviousRank,
        [property: Description("Thay đổi thứ hạng; dương khi tăng hạng")] int? RankChange,
        [property: Description("Phiên bản kết quả; 1 cho đến khi có quyết định điều chỉnh")] int Version);

    public static WebApplication MapParIndexApi(this WebApplication app)
    {
        app.MapOpenApi();
        // A readable page of the same document (/scalar/v1), served from the package; no web font is named.
        app.MapScalarApiReference(o => o.WithTitle("ParIndex — API").DisableDefaultFonts());
        var api = app.MapGroup("/api").WithTags(Tag);

        api.MapGet("/cycles", async (ParIndexReader reader, CancellationToken ct) => Results.Json(await reader.CyclesAsync(ct), Json))
            .WithName("ListCycles")
            .WithSummary("Các kỳ đánh giá")
            .WithDescription("Mọi kỳ đánh giá, năm mới nhất trước: mã, năm, loại chỉ số, tên và trạng thái.")
            .Produces<IReadOnlyList<CycleInfo>>();

        api.MapGet("/cycles/{cycle}/groups", Groups)
            .WithName("ListGroups")
            .WithSummary("Các nhóm xếp hạng của một kỳ")
            .WithDescription("Mỗi nhóm: mã, tên, đơn vị đánh giá và số đơn vị. Kỳ không tồn tại: 404.")
            .Produces<IReadOnlyList<GroupInfo>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cycles/{cycle}/groups/{group}/ranking", Ranking)
            .AddEndpointFilter(new ResultsEndpointFilter(api: true))
            .WithName("GetRanking")
            .WithSummary("Bảng xếp hạng của một nhóm")
            .WithDescription("Các dòng kết quả theo thứ tự xếp hạng (đơn vị không xếp hạng ở cuối), cùng các trường và cách in số như results --format json. Với version=N: phiên bản công bố N đúng như đã công bố (1 = lần công bố đầu, 2, 3 … sau mỗi quyết định điều chỉnh), như results --version N. Kỳ, nhóm hoặc phiên bản không tồn tại: 404.")
            .Produces<IReadOnlyList<RankingRow>>(contentType: "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/cycles/{cycle}/units/{unit}", Unit)
            .AddEndpointFilter(new ResultsEndpointFilter(api: true))
            .WithName("GetUnit")
            .WithSummary("Kết quả của một đơn vị")
            .WithDescription("Dòng kết quả của đơn vị trong nhóm, chỉ số thành phần theo lĩnh vực và tiêu chí, và điểm từng tiêu chí thành phần. Header ETag là phiên bản phiếu điểm (dùng cho If-Match khi ghi điểm). Kỳ không tồn tại hoặc đơn vị không được đánh giá trong kỳ: 404.")
            .Produces<UnitDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> Groups(
        [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle, ParIndexReader reader)
    {
        var definition = await reader.CycleAsync(cycle);
        var groups = definition.Cycle.Groups
            .Select(g => new GroupInfo(g.Code, g.Name, g.AssessorCode, definition.Members.GetValueOrDefault(g.Code)?.Count ?? 0))
            .ToList();
        return Results.Json(groups, Json);
    }

    private static async Task<IResult> Ranking(
        [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle,
        [Description("Mã nhóm xếp hạng, ví dụ so")] string group,
        // A string, so that a malformed value is refused after the read check, with a Vietnamese problem.
        [Description("Phiên bản đã công bố (1 = lần công bố đầu); bỏ trống: kết quả hiện tại")] string? version,
        RankingVersions versions, CancellationToken cancellationToken)
    {
        // Written by the same writer as `results --format json`, so the numbers print identically (93.44, 92.830).
        return Results.Bytes(await versions.JsonAsync(cycle, group, version, cancellationToken), "application/json; charset=utf-8");
    }

    private static async Task<IResult> Unit(
        [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle,
        [Description("Mã đơn vị, ví dụ 06-SCT")] string unit, ParIndexReader reader, HttpContext context)
    {
        var details = await UnitDetails.ReadAsync(reader, cycle, unit);
        context.Response.Headers.ETag = Etag.Format(details.Version); // for If-Match on POST …/scores
        return Results.Json(details, Json);
    }
}
