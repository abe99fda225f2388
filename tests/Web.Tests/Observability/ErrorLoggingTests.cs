using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Observability;

/// <summary>
/// An unknown page, cycle or unit is an answer (404, 400), not a fault: it never writes an error with a
/// stack trace (a crawler asking for 100 pages that do not exist wrote 100 of them), while a real failure still does.
/// </summary>
public class ErrorLoggingTests
{
    private const string Boom = "/test-only/boom";

    [Fact]
    public Task Expected_4xx_write_no_error_while_a_real_500_still_does() => OwnDemoApp.RunAsync(async demo =>
    {
        await using var app = demo.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ThrowingRoute())));
        var client = await app.ReaderAsync(); // signed in: an unknown page is then a 404, not a way to the sign-in form
        string[] unknown =
        [
            "/cycles/par-1900-00", "/cycles/par-1900-00/groups/so", "/cycles/par-2020-06/units/06-KHONG-CO", "/cycles/par-2020-06/districts/0-khong-co",
            "/api/cycles/par-1900-00/groups", "/api/cycles/par-2020-06/units/06-KHONG-CO", "/khong-co-trang-nay", "/cycles/par-2020-06/units/06-SCT/items/9.9.9",
        ];
        for (var i = 0; i < 20; i++)
        {
            var response = await client.GetAsync(unknown[i % unknown.Length]);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{unknown[i % unknown.Length]}: {(int)response.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync(Boom)).StatusCode);
        // Lines are written in order: once the 500's error is in the file, so is everything the 404s wrote.
        await TelemetryTests.Eventually(() => LogLines.Read(demo).FirstOrDefault(l => IsError(l) && l.ToString().Contains("boom from a test", StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } found ? (object)found : null);
        var lines = LogLines.Read(demo);
        Assert.Empty(lines.Where(l => IsError(l) && PathOf(l) != Boom).Select(l => l.Message()));
        var trace = Assert.Single(lines, l => PathOf(l) == Boom && l.TryGetProperty("@x", out _)); // once, not once per middleware
        Assert.Equal("Error", trace.Level());
        Assert.Contains("boom from a test", trace.Text("@x"));
    });

    private static bool IsError(JsonElement line) => line.Level() is "Error" or "Fatal" || line.TryGetProperty("@x", out _);

    private static string? PathOf(JsonElement line) => line.Text("RequestPath");

    /// <summary>A route that fails as an unforeseen bug would, placed after the app's own pipeline (inside its exception handler).</summary>
    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) =>
                context.Request.Path == Boom ? throw new InvalidOperationException("boom from a test") : rest(context));
        };
    }
}

/// <summary>
/// The app's JSON log files, line by line, in Serilog's compact form (CLEF): the rendered message in @m, the level in
/// @l (left out for Information), the exception in @x, trace and span ids in @tr and @sp, and every property at the top.
/// </summary>
internal static class LogLines
{
    public static List<JsonElement> Read(Support.DemoApp app)
    {
        var lines = new List<JsonElement>();
        if (!Directory.Exists(app.LogFolder)) return lines;
        foreach (var file in Directory.GetFiles(app.LogFolder))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } text)
                if (text.Length > 0) lines.Add(JsonDocument.Parse(text).RootElement.Clone());
        }
        return lines;
    }

    public static string Level(this JsonElement line) => line.TryGetProperty("@l", out var level) ? level.GetString()! : "Information";

    public static string Message(this JsonElement line) => line.GetProperty("@m").GetString()!;

    public static string? Text(this JsonElement line, string property) =>
        line.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
