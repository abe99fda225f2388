using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

/// <summary>
/// Issue 13, points 5 and 6: every malformed score write is refused with a Vietnamese problem that names what is
/// wrong, and nothing of it is stored (the scorecard's ETag does not move). One demo copy, before its decisions (a published
/// scorecard would refuse any write first): nothing here writes.
/// </summary>
public class MalformedScoreBodyTests(UnpublishedDemoApp app) : IClassFixture<UnpublishedDemoApp>
{
    private const string Unit = "/api/cycles/par-2020-06/units/06-SCT", Scores = Unit + "/scores";

    private static HttpRequestMessage Post(string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Scores) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    public static TheoryData<string, string> Bodies() => new()
    {
        { "[null]", "Phần tử thứ 1: phải là một đối tượng" },
        { "{\"item\": null}", "phải là một mảng JSON" },
        { "[{\"item\": null, \"kind\": \"appraised\", \"value\": 0.5}]", "Phần tử thứ 1: thiếu \"item\"" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": \"0.5\"}]", "\"value\" phải là số hoặc null, không phải chuỗi" },
        { "[{\"item\": 111, \"kind\": \"appraised\", \"value\": 0.5}]", "\"item\" phải là chuỗi, không phải số" },
        { "[{\"item\": \"1.1.1\", \"kind\": true, \"value\": 0.5}]", "\"kind\" phải là chuỗi, không phải true/false" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5, \"note\": 7}]", "\"note\" phải là chuỗi" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5, \"vaule\": 1}]", "không có trường \"vaule\"" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 1e-400}]", "có quá 3 chữ số thập phân" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 1e400}]", "không phải điểm hợp lệ" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\"", "không phải JSON hợp lệ" },
        { "", "Thân yêu cầu trống" },
        { "[]", "Không có giá trị nào để ghi" },
        { "[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5}, {\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.25}]", "được gửi 2 lần trong một lần ghi" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task A_malformed_body_is_a_Vietnamese_400_naming_what_is_wrong_and_stores_nothing(string json, string expected)
    {
        var client = await app.ProvinceAsync();
        var before = (await client.GetAsync(Unit)).Headers.ETag;
        var response = await client.SendAsync(Post(json));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("Không ghi điểm", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(before, (await client.GetAsync(Unit)).Headers.ETag);
    }

    [Fact]
    public async Task Every_problem_of_a_body_is_listed_at_once()
    {
        var client = await app.ProvinceAsync();
        var response = await client.SendAsync(Post("[null, {\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": \"x\"}, 5]", ifMatch: "\"abc\""));
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetArrayLength();
        Assert.Equal(4, errors); // element 1, element 2's value, element 3, the header
    }

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("W/\"1.5\"")]
    [InlineData("-3")]
    public async Task An_If_Match_that_is_no_version_is_a_400_not_a_409(string header)
    {
        var client = await app.ProvinceAsync();
        var response = await client.SendAsync(Post("[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5}]", header));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("If-Match", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_past_the_limit_is_refused_as_too_large_without_a_word_about_files()
    {
        var client = await app.ProvinceAsync();
        var before = (await client.GetAsync(Unit)).Headers.ETag;
        var note = new string('x', 50 * 1024 * 1024);
        var response = await client.SendAsync(Post($"[{{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5, \"note\": \"{note}\"}}]"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Thân yêu cầu vượt quá 1 MB", body);
        Assert.DoesNotContain("Tệp", body);
        Assert.Equal(before, (await client.GetAsync(Unit)).Headers.ETag);
    }

    [Fact]
    public async Task A_note_past_the_limit_is_refused_naming_the_limit()
    {
        var client = await app.ProvinceAsync();
        var note = new string('x', FreeText.MaxLength + 1);
        var response = await client.SendAsync(Post($"[{{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5, \"note\": \"{note}\"}}]"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"ghi chú dài {FreeText.MaxLength + 1} ký tự, vượt giới hạn 4000 ký tự", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_thousand_copies_of_one_item_write_no_audit_row()
    {
        var client = await app.ProvinceAsync();
        var queries = app.Services.GetRequiredService<WorkflowQueries>();
        var before = (await queries.AuditAsync("par-2020-06", "06-SCT")).Total;
        var one = "{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.5}";
        var response = await client.SendAsync(Post("[" + string.Join(",", Enumerable.Repeat(one, 5000)) + "]"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("được gửi 5000 lần", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, (await queries.AuditAsync("par-2020-06", "06-SCT")).Total);
    }

    [Fact]
    public Task A_value_comes_back_with_at_most_three_decimals() => OwnDemoApp.RunUnpublishedAsync(async own =>
    {
        var client = await own.ProvinceAsync();
        var response = await client.SendAsync(Post("[{\"item\": \"1.1.1\", \"kind\": \"appraised\", \"value\": 0.50000000000}]"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = (await Json.GetAsync(client, Unit)).GetProperty("items").EnumerateArray().Single(i => i.String("code") == "1.1.1");
        var raw = item.GetProperty("appraised").GetRawText();
        Assert.Equal(0.5m, decimal.Parse(raw, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(raw.Length - raw.IndexOf('.') - 1 <= 3, raw);
    });
}
