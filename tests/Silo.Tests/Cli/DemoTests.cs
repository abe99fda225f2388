using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>
/// `demo` tells Bắc Kạn's story as it happened: both years published, each group by a decision of its assessor (the
/// province for its departments and districts, each district for its communes and offices); Thái Nguyên 2025 still in
/// progress. `demo --unpublished` stops before the decisions.
/// </summary>
[Collection(DemoCollection.Name)]
public class DemoTests(DemoDatabase demo)
{
    /// <summary>Bắc Kạn's districts in both years (Thành phố Bắc Kạn, then Pác Nặm … Na Rì).</summary>
    private static readonly string[] Districts = ["058", "060", "061", "062", "063", "064", "065", "066"];

    /// <summary>Who decides on each group: the province on its departments and districts, a district on its communes and offices.</summary>
    private static readonly Dictionary<string, string> Assessors = new[] { ("so", "06"), ("huyen", "06") }
        .Concat(Districts.SelectMany(d => new[] { ($"xa-{d}", d), ($"phong-{d}", d) })).ToDictionary(p => p.Item1, p => p.Item2);

    private sealed record Publication(string Cycle, string Group, long Version, string Kind, string Decision, string Date, string? Signer);

    private static async Task<List<Publication>> PublicationsAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"CycleId\", \"GroupCode\", \"Version\", \"Kind\", \"Decision\", CAST(\"DecisionDate\" AS TEXT), \"Signer\" FROM publications";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Publication>();
        while (await reader.ReadAsync())
            rows.Add(new(reader.GetString(0), reader.GetString(1), Convert.ToInt64(reader.GetValue(2)), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        return rows;
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_Bac_Kan_group_is_published_once_by_its_assessors_decision(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var publications = await PublicationsAsync(db);

        foreach (var cycle in new[] { "par-2019-06", "par-2020-06" })
        {
            var mine = publications.Where(p => p.Cycle == cycle).ToList();
            Assert.Equal(Assessors.Keys.Order(), mine.Select(p => p.Group).Order());
            Assert.All(mine, p => Assert.Equal((1L, "publish"), (p.Version, p.Kind)));
            // One decision per assessor: its groups share it, and no two assessors share one.
            var byAssessor = mine.GroupBy(p => Assessors[p.Group]).ToList();
            Assert.Equal(9, byAssessor.Count);
            Assert.All(byAssessor, a => Assert.Single(a.Select(p => (p.Decision, p.Date, p.Signer)).Distinct()));
            Assert.Equal(9, byAssessor.Select(a => a.First().Decision).Distinct().Count());
            Assert.All(mine.Where(p => Assessors[p.Group] == "06"), p => Assert.Equal("Chủ tịch UBND tỉnh Bắc Kạn", p.Signer));
            Assert.All(mine.Where(p => Assessors[p.Group] == "058"), p => Assert.Equal("Chủ tịch UBND thành phố Bắc Kạn", p.Signer));
        }

        // 2020: the province's Quyết định 202/QĐ-UBND of 09/02/2021; 2019: announced on 04/02/2020.
        Assert.All(publications.Where(p => p.Cycle == "par-2020-06" && Assessors[p.Group] == "06"), p => Assert.Equal(("202/QĐ-UBND", "2021-02-09"), (p.Decision, p.Date)));
        Assert.All(publications.Where(p => p.Cycle == "par-2019-06" && Assessors[p.Group] == "06"), p => Assert.Equal("2020-02-04", p.Date));
        // Thái Nguyên 2025 is in progress: nothing published, every scorecard a draft; Bắc Kạn's are all frozen.
        Assert.DoesNotContain(publications, p => p.Cycle == "par-2025-19");
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM scorecards WHERE \"CycleId\" = 'par-2025-19' AND \"Status\" <> 'Draft'"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM scorecards WHERE \"CycleId\" IN ('par-2019-06', 'par-2020-06') AND \"Status\" <> 'Published'"));
        Assert.Equal(await db.CountAsync("group_members") - await db.ScalarAsync("SELECT COUNT(*) FROM group_members WHERE \"CycleId\" = 'par-2025-19'"),
            await db.ScalarAsync("SELECT COUNT(*) FROM scorecards WHERE \"CycleId\" IN ('par-2019-06', 'par-2020-06')"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_published_version_of_2020_is_what_Quyet_dinh_202_announced(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        // Version 1 as kept at publication: Sở Công Thương first among the departments at 93,44; Thành phố Bắc Kạn first among the districts at 83,38.
        var departments = (await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "so", "--version", "1")).ShouldSucceed().Output.Split('\n');
        Assert.StartsWith("so,1,06-SCT,Sở Công Thương,", departments[1]);
        Assert.Contains(",93.44,Xuất sắc,false,", departments[1]);
        var districts = (await db.RunAsync("results", "--cycle", "par-2020-06", "--group", "huyen", "--version", "1")).ShouldSucceed().Output.Split('\n');
        Assert.StartsWith("huyen,1,058,", districts[1]);
        Assert.Contains(",83.38,", districts[1]);
    }

    [Fact]
    public async Task Unpublished_stops_before_the_decisions()
    {
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        Assert.Equal(0, await db.CountAsync("publications"));
        Assert.Equal(0, await db.ScalarAsync("SELECT COUNT(*) FROM scorecards WHERE \"Status\" <> 'Draft'"));
        Assert.Equal(await db.CountAsync("group_members"), await db.CountAsync("scorecards"));
    }
}
