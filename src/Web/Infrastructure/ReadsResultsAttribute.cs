using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ParIndex.Web.Infrastructure;

/// <summary>A page that shows results of the cycle, group or unit its route names: ResultsAccess decides who reads it.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadsResultsAttribute : Attribute;

/// <summary>
/// Before a [ReadsResults] page runs: results not yet published are for staff who may read them; an
/// anonymous visitor is sent to sign in, anyone else gets the Vietnamese 403 page.
/// </summary>
public sealed class ResultsReadFilter(ResultsAccess access) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance.GetType().IsDefined(typeof(ReadsResultsAttribute), inherit: true) && !await access.MayReadAsync(context.HttpContext))
        {
            context.Result = Access.IsSignedIn(context.HttpContext.User) ? new StatusCodeResult(StatusCodes.Status403Forbidden) : new ChallengeResult();
            return;
        }
        await next();
    }
}

/// <summary>
/// The same rule for endpoints (exports and the read API), asked of what the route names whatever the query
/// carries: a published version (?version=N) exists only for a published group, which anyone reads anyway.
/// The API answers 401 or 403 as problem details; an export sends an anonymous visitor to sign in.
/// </summary>
public sealed class ResultsEndpointFilter(bool api) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (await http.RequestServices.GetRequiredService<ResultsAccess>().MayReadAsync(http)) return await next(context);

        var signedIn = Access.IsSignedIn(http.User);
        if (!api) return signedIn ? Results.StatusCode(StatusCodes.Status403Forbidden) : Results.Challenge();
        return signedIn
            ? Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Bạn không có quyền xem kết quả này khi chưa được công bố.")
            : Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Kết quả chưa được công bố: hãy đăng nhập bằng tài khoản được xem.");
    }
}
