using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Api;

/// <summary>
/// Issue 14, failover: while a node killed without a word is not yet declared dead, Orleans refuses calls to its
/// grains (OrleansMessageRejectionException, SiloUnavailableException). The API answers that as a 503 with a short
/// Retry-After, never a 500; and a write the scorecard stored before a call it made in turn was refused (telling a
/// ranking that lived on the dead node) is not tried again by the node: it is stored once, and a writer with
/// If-Match is not told 409 for a version its own write moved on. A grain call filter plays the node that went away.
/// </summary>
public class NodeGoneApiTests
{
    private const string Unit = "/api/cycles/par-2025-19/units/19-SCT", Scores = Unit + "/scores";

    private static readonly MethodInfo TellRanking = typeof(IRankingGrain).GetMethod(nameof(IRankingGrain.ResultChangedAsync))!;
    private static readonly MethodInfo ReadScorecard = typeof(IScorecardGrain).GetMethod(nameof(IScorecardGrain.GetAsync))!;

    /// <summary>Refuses calls to one grain method, as Orleans does for a grain on a silo that cannot be reached.</summary>
    private sealed class NodeGone : IIncomingGrainCallFilter
    {
        public volatile MethodInfo? Refuse;
        private int _refused;
        public int Refused => Volatile.Read(ref _refused);

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (Refuse is not { } method || context.InterfaceMethod != method) return context.Invoke();
            Interlocked.Increment(ref _refused);
            throw new SiloUnavailableException("The target silo became unavailable for message (a test's node that went away).");
        }
    }

    private static async Task RunAsync(Func<HttpClient, NodeGone, IServiceProvider, Task> test) => await OwnDemoApp.RunAsync(async demo =>
    {
        var gone = new NodeGone();
        await using var app = demo.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IIncomingGrainCallFilter>(gone)));
        var client = (await Staff.SignInAsync(app, "snv.thainguyen")).Client; // Thái Nguyên's province administrator; 2025 is not published
        await test(client, gone, app.Services);
    });

    private static async Task<JsonElement> ReadAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(Unit)).RootElement.Clone();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public Task A_write_whose_ranking_is_on_a_node_that_went_away_is_a_503_and_is_stored_once(bool ifMatch) => RunAsync(async (client, gone, services) =>
    {
        var before = await ReadAsync(client);
        var version = int.Parse(before.String("version")!);
        var request = new HttpRequestMessage(HttpMethod.Post, Scores)
        {
            Content = JsonContent.Create(new[] { new { item = "1.1.1", kind = "appraised", value = 0.123m, note = "ghi khi một nút vừa mất" } }),
        };
        if (ifMatch) request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");

        gone.Refuse = TellRanking;
        var response = await client.SendAsync(request);
        gone.Refuse = null;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // not a 500, and not a 409 for its own write
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("tải lại", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.String("title"));
        Assert.Equal(1, gone.Refused); // the node did not try again

        // Stored, once: one version further, one line in the audit.
        var after = await ReadAsync(client);
        Assert.Equal(version + 1, int.Parse(after.String("version")!));
        Assert.Equal(0.123m, after.GetProperty("items").EnumerateArray().Single(i => i.String("code") == "1.1.1").Decimal("appraised"));
        var audit = await services.GetRequiredService<WorkflowQueries>().AuditAsync("par-2025-19", "19-SCT", "1.1.1");
        Assert.Single(audit.Lines, l => l.Note == "ghi khi một nút vừa mất");
    });

    [Fact]
    public Task A_read_of_a_grain_on_a_node_that_went_away_is_a_503_with_a_short_retry_after() => RunAsync(async (client, gone, _) =>
    {
        gone.Refuse = ReadScorecard;
        var response = await client.GetAsync(Unit);
        gone.Refuse = null;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Unit)).StatusCode); // the node is back: so is the answer
    });
}
