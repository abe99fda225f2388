using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Security;

/// <summary>Issue 13, point 8: the security headers on every kind of response, and pages the policy lets render whole.</summary>
public partial class SecurityHeadersTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string C = "/cycles/par-2020-06";

    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
                                  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>A page, a form, a 404 page, a 403 page, a sign-in redirect, an API answer, a problem, a stylesheet, a script, an export.</summary>
    private static readonly string[] Anonymous =
        ["/", "/dang-nhap", "/cycles/khong-co", $"{C}/groups/so", "/api/cycles", "/api/cycles/khong-co/groups", "/css/site.css", "/js/charts.js", "/khao-sat", "/healthz"];

    private static readonly string[] Staff =
        ["/", $"{C}", $"{C}/groups/so", $"{C}/groups/so/heatmap", $"{C}/groups/so/points-lost", $"{C}/groups/so/self-vs-appraisal", $"{C}/units/06-SCT",
         $"{C}/units/06-SCT/fields/1", $"{C}/units/06-SCT/cham-diem", $"{C}/units/06-SCT/nhat-ky", $"{C}/groups/so/cong-bo", $"{C}/han-tu-danh-gia",
         $"{C}/dieu-tra", $"{C}/districts/058", $"{C}/districts/058/gain-plan", $"{C}/units/06-SCT/gain-plan", "/cham-diem", "/cong-bo", $"{C}/groups/so/export.csv", $"/api{C}/units/06-SCT", "/cycles/par-2025-19/groups/xa"];

    private static void AssertHeaders(HttpResponseMessage response, string url)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : null;
        Assert.True(Header("Content-Security-Policy") == Policy, $"{url}: CSP {Header("Content-Security-Policy")}");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", url);
        Assert.True(Header("X-Frame-Options") == "DENY", $"{url}: X-Frame-Options {Header("X-Frame-Options")}");
        Assert.True(Header("Referrer-Policy") == "same-origin", url);
        Assert.Null(Header("Server"));
    }

    [Fact]
    public async Task Every_kind_of_response_carries_the_headers()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in Anonymous) AssertHeaders(await anonymous.GetAsync(url), url);

        var signedIn = await Workflow.Staff.SignInAsync(app, "snv.backan");
        foreach (var url in Staff) AssertHeaders(await signedIn.Client.GetAsync(url), url);
        var forbidden = await signedIn.Client.GetAsync("/cycles/par-2025-19/units/01840/cham-diem");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        AssertHeaders(forbidden, "403 page");
    }

    [Fact]
    public async Task What_a_signed_in_person_reads_is_never_stored_by_a_cache()
    {
        var signedIn = await Workflow.Staff.SignInAsync(app, "snv.backan");
        foreach (var url in Staff)
        {
            var response = await signedIn.Client.GetAsync(url);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{url}: Cache-Control {response.Headers.CacheControl}");
        }
        // The public's pages and the site's own files may be cached.
        var anonymous = app.CreateClient();
        Assert.NotEqual(true, (await anonymous.GetAsync("/css/site.css")).Headers.CacheControl?.NoStore);
        Assert.NotEqual(true, (await anonymous.GetAsync("/cong-bo")).Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task HSTS_is_sent_over_HTTPS_only()
    {
        var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://parindex.example/") });
        var strict = (await https.GetAsync("/cong-bo")).Headers.GetValues("Strict-Transport-Security").Single();
        Assert.Equal("max-age=31536000; includeSubDomains", strict);
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://parindex.example/") });
        Assert.False((await http.GetAsync("/cong-bo")).Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Kestrel_sends_no_Server_header() =>
        Assert.False(app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);

    [Fact]
    public async Task No_page_holds_an_inline_script_or_style_the_policy_would_block()
    {
        var signedIn = await Workflow.Staff.SignInAsync(app, "snv.backan");
        var pages = Staff.Where(u => !u.Contains("/api/") && !u.EndsWith(".csv", StringComparison.Ordinal))
            .Concat(["/khao-sat", "/dang-nhap", $"{C}/dieu-tra/phieu", "/cycles/khong-co"]); // the last: a 404 page
        foreach (var url in pages)
        {
            var html = await (await signedIn.Client.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.True(html.Contains("<html", StringComparison.Ordinal), $"{url}: no page");
            Assert.False(StyleAttribute().IsMatch(html), $"{url}: a style attribute");
            Assert.False(StyleElement().IsMatch(html), $"{url}: a <style> element");
            Assert.False(EventHandler().IsMatch(html), $"{url}: an inline event handler");
            foreach (Match script in ScriptElement().Matches(html))
                Assert.True(script.Value.Contains(" src=", StringComparison.Ordinal) || script.Value.Contains("type=\"application/json\"", StringComparison.Ordinal),
                    $"{url}: an inline script {script.Value}");
        }
    }

    [GeneratedRegex(@"<[a-z][^>]*\sstyle=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
