using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Health;

/// <summary>
/// /readyz says whether the node can write, with the reason; a write the database refuses is a 503 with that
/// reason; once the cause is gone, writes and /readyz recover without a restart.
/// </summary>
public class WriteReadinessTests
{
    /// <summary>A scorecard that takes writes: on the demo before its decisions (a published one refuses them first).</summary>
    internal const string Scores = "/api/cycles/par-2020-06/units/06-SCT/scores";

    internal static Task<HttpResponseMessage> WriteAsync(HttpClient client, decimal value) =>
        client.PostAsync(Scores, JsonContent.Create(new[] { new { item = "1.1.1", kind = "appraised", value } }));

    internal static async Task<string> TitleAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!;

    /// <summary>
    /// Another process holds SQLite's write lock (a backup tool, a sqlite3 shell left inside a transaction):
    /// real on any machine and for any user, root included. Writes wait for the lock for 1 s here
    /// (Database:CommandTimeoutSeconds) instead of 60, so that the refusal comes quickly.
    /// </summary>
    [Fact]
    public Task A_database_locked_by_another_process_is_a_503_with_the_reason_then_writes_and_readyz_recover() => OwnDemoApp.RunUnpublishedAsync(async demo =>
    {
        var clock = new ManualClock();
        await using var app = demo.WithWebHostBuilder(b =>
        {
            b.UseSetting("Database:CommandTimeoutSeconds", "1");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var client = await app.ProvinceAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        await using (var other = new SqliteConnection($"Data Source={demo.DatabasePath};Pooling=False"))
        {
            await other.OpenAsync();
            await using var exclusive = other.CreateCommand();
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            await exclusive.ExecuteNonQueryAsync();

            var refused = await WriteAsync(client, 0.5m);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
            Assert.Contains("đang bị một tiến trình khác khóa ghi", await TitleAsync(refused));

            clock.Advance(TimeSpan.FromMinutes(1)); // past the probe's cache
            var locked = await client.GetAsync("/readyz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, locked.StatusCode);
            Assert.Contains("đang bị một tiến trình khác khóa ghi", await locked.Content.ReadAsStringAsync());
        } // closing the other connection ends its transaction: the lock is gone

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await WriteAsync(client, 0.5m)).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    });

    /// <summary>
    /// SQLite opens a database read-only when it cannot write the file; Mode=ReadOnly makes it do so here
    /// whoever runs the test (chmod does not stop root). The node starts, cannot migrate, and says why; a page
    /// that needs a write (the sign-in form's first anti-forgery key) is a 503 page saying why, not a 500.
    /// </summary>
    [Fact]
    public Task A_read_only_database_at_start_is_a_503_on_readyz_and_on_writes_saying_it_is_read_only() => OwnDemoApp.RunAsync(async demo =>
    {
        await using var app = demo.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:ParIndex", $"Data Source={demo.DatabasePath};Mode=ReadOnly"));
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var ready = await client.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Cơ sở dữ liệu chỉ đọc", await ready.Content.ReadAsStringAsync());

        var refused = await client.GetAsync("/dang-nhap");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Cơ sở dữ liệu chỉ đọc", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    });
}
