using System.Text.Json;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>`results` on the demo: the columns of docs/formats.md, and Bắc Kạn's published 2020 figures.</summary>
[Collection(DemoCollection.Name)]
public class ResultsTests(DemoDatabase demo)
{
    private const string Columns = "group,rank,unit_code,unit_name,obtained,maximum,index,index_display,classification,provisional,previous_index,previous_rank,rank_change,version";

    private static List<Dictionary<string, string>> Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        // Unit names in the demo contain commas inside quotes; split on commas outside quotes.
        return lines.Skip(1).Select(l => header.Zip(SplitCsv(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"') { if (quoted && i + 1 < line.Length && line[i + 1] == '"') { current.Append('"'); i++; } else quoted = !quoted; }
            else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }

    [Theory, SqliteData, PostgresData]
    public async Task Results_print_the_exact_columns_in_rank_order(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var run = (await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "so")).ShouldSucceed();
        Assert.StartsWith(Columns + "\n", run.Output);
        var rows = Parse(run.Output);
        Assert.Equal(19, rows.Count);
        Assert.Equal(Enumerable.Range(1, 19).Select(i => i.ToString()), rows.Select(r => r["rank"]));
        Assert.All(rows, r => Assert.Equal("1", r["version"]));
        Assert.All(rows, r => Assert.Matches(@"^\d+\.\d\d$", r["index_display"]));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_2020_departments_match_what_Bac_Kan_published(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var rows = Parse((await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "so")).ShouldSucceed().Output);
        Assert.Equal(("06-SCT", "93.44", "Xuất sắc"), (rows[0]["unit_code"], rows[0]["index_display"], rows[0]["classification"]));
        Assert.StartsWith("Văn phòng Đoàn ĐBQH", rows[1]["unit_name"]);
        Assert.Equal(2, rows.Count(r => r["classification"] == "Xuất sắc"));
        Assert.Equal(16, rows.Count(r => r["classification"] == "Tốt"));
        Assert.Equal(1, rows.Count(r => r["classification"] == "Khá"));
        // Year over year: the Văn phòng was 4th in 2019 and rose to 2nd.
        Assert.Equal(("4", "2"), (rows[1]["previous_rank"], rows[1]["rank_change"]));
        Assert.All(rows, r => Assert.Equal("false", r["provisional"]));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_2020_districts_match_what_Bac_Kan_published(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var rows = Parse((await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "huyen")).ShouldSucceed().Output);
        Assert.Equal(("058", "83.38"), (rows[0]["unit_code"], rows[0]["index_display"]));
        Assert.Equal("062", rows[1]["unit_code"]);
        Assert.Equal(6, rows.Count(r => r["classification"] == "Tốt"));
        Assert.Equal(2, rows.Count(r => r["classification"] == "Khá"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_2020_communes_of_all_districts_are_12_excellent_78_good_18_fair(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var rows = Parse((await db.RunAsync("results", "--cycle", "par-2020-06")).ShouldSucceed().Output)
            .Where(r => r["group"].StartsWith("xa-")).ToList();
        Assert.Equal(108, rows.Count);
        Assert.Equal((12, 78, 18), (rows.Count(r => r["classification"] == "Xuất sắc"), rows.Count(r => r["classification"] == "Tốt"), rows.Count(r => r["classification"] == "Khá")));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Json_results_carry_the_same_fields_in_camel_case(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var json = (await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "so", "--format", "json")).ShouldSucceed().Output;
        var csv = Parse((await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "so")).ShouldSucceed().Output);
        using var doc = JsonDocument.Parse(json);
        var first = doc.RootElement[0];
        foreach (var name in new[] { "group", "rank", "unitCode", "unitName", "obtained", "maximum", "index", "indexDisplay", "classification", "provisional", "previousIndex", "previousRank", "rankChange", "version" })
            Assert.True(first.TryGetProperty(name, out _), name);
        Assert.Equal(csv.Count, doc.RootElement.GetArrayLength());
        Assert.Equal(csv[0]["index"], first.GetProperty("index").GetRawText());
        Assert.Equal("93.44", first.GetProperty("indexDisplay").GetRawText());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_commune_formed_by_merger_shows_a_previous_index_derived_from_its_Bac_Kan_predecessors(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var rows = Parse((await db.RunAsync("results", "--cycle", "par-2025-19", "--group", "xa")).ShouldSucceed().Output);
        var derived = rows.Where(r => r["previous_index"] != "").ToList();
        Assert.NotEmpty(derived);
        Assert.All(derived, r => Assert.Equal("", r["previous_rank"]));
        Assert.All(derived, r => Assert.Equal("", r["rank_change"]));

        // The previous index is the mean of the 2020 indices of the Bắc Kạn communes it was formed from.
        await using var other = await demo.CopyAsync(provider);
        var before = Parse((await other.RunAsync("results", "--cycle", "par-2020-06")).ShouldSucceed().Output)
            .ToDictionary(r => r["unit_code"], r => decimal.Parse(r["index"], System.Globalization.CultureInfo.InvariantCulture));
        var predecessors = File.ReadAllLines(Repo.Path("examples", "thai-nguyen", "units.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f.Length == 8) /* commune names carry no commas */.ToDictionary(f => f[0], f => f[7].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split(':')[0]).ToList());
        foreach (var row in derived)
        {
            var indices = predecessors[row["unit_code"]].Where(before.ContainsKey).Select(p => before[p]).ToList();
            var expected = indices.Sum() / indices.Count;
            Assert.InRange(decimal.Parse(row["previous_index"], System.Globalization.CultureInfo.InvariantCulture), expected - 0.000001m, expected + 0.000001m);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unknown_group_is_refused_naming_the_groups_there_are(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var run = await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "nope");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("nope", run.Error);
        Assert.Contains("huyen", run.Error);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unknown_cycle_is_refused(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var run = await db.RunAsync("results", "--cycle", "par-1999-00");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("par-1999-00", run.Error);
    }
}
