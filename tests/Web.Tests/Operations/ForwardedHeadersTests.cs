using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// Behind the TLS proxy of deploy/: the proxy talks plain http to the node and says X-Forwarded-Proto: https.
/// From a configured proxy the node believes it (Secure cookies, https survey links); from any other address it does not.
/// </summary>
public class ForwardedHeadersTests
{
    private const string Proxy = "10.20.30.40";
    private const string Admin = "/cycles/par-2025-19/dieu-tra";

    [Fact]
    public Task From_the_configured_proxy_cookies_are_Secure_and_survey_links_https_from_elsewhere_the_headers_are_ignored() => OwnDemoApp.RunAsync(async demo =>
    {
        var peer = new Peer();
        await using var app = demo.WithWebHostBuilder(b =>
        {
            b.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
            b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ConnectsFrom(peer)));
        });

        peer.Address = IPAddress.Parse(Proxy);
        var (viaProxy, cookies) = await SignInAsync(app);
        Assert.All(cookies.Where(c => c.StartsWith("ParIndex.", StringComparison.Ordinal)), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(cookies, c => c.StartsWith("ParIndex.Auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await viaProxy.PostAsync($"{Admin}?handler=Open", ("ClosesOn", "2099-12-31"), ("MinimumAnswers", "3"))).StatusCode);
        Assert.Contains("https://localhost/khao-sat/", await LinksAsync(viaProxy));

        peer.Address = IPAddress.Parse("192.0.2.99"); // not a configured proxy: the same headers, ignored
        var (direct, plain) = await SignInAsync(app);
        Assert.Contains(plain, c => c.StartsWith("ParIndex.Auth=", StringComparison.Ordinal));
        Assert.All(plain, c => Assert.DoesNotContain("secure", c, StringComparison.OrdinalIgnoreCase));
        var links = await LinksAsync(direct);
        Assert.Contains("http://localhost/khao-sat/", links);
        Assert.DoesNotContain("https://", links);
    });

    private static async Task<(Staff Staff, List<string> SetCookies)> SignInAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var browser = new Browser();
        var client = app.CreateDefaultClient(new Uri("http://localhost"), browser);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        return (await Staff.SignInAsync(client, "snv.thainguyen"), browser.SetCookies);
    }

    private static async Task<string> LinksAsync(Staff staff)
    {
        var response = await staff.PostAsync($"{Admin}/duong-dan", ("questionnaire", "P02"), ("unit", "19-SNV"), ("perUnit", "1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Staff.HtmlAsync(response);
    }

    /// <summary>The address the node sees the connection come from.</summary>
    private sealed class Peer
    {
        public volatile IPAddress? Address;
    }

    /// <summary>Sets the connection's remote address before the app's pipeline, as Kestrel would from the TCP peer.</summary>
    private sealed class ConnectsFrom(Peer peer) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate rest) =>
            {
                context.Connection.RemoteIpAddress = peer.Address;
                return rest(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// A browser on https to the proxy: keeps every cookie, Secure ones included, and sends them back (the test
    /// client speaks http to the node, where a cookie jar would withhold Secure cookies); notes each Set-Cookie.
    /// </summary>
    private sealed class Browser : DelegatingHandler
    {
        private readonly Dictionary<string, string> _jar = new(StringComparer.Ordinal);
        public List<string> SetCookies { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, cancellationToken);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                SetCookies.Add(header);
                var pair = header.Split(';')[0];
                var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
                if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) _jar.Remove(name);
                else _jar[name] = value;
            }
            return response;
        }
    }
}
