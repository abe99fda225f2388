using ParIndex.Silo.Annex;
using ParIndex.Web.Infrastructure;
using System.ComponentModel;
using ParIndex.Web.Exports;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Endpoints;

/// <summary>
/// CSV and Excel exports of every ranking, in the layout of a decision annex (Links.ExportCsv, Links.ExportXlsx),
/// as it stands or as published version N (?version=N); and the decision's annex as Word, for published versions only (Links.ExportDocx).
/// Outside /api, so an unknown cycle or group gets the Vietnamese 404 page, as a link clicked by a person should.
/// </summary>
public static class ExportEndpoints
{
    public const string Tag = "Xuất tệp";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static WebApplication MapParIndexExports(this WebApplication app)
    {
        var exports = app.MapGroup("/cycles/{cycle}/groups/{group}").WithTags(Tag).AddEndpointFilter(new ResultsEndpointFilter(api: false));

        exports.MapGet("/export.csv", async (
                [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle,
                [Description("Mã nhóm xếp hạng, ví dụ so")] string group,
                [Description("Phiên bản đã công bố (1 = lần công bố đầu); bỏ trống: kết quả hiện tại")] string? version,
                ParIndexReader reader, RankingVersions versions, CancellationToken cancellationToken) =>
            {
                var annex = await AnnexAsync(reader, versions, cycle, group, version, cancellationToken);
                return Results.File(AnnexCsv.Write(annex), "text/csv; charset=utf-8", annex.FileName("csv"));
            })
            .WithName("ExportCsv")
            .WithSummary("Tải bảng xếp hạng dạng CSV (phụ lục quyết định công bố)")
            .WithDescription("Cột: " + string.Join(", ", RankingAnnex.Columns) + ". UTF-8 có BOM, RFC 4180, số dùng dấu chấm thập phân.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        exports.MapGet("/export.xlsx", async (
                [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle,
                [Description("Mã nhóm xếp hạng, ví dụ so")] string group,
                [Description("Phiên bản đã công bố (1 = lần công bố đầu); bỏ trống: kết quả hiện tại")] string? version,
                ParIndexReader reader, RankingVersions versions, CancellationToken cancellationToken) =>
            {
                var annex = await AnnexAsync(reader, versions, cycle, group, version, cancellationToken);
                return Results.File(AnnexXlsx.Write(annex), XlsxContentType, annex.FileName("xlsx"));
            })
            .WithName("ExportXlsx")
            .WithSummary("Tải bảng xếp hạng dạng Excel (phụ lục quyết định công bố)")
            .WithDescription("Cùng các cột như tệp CSV; điểm và chỉ số là ô số, hiển thị đúng số chữ số thập phân của nhóm.")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        exports.MapGet("/export.docx", async (
                [Description("Mã kỳ đánh giá, ví dụ par-2020-06")] string cycle,
                [Description("Mã nhóm xếp hạng, ví dụ so")] string group,
                [Description("Phiên bản đã công bố (1 = lần công bố đầu); bỏ trống: phiên bản mới nhất")] string? version,
                DecisionAnnexes annexes, CancellationToken cancellationToken) =>
            {
                // Parsed first: a malformed version is a 400 whether or not the group is published.
                var n = RankingVersions.Parse(version);
                var annex = await annexes.ForVersionAsync(cycle, [group], n, cancellationToken);
                return Results.File(AnnexDocx.Write(annex), AnnexDocx.ContentType, annex.FileName);
            })
            .WithName("ExportDocx")
            .WithSummary("Tải Phụ lục quyết định công bố dạng Word (.docx)")
            .WithDescription("Phụ lục của một phiên bản đã công bố, đúng như đã công bố: tiêu đề (số, ngày quyết định, kỳ đánh giá), bảng " +
                string.Join(", ", AnnexDocx.Columns) + "; với quyết định điều chỉnh, thêm các đơn vị thay đổi (cũ → mới). 404 nếu nhóm chưa công bố hoặc không có phiên bản đó.")
            .Produces(StatusCodes.Status200OK, contentType: AnnexDocx.ContentType);

        return app;
    }

    /// <summary>Unknown cycle, group or version: NotFoundException → 404 page; a malformed version: 400.</summary>
    private static async Task<RankingAnnex> AnnexAsync(ParIndexReader reader, RankingVersions versions, string cycleId, string groupCode,
        string? version, CancellationToken cancellationToken)
    {
        var lines = await versions.LinesAsync(cycleId, groupCode, version, cancellationToken);
        var cycle = await reader.CycleAsync(cycleId);
        return RankingAnnex.Create(cycle.Cycle, await reader.GroupAsync(cycleId, groupCode), lines);
    }
}
