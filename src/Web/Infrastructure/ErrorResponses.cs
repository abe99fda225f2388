using Microsoft.AspNetCore.Diagnostics;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Failures as users should see them: a Vietnamese page for people, problem details for the API,
/// never a stack trace. An unknown cycle, group or unit is a 404; a database or disk that refuses writes
/// (read-only, full, locked, unreachable) a 503 with its reason and Retry-After; a grain call Orleans refused
/// because a node of the cluster went away (until the others declare it dead and its grains activate on a
/// survivor) a 503 with a short Retry-After.
/// </summary>
public static class ErrorResponses
{
    /// <summary>How long a client is told to wait after a storage failure.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>How long a client is told to wait after a node went away: the others declare it dead within seconds.</summary>
    public const int ClusterRetryAfterSeconds = 5;

    /// <summary>What a 503 for a node that went away says; a write may have been stored before the answer was lost.</summary>
    public const string ClusterUnavailable = "Một máy chủ của hệ thống vừa ngừng trả lời; các máy chủ còn lại đang nhận lại phần việc của nó. Vui lòng thử lại sau vài giây. Nếu bạn vừa ghi điểm, hãy tải lại để xem thay đổi đã được lưu chưa.";

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>
    /// The handler, with ASP.NET Core's own "unhandled exception" error (and stack trace) turned off: this
    /// handler logs what is a fault itself (a 500 at Error, a storage failure at Warning) and nothing for an
    /// expected 4xx, which the request's log line already records.
    /// </summary>
    public static ExceptionHandlerOptions Options() => new() { ExceptionHandler = HandleAsync, SuppressDiagnosticsCallback = _ => true };

    public static async Task HandleAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var storage = error is null ? null : context.RequestServices.GetRequiredService<StorageHealth>().Report(error);
        var cluster = storage is null && IsClusterRejection(error);
        var (status, title) = (error, storage) switch
        {
            (NotFoundException, _) => (StatusCodes.Status404NotFound, error.Message),
            (DomainException, _) => (StatusCodes.Status400BadRequest, error.Message),
            (_, { } problem) => (StatusCodes.Status503ServiceUnavailable, $"{StorageFailure.Reason(problem)} Vui lòng thử lại sau ít phút."),
            _ when cluster => (StatusCodes.Status503ServiceUnavailable, ClusterUnavailable),
            _ => (StatusCodes.Status500InternalServerError, "Đã có lỗi trong hệ thống. Vui lòng thử lại sau."),
        };
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ParIndex.Errors");
        if (status == StatusCodes.Status500InternalServerError)
            log.LogError(error, "Unhandled error on {Path}", SecretRouteAttribute.LoggablePath(context));
        else if (storage is { } refused)
        {
            // A state of the storage, not a bug: its reason and the database's message, without a stack trace.
            log.LogWarning("Storage refused {Path}: {Problem} ({Error})", SecretRouteAttribute.LoggablePath(context), refused, error!.Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (cluster)
        {
            // A state of the cluster, not a bug: Orleans' reason (which silo, what failed), without a stack trace.
            log.LogWarning("Cluster refused a grain call on {Path}: {Error}", SecretRouteAttribute.LoggablePath(context), error!.Message);
            context.Response.Headers.RetryAfter = ClusterRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        await WriteAsync(context, status, title, cluster ? "Tạm thời chưa trả lời được" : null);
    }

    /// <summary>
    /// Orleans refused a grain call (this one or one the grain made in turn): the silo holding the grain (or the
    /// directory entry for it) is unreachable or was declared dead. Transient: once the cluster has declared the
    /// node dead, the grain activates on a survivor.
    /// </summary>
    public static bool IsClusterRejection(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is OrleansMessageRejectionException) return true;
        return false;
    }

    public static Task StatusPageAsync(StatusCodeContext status)
    {
        var context = status.HttpContext;
        if (context.Response.StatusCode is 400 or 413 && IsTooLarge(context)) return WriteAsync(context, StatusCodes.Status413PayloadTooLarge, TooLarge(context));
        return WriteAsync(context, context.Response.StatusCode, context.Response.StatusCode switch
        {
            404 => "Không tìm thấy trang này.",
            403 => "Tài khoản đang đăng nhập không có quyền xem hoặc thao tác trên trang này. Nếu cần, hãy đăng nhập bằng tài khoản được phân quyền cho đơn vị này.",
            _ => null,
        });
    }

    /// <summary>
    /// A body past the request limit fails while the form is read (before any page sees it): said as what it is,
    /// a file too large, rather than "invalid request".
    /// </summary>
    private static bool IsTooLarge(HttpContext context) =>
        context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge
        || (context.Request.HasFormContentType && context.Request.ContentLength > context.RequestServices.GetRequiredService<ParIndex.Silo.Evidence.EvidenceOptions>().MaxBytes);

    private static string TooLarge(HttpContext context) =>
        $"Tệp tải lên vượt quá dung lượng cho phép ({Vn.Size(context.RequestServices.GetRequiredService<ParIndex.Silo.Evidence.EvidenceOptions>().MaxBytes)} mỗi tệp). Hãy quay lại và chọn tệp nhỏ hơn.";

    private static async Task WriteAsync(HttpContext context, int status, string? title, string? heading = null)
    {
        context.Response.StatusCode = status;
        if (IsApi(context))
        {
            await Results.Problem(statusCode: status, title: title).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        heading ??= status switch { 404 => "Không tìm thấy", 403 => "Không có quyền truy cập", 413 => "Tệp quá lớn", 400 => "Yêu cầu không hợp lệ", 503 => "Tạm thời chưa ghi được", _ => "Có lỗi xảy ra" };
        await context.Response.WriteAsync(ErrorPage.Render(status, heading, title ?? heading));
    }
}
