using ParIndex.Bench.Generator;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Bench;

/// <summary>The benchmark's generator, at the scale of one small province: the same seed writes the same files, and they import.</summary>
public class BenchDataTests
{
    private static string Units => Path.GetFullPath(Path.Combine(Repo.Root, "reference", "vn-admin-units-2025-03.csv"));

    [Fact]
    public async Task A_province_is_generated_the_same_from_the_same_seed_and_imports_through_the_command_line()
    {
        Assert.True(File.Exists(Units), $"The national list of units is expected at {Units}.");
        using var first = new TempFolder();
        using var second = new TempFolder();
        var data = BenchData.Generate(Units, first.FullName, "06", seed: 7);
        var again = BenchData.Generate(Units, second.FullName, "06", seed: 7);

        foreach (var (a, b) in new[] { (data.UnitsFile, again.UnitsFile), (data.CycleFile, again.CycleFile), (data.ScoresFile, again.ScoresFile) })
            Assert.Equal(await File.ReadAllBytesAsync(a), await File.ReadAllBytesAsync(b));
        Assert.Equal(1, data.Provinces);
        Assert.Equal(20 + data.Districts + data.Communes + 12 * data.Districts, data.Scorecards);
        Assert.Equal(90L * data.Scorecards, data.ItemValues);

        await using var db = await TestDatabase.EmptyAsync(DatabaseOptions.Sqlite);
        (await db.RunAsync("import", "units", data.UnitsFile)).ShouldSucceed();
        (await db.RunAsync("import", "cycle", data.CycleFile)).ShouldSucceed();
        (await db.RunAsync("import", "scores", "--cycle", data.CycleId, data.ScoresFile)).ShouldSucceed();
        var results = (await db.RunAsync("results", "--cycle", data.CycleId)).ShouldSucceed();
        Assert.Equal(data.Scorecards, results.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Equal(data.ItemValues, await db.CountAsync("item_values"));
        // Every value was set where none was: the import's one batch entry covers them all, with the file's data rows and every scorecard.
        Assert.Equal(0, await db.CountAsync("audit"));
        Assert.Equal(1, await db.CountAsync("import_batches"));
        Assert.Equal(data.ItemValues, await db.ScalarAsync("SELECT \"RowCount\" FROM import_batches"));
        Assert.Equal(data.Scorecards, await db.CountAsync("import_batch_units"));
    }
}
