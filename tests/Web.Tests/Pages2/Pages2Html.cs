using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Queries;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages2;

/// <summary>Reading the pages' HTML in tests: text decoded (Razor writes Vietnamese as character references).</summary>
public static partial class Pages2Html
{
    public static ParIndexReader Reader(this DemoApp app) => app.Services.GetRequiredService<ParIndexReader>();

    /// <summary>GETs a page, checks 200 and that it is Vietnamese, and returns its decoded HTML.</summary>
    public static async Task<string> PageAsync(this DemoApp app, string path)
    {
        var response = await (await app.ReaderAsync()).GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}\n{html}");
        Assert.Contains("<html lang=\"vi\">", html);
        return html;
    }

    /// <summary>GETs an address that must not be found: 404 with the Vietnamese error page.</summary>
    public static async Task AssertNotFoundAsync(this DemoApp app, string path)
    {
        var response = await (await app.ReaderAsync()).GetAsync(path);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Không tìm thấy", html);
    }

    /// <summary>The breadcrumbs: each step's text and link (null for the current page).</summary>
    public static IReadOnlyList<(string Text, string? Href)> Breadcrumbs(string html)
    {
        var list = Regex.Match(html, "<ol class=\"breadcrumb pi-breadcrumb\">(.*?)</ol>", RegexOptions.Singleline);
        Assert.True(list.Success, "no breadcrumbs");
        return CrumbPattern().Matches(list.Groups[1].Value)
            .Select(m => m.Groups["href"].Success
                ? (m.Groups["link"].Value.Trim(), (string?)m.Groups["href"].Value)
                : (m.Groups["text"].Value.Trim(), null))
            .ToList();
    }

    /// <summary>The text of the element marked data-testid="<paramref name="id"/>" (no nested elements).</summary>
    public static string TestId(string html, string id)
    {
        var m = Regex.Match(html, $"data-testid=\"{Regex.Escape(id)}\">([^<]*)<");
        Assert.True(m.Success, $"no data-testid=\"{id}\"");
        return m.Groups[1].Value.Trim();
    }

    /// <summary>The values of an attribute, in document order (data-unit, data-item, …).</summary>
    public static IReadOnlyList<string> Attributes(string html, string name) =>
        Regex.Matches(html, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();

    /// <summary>The part of the page inside the element marked data-testid="<paramref name="id"/>", up to its closing tag.</summary>
    public static string Section(string html, string id, string closing = "</table>")
    {
        var start = html.IndexOf($"data-testid=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no data-testid=\"{id}\"");
        var end = html.IndexOf(closing, start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("<li class=\"breadcrumb-item(?: active)?\"[^>]*>(?:<a href=\"(?<href>[^\"]*)\">(?<link>.*?)</a>|(?<text>[^<]*))</li>", RegexOptions.Singleline)]
    private static partial Regex CrumbPattern();
}
