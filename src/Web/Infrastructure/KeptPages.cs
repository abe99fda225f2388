using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// A page as sent to a reader who is not signed in, with what it was rendered from: the cycle's definition (the
/// same instance while it is unchanged) and the ranking's stamp. Everyone who is not signed in sees the same page,
/// so a view whose definition and stamp match is the kept bytes, not a new rendering.
/// </summary>
public sealed record PageToKeep(string Key, object Definition, string Stamp);

/// <summary>
/// Whole pages kept for readers who are not signed in (the ranking page is the one most read). Who may read is
/// still decided on every request before the page's handler runs (ResultsReadFilter); the handler asks for the
/// ranking's current stamp and only then takes the kept page, so a change, a publication or an adjustment is shown
/// at once. Bounded by size: a page taken out is rendered again when next asked for.
/// </summary>
public sealed class KeptPages : IDisposable
{
    /// <summary>The most bytes of pages kept; the least recently read go first.</summary>
    public const long SizeLimit = 64L << 20;

    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = SizeLimit });

    public bool TryGet(PageToKeep page, [NotNullWhen(true)] out byte[]? html)
    {
        html = _pages.TryGetValue(page.Key, out Kept? kept) && ReferenceEquals(kept!.Definition, page.Definition) && kept.Stamp == page.Stamp
            ? kept.Html
            : null;
        return html is not null;
    }

    public void Keep(PageToKeep page, byte[] html) =>
        _pages.Set(page.Key, new Kept(page.Definition, page.Stamp, html),
            new MemoryCacheEntryOptions { Size = html.Length, SlidingExpiration = TimeSpan.FromMinutes(10) });

    /// <summary>How many pages are kept (for tests).</summary>
    public int Count => _pages.Count;

    public void Dispose() => _pages.Dispose();

    private sealed record Kept(object Definition, string Stamp, byte[] Html);
}

/// <summary>Sends a kept page as it was first sent (the security headers are added for every response anyway).</summary>
public sealed class KeptPageResult(byte[] html) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = html.Length;
        return response.Body.WriteAsync(html).AsTask();
    }
}

/// <summary>
/// Renders a page its handler asked to keep (<see cref="PageToKeep"/> as a request feature) into memory first, then
/// sends it and keeps it, if it is a plain 200 with no cookie. Every other page runs untouched.
/// </summary>
public sealed class KeepRenderedPageFilter(KeptPages pages) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (context.Result is not PageResult || http.Features.Get<PageToKeep>() is not { } page || Access.IsSignedIn(http.User))
        {
            await next();
            return;
        }
        var response = http.Response;
        var body = response.Body;
        using var rendered = new MemoryStream();
        response.Body = rendered;
        try
        {
            await next();
        }
        finally
        {
            response.Body = body;
        }
        var html = rendered.ToArray();
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.SetCookie))
            pages.Keep(page, html);
        response.ContentLength = html.Length;
        await body.WriteAsync(html);
    }
}
