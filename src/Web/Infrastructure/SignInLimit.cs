using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ParIndex.Web.Infrastructure;

/// <summary>"SignIn" settings.</summary>
public sealed class SignInLimitOptions
{
    /// <summary>Sign-in forms one address may post per minute; 0 turns the limit off.</summary>
    public int PermitPerMinute { get; set; } = 10;
}

/// <summary>
/// A limit per address in front of the per-account lockout (ASP.NET Core's rate limiter): one address
/// cannot try many passwords, nor lock many accounts, quickly. Only the form's POST counts; past the
/// limit the answer is 429 with Retry-After and a page in Vietnamese.
/// </summary>
public static class SignInLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddParIndexSignInLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SignInLimitOptions>().Bind(configuration.GetSection("SignIn"))
            .Validate(o => o.PermitPerMinute >= 0, "SignIn:PermitPerMinute phải là số không âm (0: không giới hạn).").ValidateOnStart();
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(Policy, Partition);
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>After routing (the policy belongs to the sign-in page) and before authentication (a refused post costs no query).</summary>
    public static IApplicationBuilder UseParIndexSignInLimit(this IApplicationBuilder app) => app.UseRateLimiter();

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var permits = context.RequestServices.GetRequiredService<IOptions<SignInLimitOptions>>().Value.PermitPerMinute;
        if (!HttpMethods.IsPost(context.Request.Method) || permits == 0) return RateLimitPartition.GetNoLimiter("*");
        return RateLimitPartition.GetFixedWindowLimiter(Address(context.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        });
    }

    /// <summary>
    /// Whose posts count together: an IPv4 address, or an IPv6 /64 (one subscriber's network: its
    /// addresses cost nothing to change). Behind a reverse proxy this is the proxy unless forwarded headers are applied first.
    /// </summary>
    public static string Address(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ParIndex.SignIn")
            .LogWarning("Sign-in limit reached for {Address}", context.Connection.RemoteIpAddress?.ToString());
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(ErrorPage.Render(429, "Quá nhiều lần đăng nhập",
            $"Địa chỉ của bạn đã gửi quá nhiều lần đăng nhập trong một phút. Vui lòng thử lại sau {seconds} giây."), cancellationToken);
    }
}
