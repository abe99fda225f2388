using ParIndex.Web.Tests.Support;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Tests.Api;

/// <summary>POST /api/cycles/{cycle}/units/{unit}/scores: validated by the grains, versioned by ETag; each test on its own demo copy (unpublished where it writes).</summary>
public class ScoreWriteApiTests
{
    private const string Unit = "/api/cycles/par-2020-06/units/06-SCT", Scores = Unit + "/scores";

    private static HttpRequestMessage Post(object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Scores) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    [Fact]
    public Task A_write_with_the_current_ETag_is_stored_re_ranked_and_answers_the_new_version() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var client = (await app.ProvinceAsync());
        var read = await client.GetAsync(Unit);
        var etag = read.Headers.ETag!.Tag;
        Assert.Equal($"\"{(await BodyAsync(read)).String("version")}\"", etag);

        const string Ranking = "/api/cycles/par-2020-06/groups/so/ranking";
        // Read before the write too: the ranking's JSON, written once per change, must follow the change.
        Assert.Equal("93.44", (await Json.GetAsync(client, Ranking)).EnumerateArray().Single(r => r.String("unitCode") == "06-SCT").GetProperty("indexDisplay").GetRawText());
        var response = await client.SendAsync(Post(new[] { new { item = "1.1.1", kind = "appraised", value = 0m, note = "Ban hành chậm" } }, etag));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await BodyAsync(response);
        Assert.NotEqual(etag, response.Headers.ETag!.Tag);
        Assert.Equal($"\"{body.String("version")}\"", response.Headers.ETag!.Tag);
        Assert.Equal(1, body.Int("attempts"));
        Assert.Equal(92.4411m, body.GetProperty("result").Decimal("obtained"));

        var after = await Json.GetAsync(client, Unit);
        Assert.Equal(0m, after.GetProperty("items").EnumerateArray().Single(i => i.String("code") == "1.1.1").Decimal("appraised"));
        var row = (await Json.GetAsync(client, Ranking)).EnumerateArray().Single(r => r.String("unitCode") == "06-SCT");
        Assert.Equal("92.44", row.GetProperty("indexDisplay").GetRawText());
    });

    [Fact]
    public Task Only_the_units_province_administrator_writes_and_the_audit_names_them() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var body = new[] { new { item = "1.1.1", kind = "appraised", value = 0m, note = "Ban hành chậm" } };
        var anonymous = await app.CreateClient().SendAsync(Post(body));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("đăng nhập", await anonymous.Content.ReadAsStringAsync());
        foreach (var person in new[] { DemoApp.Reader, "snv.thainguyen", "thamdinh.xa058", "lanhdao.backan" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await ParIndex.Web.Tests.Workflow.Staff.SignInAsync(app, person)).Client.SendAsync(Post(body))).StatusCode);
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT"));
        Assert.NotEqual(0m, (await grain.GetAsync()).Items["1.1.1"].Appraised); // nothing written by the refused

        Assert.Equal(HttpStatusCode.OK, (await (await app.ProvinceAsync()).SendAsync(Post(body))).StatusCode);
        Assert.Equal(0m, (await grain.GetAsync()).Items["1.1.1"].Appraised);
        var audit = await app.Services.GetRequiredService<ParIndex.Silo.Workflow.WorkflowQueries>().AuditAsync("par-2020-06", "06-SCT", "1.1.1");
        Assert.Equal(("snv.backan", "api"), (audit.Lines[0].User, audit.Lines[0].Origin));
    });

    [Fact]
    public Task A_write_with_a_stale_ETag_is_a_409_problem_and_writes_nothing() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var client = (await app.ProvinceAsync());
        var stale = (await client.GetAsync(Unit)).Headers.ETag!.Tag;
        (await client.SendAsync(Post(new[] { new { item = "1.1.1", kind = "appraised", value = 0.5m } }, stale))).EnsureSuccessStatusCode();

        var response = await client.SendAsync(Post(new[] { new { item = "1.1.1", kind = "appraised", value = 0.25m } }, stale));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await BodyAsync(response);
        Assert.Equal(409, problem.Int("status"));
        Assert.Contains("người khác thay đổi", problem.String("title"));
        Assert.Equal((await client.GetAsync(Unit)).Headers.ETag!.Tag, $"\"{problem.String("currentVersion")}\"");
        var item = (await Json.GetAsync(client, Unit)).GetProperty("items").EnumerateArray().Single(i => i.String("code") == "1.1.1");
        Assert.Equal(0.5m, item.Decimal("appraised"));
    });

    [Fact]
    public Task Bad_values_are_a_400_problem_listing_every_error_and_nothing_is_written() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var client = (await app.ProvinceAsync());
        var before = await client.GetAsync(Unit);
        var response = await client.SendAsync(Post(new object[]
        {
            new { item = "1.1.1", kind = "appraised", value = 5m },
            new { item = "9.9.9", kind = "self", value = 1m },
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await BodyAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("1.1.1"));
        Assert.Contains(errors, e => e.Contains("9.9.9"));
        Assert.Equal(before.Headers.ETag, (await client.GetAsync(Unit)).Headers.ETag);

        var kind = await client.SendAsync(Post(new[] { new { item = "1.1.1", kind = "guess", value = 1m } }));
        Assert.Equal(HttpStatusCode.BadRequest, kind.StatusCode);
        Assert.Contains("guess", (await BodyAsync(kind)).GetProperty("errors")[0].GetString());
    });

    [Fact]
    public Task An_unknown_unit_is_a_404_problem() => OwnDemoApp.RunAsync(async app =>
    {
        var response = await (await app.ProvinceAsync()).PostAsJsonAsync("/api/cycles/par-2020-06/units/06-XXX/scores", new[] { new { item = "1.1.1", kind = "self", value = 1m } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    });

    [Fact]
    public Task Without_If_Match_a_write_that_lost_a_race_to_another_node_is_applied_again_on_top_of_it() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var client = (await app.ProvinceAsync());
        await client.GetAsync(Unit); // the web node's grain has read version N

        // Another node (a second silo over the same database) writes first: the web's grain is now stale.
        await using (var other = await ParIndex.Silo.RunningSilo.StartAsync(DatabaseOptions.ForSqliteFile(app.DatabasePath)))
            await other.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "06-SCT"))
                .SetValuesAsync(new ScoreChange([new ScoreEntry("06-SCT", "1.2.1", ScoreKind.Appraised, 0m)], "other-node"));

        var response = await client.SendAsync(Post(new[] { new { item = "1.1.1", kind = "appraised", value = 0m } }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await BodyAsync(response)).Int("attempts"));
        var items = (await Json.GetAsync(client, Unit)).GetProperty("items").EnumerateArray().ToDictionary(i => i.String("code")!);
        Assert.Equal(0m, items["1.1.1"].Decimal("appraised"));
        Assert.Equal(0m, items["1.2.1"].Decimal("appraised")); // the other node's write was not lost
    });

    [Fact]
    public Task The_write_is_documented_in_OpenAPI_with_its_body_and_409() => OwnDemoApp.RunAsync(async app =>
    {
        var post = (await Json.GetAsync((await app.ProvinceAsync()), "/openapi/v1.json")).GetProperty("paths").GetProperty("/api/cycles/{cycle}/units/{unit}/scores").GetProperty("post");
        Assert.Equal("Ghi điểm cho một đơn vị", post.String("summary"));
        Assert.Contains("If-Match", post.String("description"));
        Assert.Contains(post.GetProperty("parameters").EnumerateArray(), p => p.String("name") == "If-Match" && p.String("in") == "header");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "404", "409" }) Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), status);
    });
}
