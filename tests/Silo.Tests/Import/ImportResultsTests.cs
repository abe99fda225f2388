using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Import;

/// <summary>
/// A scores import writes the results of the scorecards it changed in bulk and re-ranks their groups: a unit it did not
/// score keeps its stored result and gets its new rank alone.
/// </summary>
[Collection(DemoCollection.Name)]
public class ImportResultsTests(DemoDatabase demo)
{
    [Theory, SqliteData, PostgresData]
    public async Task An_import_writes_the_changed_results_and_re_ranks_the_rest_of_the_group(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);

        // Group "so" (06-SNV, 06-SCT) has one appraisal item worth 1 point.
        (await ImportAsync(db, folder, "lan-1.csv", "06-SNV,1.1,appraised,0.5,\n")).ShouldSucceed();
        Assert.Equal(["06-SCT 0.0 2 1", "06-SNV 0.5 1 2"], await ResultsAsync(db));
        var snvAfterFirst = await ComputedAtAsync(db, "06-SNV");

        (await ImportAsync(db, folder, "lan-2.csv", "06-SCT,1.1,appraised,1,\n")).ShouldSucceed();
        // 06-SCT recomputed (1 of 1), first, its version one up; 06-SNV not scored again: its result and version as they were, ranked second.
        Assert.Equal(["06-SCT 1.0 1 2", "06-SNV 0.5 2 2"], await ResultsAsync(db));
        Assert.Equal(snvAfterFirst, await ComputedAtAsync(db, "06-SNV"));

        await using var services = await db.SiloAsync();
        var cycle = (await services.GetRequiredService<ICycleStore>().LoadAsync(PreparedCycle.Id, CancellationToken.None))!;
        var results = await services.GetRequiredService<IResultStore>().LoadGroupAsync(PreparedCycle.Id, "so", cycle.FrameworkOf("06-SNV"), CancellationToken.None);
        Assert.Equal([("06-SCT", 100m, false), ("06-SNV", 50m, false)],
            results.OrderBy(r => r.UnitCode, StringComparer.Ordinal).Select(r => (r.UnitCode, r.Index!.Value, r.Provisional)));
    }

    private static Task<Tool.Run> ImportAsync(TestDatabase db, TempFolder folder, string name, string rows) =>
        db.RunAsync("import", "scores", "--cycle", PreparedCycle.Id, folder.Write(name, "unit_code,item_code,kind,value,note\n" + rows));

    /// <summary>Each result of group "so": unit, points obtained (as stored, rounded to one place), rank and scorecard version.</summary>
    private static async Task<List<string>> ResultsAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT r."UnitCode", r."Obtained", r."Rank", s."Version" FROM results r JOIN scorecards s ON s."CycleId"=r."CycleId" AND s."UnitCode"=r."UnitCode"
            WHERE r."CycleId"='{PreparedCycle.Id}' AND r."GroupCode"='so' ORDER BY r."UnitCode"
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add($"{reader.GetString(0)} {reader.GetDecimal(1).ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture)} {reader.GetInt32(2)} {reader.GetInt64(3)}");
        return lines;
    }

    private static async Task<string> ComputedAtAsync(TestDatabase db, string unit)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"ComputedAt\" FROM results WHERE \"CycleId\"='{PreparedCycle.Id}' AND \"UnitCode\"='{unit}'";
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
