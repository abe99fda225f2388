using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// Behind the TLS proxy (deploy/): the scheme and the client's address as the proxy saw them, from
/// X-Forwarded-Proto and X-Forwarded-For, so that cookies are Secure and links are https. Believed only from
/// the proxies configured: `ForwardedHeaders:KnownProxies` (addresses) and `ForwardedHeaders:KnownNetworks`
/// (CIDR ranges), each a list or one comma-separated value; without either, from loopback only (a proxy on
/// the same machine). From anywhere else the headers are ignored, since anyone can send them.
/// </summary>
public static class Proxies
{
    public static IServiceCollection AddParIndexProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Values(configuration.GetSection("ForwardedHeaders:KnownProxies")).Select(v => Parse<IPAddress?>(v, IPAddress.TryParse)!).ToList();
        var networks = Values(configuration.GetSection("ForwardedHeaders:KnownNetworks")).Select(v => Parse<System.Net.IPNetwork>(v, System.Net.IPNetwork.TryParse)).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxies.Count + networks.Count == 0) return; // ASP.NET Core's default: 127.0.0.0/8 and ::1
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services;
    }

    /// <summary>First in the pipeline, so that everything after (logs, sign-in cookies, links) sees the request as the proxy received it.</summary>
    public static WebApplication UseParIndexForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    /// <summary>A list (KnownProxies:0, KnownProxies:1 …) or one value with commas (handy in an environment file).</summary>
    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim()).Where(v => v.Length > 0);

    private delegate bool TryParse<T>(string text, out T value);

    private static T Parse<T>(string text, TryParse<T> parse) => parse(text, out var value) ? value
        : throw new InvalidOperationException($"ForwardedHeaders: \"{text}\" không phải là địa chỉ IP (KnownProxies) hay dải địa chỉ CIDR như 10.0.0.0/8 (KnownNetworks).");
}
