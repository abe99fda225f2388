using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Tests.Support;

/// <summary>Reads a page as people see it: status, and the HTML with character references decoded (Razor writes Vietnamese as character references).</summary>
public static partial class PageHtml
{
    public static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public static async Task<string> OkAsync(HttpClient client, string url)
    {
        var (status, html) = await GetAsync(client, url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {(int)status}");
        Assert.Contains("lang=\"vi\"", html);
        return html;
    }

    /// <summary>The unit codes of a ranking table, top to bottom.</summary>
    public static IReadOnlyList<string> RowUnits(string html) => RowPattern().Matches(html).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The unit names of a ranking table, top to bottom.</summary>
    public static IReadOnlyList<string> RowNames(string html) => RowNamePattern().Matches(html).Select(m => m.Groups[1].Value.Trim()).ToList();

    /// <summary>The HTML of one unit's row in a ranking table.</summary>
    public static string Row(string html, string unitCode)
    {
        var start = html.IndexOf($"<tr data-unit=\"{unitCode}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {unitCode}");
        return html[start..html.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    /// <summary>The breadcrumb trail's HTML.</summary>
    public static string Breadcrumbs(string html)
    {
        var start = html.IndexOf("<ol class=\"breadcrumb", StringComparison.Ordinal);
        Assert.True(start >= 0, "no breadcrumbs");
        return html[start..html.IndexOf("</ol>", start, StringComparison.Ordinal)];
    }

    public static void AssertNotFound(HttpStatusCode status, string html)
    {
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Không tìm thấy", html);
    }

    [GeneratedRegex("<tr data-unit=\"([^\"]+)\"")]
    private static partial Regex RowPattern();

    [GeneratedRegex("<tr data-unit=\"[^\"]+\">.*?class=\"pi-strong-link\">([^<]+)</a>", RegexOptions.Singleline)]
    private static partial Regex RowNamePattern();

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
    public static IReadOnlyList<(string Text, string? Href)> Crumbs(string html)
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
