using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>The shipped example files go in through the CLI and come out as the demo's results.</summary>
[Collection(DemoCollection.Name)]
public class RoundTripTests(DemoDatabase demo)
{
    [Fact]
    public async Task The_example_files_imported_one_by_one_give_the_same_results_as_the_seeded_demo()
    {
        using var folder = new TempFolder();
        var db = folder.Path("examples.db");
        string Example(string province, string file) => Repo.Path("examples", province, file);

        (await Tool.RunAsync("import", "units", "--db", db, Example("bac-kan", "units.csv"))).ShouldSucceed();
        (await Tool.RunAsync("import", "units", "--db", db, Example("thai-nguyen", "units.csv"))).ShouldSucceed();
        (await Tool.RunAsync("import", "cycle", "--db", db, Example("bac-kan", "cycle-2019.json"))).ShouldSucceed();
        (await Tool.RunAsync("import", "scores", "--db", db, "--cycle", "par-2019-06", Example("bac-kan", "scores-2019.csv"))).ShouldSucceed();
        (await Tool.RunAsync("import", "cycle", "--db", db, Example("bac-kan", "cycle-2020.json"))).ShouldSucceed();
        var scores = await Tool.RunAsync("import", "scores", "--db", db, "--cycle", "par-2020-06", Example("bac-kan", "scores-2020.csv"));
        scores.ShouldSucceed();
        Assert.Contains("Đã nhập", scores.Output);

        foreach (var format in new[] { "csv", "json" })
        {
            var mine = (await Tool.RunAsync("results", "--db", db, "--cycle", "par-2020-06", "--format", format)).ShouldSucceed().Output;
            using var demoFolder = new TempFolder();
            var seeded = (await Tool.RunAsync("results", "--db", demo.CopyTo(demoFolder), "--cycle", "par-2020-06", "--format", format)).ShouldSucceed().Output;
            Assert.Equal(seeded, mine);
        }
    }

    [Fact]
    public async Task Importing_the_same_scores_twice_changes_no_result()
    {
        using var folder = new TempFolder();
        var db = demo.CopyTo(folder);
        var before = (await Tool.RunAsync("results", "--db", db, "--cycle", "par-2020-06")).ShouldSucceed().Output;
        (await Tool.RunAsync("import", "scores", "--db", db, "--cycle", "par-2020-06", Repo.Path("examples", "bac-kan", "scores-2020.csv"))).ShouldSucceed();
        Assert.Equal(before, (await Tool.RunAsync("results", "--db", db, "--cycle", "par-2020-06")).ShouldSucceed().Output);
    }
}
