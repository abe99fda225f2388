using System.Net;
using System.Text.RegularExpressions;

namespace ParIndex.Web.Tests.Pages;

/// <summary>Reads a page as people see it: status, and the HTML with character references decoded.</summary>
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
}
