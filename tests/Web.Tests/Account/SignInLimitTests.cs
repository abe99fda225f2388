using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Api;

namespace ParIndex.Web.Tests.Account;

/// <summary>
/// A limit per address in front of the per-account lockout (issue 13, point 4): past SignIn:PermitPerMinute
/// posts of the form in a minute, an address gets 429 with Retry-After; other addresses and the form itself are not held up.
/// </summary>
public class SignInLimitTests
{
    /// <summary>The test server has no client address: this sets one per request from a header, as a real connection would.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, then) =>
            {
                if (context.Request.Headers["X-Test-Address"] is [{ } address]) context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                return then(context);
            });
            next(app);
        };
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string address)
    {
        var html = await client.GetStringAsync("/dang-nhap");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, "/dang-nhap")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["username"] = "khong-co-ai", ["password"] = "sai-mat-khau-1" }),
        };
        request.Headers.Add("X-Test-Address", address);
        return await client.SendAsync(request);
    }

    /// <summary>The demo app with its own limit, and a client whose address each request sets.</summary>
    private static Limited With(Support.DemoApp demo, int permits) => new(demo.WithWebHostBuilder(b =>
    {
        b.UseSetting("SignIn:PermitPerMinute", permits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>());
    }));

    private sealed record Limited(WebApplicationFactory<Program> App) : IAsyncDisposable
    {
        public HttpClient Client { get; } = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public Task Past_the_configured_posts_per_minute_an_address_gets_429_with_Retry_After_in_Vietnamese() => OwnDemoApp.RunAsync(async demo =>
    {
        await using var host = With(demo, 3);
        var client = host.Client;
        for (int i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "203.0.113.7")).StatusCode);

        var refused = await PostAsync(client, "203.0.113.7");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("quá nhiều lần đăng nhập", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "198.51.100.20")).StatusCode); // another address
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dang-nhap")).StatusCode); // the form itself is not limited
    });

    [Fact]
    public Task The_addresses_of_one_IPv6_network_count_together() => OwnDemoApp.RunAsync(async demo =>
    {
        await using var host = With(demo, 2);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "2001:db8:7:1::1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "2001:db8:7:1::2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync(host.Client, "2001:db8:7:1:abcd::3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Client, "2001:db8:7:2::1")).StatusCode); // the next /64
    });
}
