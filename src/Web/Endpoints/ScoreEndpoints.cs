using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Endpoints;

/// <summary>
/// The write side of the JSON API: scores for one unit, through ScoreWriter and the unit's scorecard grain (which
/// validates, writes with an ETag check, re-ranks and rolls up before answering). Optimistic concurrency: the
/// scorecard's version is its ETag. With If-Match, a stale version is a 409 and nothing is written; without it,
/// a write that lost a race with another node is applied again on top of the winner's (ScoreWriter's rule).
/// </summary>
public static class ScoreEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Description("Một giá trị điểm cần ghi, như một dòng của scores.csv")]
    public sealed record ScoreInput(
        [property: Description("Mã tiêu chí thành phần, ví dụ 1.1.1")] string Item,
        [property: Description("self, appraised, survey, bonus, penalty, not_applicable hoặc applicable")] string Kind,
        [property: Description("Điểm (tối đa 3 chữ số thập phân); null để xóa, và với not_applicable")] decimal? Value,
        [property: Description("Ghi chú: căn cứ, lý do; với not_applicable là lý do không phát sinh")] string? Note = null);

    [Description("Phiếu điểm sau khi ghi: phiên bản mới (ETag) và kết quả của đơn vị")]
    public sealed record ScoresWritten(
        [property: Description("Mã kỳ đánh giá")] string Cycle,
        [property: Description("Mã đơn vị")] string Unit,
        [property: Description("Phiên bản mới của phiếu điểm; gửi lại trong If-Match ở lần ghi sau")] string Version,
        [property: Description("Số lần thử (lớn hơn 1 khi một nút khác ghi cùng lúc)")] int Attempts,
        [property: Description("Dòng kết quả của đơn vị sau khi xếp hạng lại")] ResultLine Result);

    public static WebApplication MapParIndexScoreWrites(this WebApplication app)
    {
        app.MapGroup("/api").WithTags("Ghi điểm")
            .MapPost("/cycles/{cycle}/units/{unit}/scores", WriteAsync)
            .WithName("WriteScores")
            .WithSummary("Ghi điểm cho một đơn vị")
            .WithDescription("""
                Ghi một hay nhiều giá trị điểm của một đơn vị, trong một lần: mọi giá trị được kiểm tra theo quy tắc chấm điểm trước khi
                lưu (400 liệt kê mọi lỗi, không có gì được lưu), rồi đơn vị được tính lại, xếp hạng lại và tổng hợp lên các cấp trên trước
                khi trả lời. Phiên bản phiếu điểm là ETag (GET /api/cycles/{cycle}/units/{unit} trả về ETag). Có If-Match: nếu phiếu điểm
                đã được người khác thay đổi thì trả 409 và không ghi gì. Không có If-Match: nếu một nút khác vừa ghi cùng phiếu điểm,
                giá trị được ghi lại trên dữ liệu mới nhất. Cần đăng nhập (cookie của POST /dang-nhap) bằng tài khoản quản trị cấp tỉnh của đơn vị: 401 khi chưa đăng nhập, 403 khi không có quyền.
                """)
            .Accepts<IReadOnlyList<ScoreInput>>("application/json")
            .Produces<ScoresWritten>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> WriteAsync(
        [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle,
        [Description("Mã đơn vị, ví dụ 06-SCT")] string unit,
        [FromHeader(Name = "If-Match"), Description("Phiên bản đã đọc (ETag); bỏ trống để ghi trên phiên bản mới nhất")] string? ifMatch,
        HttpContext context, ParIndexReader reader, ScoreWriter writer)
    {
        await reader.ScorecardAsync(cycle, unit); // 404 for an unknown cycle, or a unit not assessed in it
        if (!Access.Can(context.User, Permission.WriteScores, await reader.CycleAsync(cycle), unit))
            return Access.IsSignedIn(context.User)
                ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: $"Tài khoản này không được ghi điểm trực tiếp cho đơn vị {unit} (chỉ quản trị cấp tỉnh của đơn vị).")
                : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Cần đăng nhập (POST /dang-nhap) để ghi điểm.");
        var (scores, errors, tooLarge) = await ScoreRequest.ReadAsync(context.Request, context.RequestAborted);
        if (tooLarge) return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: ScoreRequest.TooLargeMessage);
        if (!ScoreRequest.TryParseIfMatch(ifMatch, out var expected)) errors.Add(ScoreRequest.BadIfMatch(ifMatch!));
        errors.AddRange(scores.Where(s => !ScoreKinds.TryParse(s.Kind, out _))
            .Select(s => $"Tiêu chí {s.Item}: loại điểm \"{s.Kind}\" không hợp lệ ({ScoreKinds.FileNames})."));
        if (scores.Count == 0 && errors.Count == 0) errors.Add("Không có giá trị nào để ghi.");
        if (errors.Count > 0) return Invalid(errors);

        var entries = scores.Select(s => { ScoreKinds.TryParse(s.Kind, out var kind); return new ScoreEntry(unit, s.Item, kind, s.Value, s.Note); }).ToList();
        try
        {
            var written = await writer.WriteAsync(cycle, unit, entries, Access.UserName(context.User), "api", expected, context.RequestAborted);
            context.Response.Headers.ETag = Etag.Format(written.View.Version);
            return Results.Json(new ScoresWritten(cycle, unit, written.View.Version, written.Attempts, await reader.LineAsync(cycle, unit)), Json);
        }
        catch (Exception e) when (StaleVersion.Of(e) is { } stale)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Phiếu điểm đã được người khác thay đổi; hãy tải lại rồi ghi lại.",
                detail: $"Phiên bản {expected ?? "mới nhất"} đã cũ" + (stale.Stored is { } now ? $", hiện là {now}." : "."),
                extensions: new Dictionary<string, object?> { ["currentVersion"] = stale.Stored });
        }
        catch (DomainValidationException e)
        {
            return Invalid(e.Errors);
        }
    }

    private static IResult Invalid(IReadOnlyList<string> errors) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Không ghi điểm: {errors.Count} lỗi, không có gì được lưu.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}

/// <summary>A scorecard version as an HTTP entity tag: "7".</summary>
public static class Etag
{
    public static string Format(string version) => $"\"{version}\"";

    /// <summary>The version in an If-Match header ("7", W/"7" or 7); null when absent or "*".</summary>
    public static string? Parse(string? header)
    {
        var text = header?.Trim();
        if (string.IsNullOrEmpty(text) || text == "*") return null;
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        return text.Trim('"');
    }
}
