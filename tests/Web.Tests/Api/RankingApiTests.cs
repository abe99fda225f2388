using System.Text.Json;
using Microsoft.Data.Sqlite;
using ParIndex.Silo.Cli;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

public class RankingApiTests(DemoApp app) : IClassFixture<DemoApp>
{
    private async Task<List<JsonElement>> RankingAsync(string cycle, string group) =>
        (await Json.GetAsync((await app.ReaderAsync()), $"/api/cycles/{cycle}/groups/{group}/ranking")).EnumerateArray().ToList();

    [Fact]
    public async Task Bac_Kan_2020_departments_match_the_published_decision()
    {
        var rows = await RankingAsync("par-2020-06", "so");

        Assert.Equal(19, rows.Count);
        Assert.Equal("06-SCT", rows[0].String("unitCode"));
        Assert.Equal(1, rows[0].Int("rank"));
        Assert.Equal("93.44", rows[0].GetProperty("indexDisplay").GetRawText());
        var classes = rows.GroupBy(r => r.String("classification")).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(2, classes["Xuất sắc"]);
        Assert.Equal(16, classes["Tốt"]);
        Assert.Equal(1, classes["Khá"]);
    }

    [Fact]
    public async Task Rows_carry_exactly_the_fields_of_results_json_in_order()
    {
        var rows = await RankingAsync("par-2020-06", "huyen");
        var expected = ParIndex.Silo.Files.ResultsFile.Columns.Select(CamelCase);
        Assert.All(rows, r => Assert.Equal(expected, r.EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData("par-2020-06", "so")]
    [InlineData("par-2020-06", "xa-061")]
    [InlineData("par-2025-19", "xa")]
    public async Task Rows_are_in_rank_order_and_every_number_is_the_domains(string cycle, string group)
    {
        var rows = await RankingAsync(cycle, group);

        Assert.NotEmpty(rows);
        var indices = rows.Select(r => r.Decimal("index")!.Value).ToList();
        Assert.Equal(indices.OrderDescending(), indices);
        Assert.Equal(rows.Select(r => r.Int("rank")!.Value).Order(), rows.Select(r => r.Int("rank")!.Value));
        foreach (var row in rows)
        {
            var domain = await DomainResults.ComputeAsync(app, cycle, row.String("unitCode")!);
            Assert.Equal(domain.Obtained, row.Decimal("obtained"));
            Assert.Equal(domain.Maximum, row.Decimal("maximum"));
            // The answer prints the exact index to 6 decimals, as `results` does.
            Assert.Equal(decimal.Round(domain.Index!.Value, 6, MidpointRounding.AwayFromZero), row.Decimal("index"));
            Assert.Equal(domain.DisplayIndex, row.Decimal("indexDisplay"));
            Assert.Equal(domain.Classification, row.String("classification"));
        }
    }

    [Fact]
    public async Task The_answer_is_byte_for_byte_what_results_format_json_prints()
    {
        var api = await (await app.ReaderAsync()).GetStringAsync("/api/cycles/par-2020-06/groups/so/ranking");

        var folder = Path.Combine(Path.GetTempPath(), "parindex-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var db = Path.Combine(folder, "cli.db");
            File.Copy(await DemoTemplate.PathAsync(), db);
            var output = new StringWriter();
            var code = await new CliApp(output, new StringWriter()).InvokeAsync(["results", "--db", db, "--cycle", "par-2020-06", "--group", "so", "--format", "json"]);
            Assert.Equal(0, code);
            Assert.Equal(output.ToString(), api);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CamelCase(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
