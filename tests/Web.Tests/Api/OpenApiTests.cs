using System.Text.Json;
using ParIndex.Silo.Files;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

public class OpenApiTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<JsonElement> DocumentAsync() => await Json.GetAsync(app.CreateClient(), "/openapi/v1.json");

    [Theory]
    [InlineData("/api/cycles", "Các kỳ đánh giá", false)]
    [InlineData("/api/cycles/{cycle}/groups", "Các nhóm xếp hạng của một kỳ", true)]
    [InlineData("/api/cycles/{cycle}/groups/{group}/ranking", "Bảng xếp hạng của một nhóm", true)]
    [InlineData("/api/cycles/{cycle}/units/{unit}", "Kết quả của một đơn vị", true)]
    [InlineData("/cycles/{cycle}/groups/{group}/export.csv", "Tải bảng xếp hạng dạng CSV (phụ lục quyết định công bố)", false)]
    [InlineData("/cycles/{cycle}/groups/{group}/export.xlsx", "Tải bảng xếp hạng dạng Excel (phụ lục quyết định công bố)", false)]
    [InlineData("/cycles/{cycle}/groups/{group}/export.docx", "Tải Phụ lục quyết định công bố dạng Word (.docx)", false)]
    public async Task Every_route_is_listed_with_a_Vietnamese_summary(string path, string summary, bool notFound)
    {
        var get = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get");

        Assert.Equal(summary, get.GetProperty("summary").GetString());
        Assert.False(string.IsNullOrWhiteSpace(get.GetProperty("description").GetString()));
        var responses = get.GetProperty("responses");
        Assert.True(responses.TryGetProperty("200", out _));
        Assert.Equal(notFound, responses.TryGetProperty("404", out var missing));
        if (notFound) Assert.True(missing.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Theory]
    [InlineData("/api/cycles", "CycleInfo")]
    [InlineData("/api/cycles/{cycle}/groups", "GroupInfo")]
    [InlineData("/api/cycles/{cycle}/groups/{group}/ranking", "RankingRow")]
    public async Task List_answers_are_documented_as_arrays_of_their_rows(string path, string schema)
    {
        var content = (await DocumentAsync()).GetProperty("paths").GetProperty(path).GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("array", content.GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/" + schema, content.GetProperty("items").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task The_ranking_row_schema_has_the_columns_of_results_in_camel_case()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var properties = schemas.GetProperty("RankingRow").GetProperty("properties").EnumerateObject().Select(p => p.Name);

        var columns = ResultsFile.Columns.Select(c => string.Concat(c.Split('_').Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])));
        Assert.Equal(columns, properties);
    }

    [Fact]
    public async Task The_ranking_documents_its_optional_published_version()
    {
        var parameters = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/cycles/{cycle}/groups/{group}/ranking").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().ToList();
        var version = parameters.Single(p => p.GetProperty("name").GetString() == "version");
        Assert.Equal("query", version.GetProperty("in").GetString());
        Assert.False(version.TryGetProperty("required", out var required) && required.GetBoolean());
        Assert.Contains("Phiên bản đã công bố", version.GetProperty("description").GetString());
        Assert.DoesNotContain(parameters, p => p.GetProperty("name").GetString() is "reader" or "publications" or "cancellationToken");
    }

    [Fact]
    public async Task The_unit_answer_is_documented_with_result_fields_criteria_and_items()
    {
        var document = await DocumentAsync();
        var schema = document.GetProperty("paths").GetProperty("/api/cycles/{cycle}/units/{unit}").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/UnitDetails", schema.GetProperty("$ref").GetString());
        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("UnitDetails").GetProperty("properties");
        foreach (var name in new[] { "result", "fields", "criteria", "items" }) Assert.True(properties.TryGetProperty(name, out _), name);
    }
}
