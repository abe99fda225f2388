using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>The shipped example files go in through the CLI and come out as the demo's results.</summary>
[Collection(DemoCollection.Name)]
public class RoundTripTests(DemoDatabase demo)
{
    [Theory, SqliteData, PostgresData]
    public async Task The_example_files_imported_one_by_one_give_the_same_results_as_the_seeded_demo(string provider)
    {
        await using var db = await TestDatabase.EmptyAsync(provider);
        string Example(string province, string file) => Repo.Path("examples", province, file);

        (await db.RunAsync("import", "units", Example("bac-kan", "units.csv"))).ShouldSucceed();
        (await db.RunAsync("import", "units", Example("thai-nguyen", "units.csv"))).ShouldSucceed();
        (await db.RunAsync("import", "cycle", Example("bac-kan", "cycle-2019.json"))).ShouldSucceed();
        (await db.RunAsync("import", "scores", "--cycle", "par-2019-06", Example("bac-kan", "scores-2019.csv"))).ShouldSucceed();
        (await db.RunAsync("import", "cycle", Example("bac-kan", "cycle-2020.json"))).ShouldSucceed();
        var scores = await db.RunAsync("import", "scores", "--cycle", "par-2020-06", Example("bac-kan", "scores-2020.csv"));
        scores.ShouldSucceed();
        Assert.Contains("Đã nhập", scores.Output);

        foreach (var format in new[] { "csv", "json" })
        {
            var mine = (await db.RunAsync("results", "--cycle", "par-2020-06", "--format", format)).ShouldSucceed().Output;
            await using var seededDb = await demo.CopyAsync(provider); // as seeded, then published: publication changes no figure
            var seeded = (await seededDb.RunAsync("results", "--cycle", "par-2020-06", "--format", format)).ShouldSucceed().Output;
            Assert.Equal(seeded, mine);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task Importing_the_same_scores_twice_changes_no_result(string provider)
    {
        await using var db = await demo.CopyUnpublishedAsync(provider); // published groups take no import
        var before = (await db.RunAsync("results", "--cycle", "par-2020-06")).ShouldSucceed().Output;
        (await db.RunAsync("import", "scores", "--cycle", "par-2020-06", Repo.Path("examples", "bac-kan", "scores-2020.csv"))).ShouldSucceed();
        Assert.Equal(before, (await db.RunAsync("results", "--cycle", "par-2020-06")).ShouldSucceed().Output);
    }
}
