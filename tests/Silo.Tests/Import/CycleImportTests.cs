using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Import;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Import;

/// <summary>
/// `import cycle` and `import units` write their many rows in bulk: what they stored reads back through the stores as
/// the cycle and the units files say, and a units file updates the units that are there.
/// </summary>
[Collection(DemoCollection.Name)]
public class CycleImportTests(DemoDatabase demo)
{
    [Theory, SqliteData, PostgresData]
    public async Task A_cycles_members_scorecards_and_empty_results_read_back_through_the_stores(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);

        await using var services = await db.SiloAsync();
        var cycle = (await services.GetRequiredService<ICycleStore>().LoadAsync(PreparedCycle.Id, CancellationToken.None))!;
        Assert.Equal(["06-SCT", "06-SNV"], cycle.Members["so"].Select(u => u.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["06-VP"], cycle.Members["van-phong"].Select(u => u.Code));
        Assert.Equal("van-phong", cycle.GroupOf("06-VP")!.Code);

        var cards = services.GetRequiredService<IStateStore<ScorecardState>>();
        foreach (var (unit, group) in new[] { ("06-SCT", "so"), ("06-SNV", "so"), ("06-VP", "van-phong") })
        {
            var (state, etag) = await cards.ReadAsync(GrainKeys.Scorecard(PreparedCycle.Id, unit), CancellationToken.None);
            Assert.Equal("1", etag);
            Assert.Equal((group, ScorecardStatus.Draft, 1, false), (state.GroupCode, state.Status, state.Round, state.DeadlineException));
            Assert.Empty(state.Items);
            Assert.Empty(state.Returns);
        }

        // Nothing scored of one appraisal item worth 1 point: 0 of 1, index 0, provisional (no appraisal yet).
        var results = await services.GetRequiredService<IResultStore>().LoadGroupAsync(PreparedCycle.Id, "so", cycle.Cycle.FrameworkOf(cycle.GroupOf("06-SNV")!), CancellationToken.None);
        Assert.Equal(["06-SCT", "06-SNV"], results.Select(r => r.UnitCode).Order(StringComparer.Ordinal));
        foreach (var result in results)
        {
            Assert.Equal((0m, 1m, 0m, 0m, 2, true), (result.Obtained, result.Maximum, result.Index, result.DisplayIndex, result.DisplayDecimals, result.Provisional));
            Assert.Equal([new ComponentIndex("1", "Tạm", 0m, 1m)], result.Fields);
        }
        // Unranked, and stamped with the very time the cycle row was (EF wrote that one; the same text, or the same instant).
        var where = $"WHERE x.\"CycleId\"='{PreparedCycle.Id}'";
        Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(x.\"Rank\") FROM results x {where}"));
        Assert.Equal(3, await db.ScalarAsync($"SELECT COUNT(*) FROM results x JOIN cycles c ON c.\"Id\"=x.\"CycleId\" AND c.\"ImportedAt\"=x.\"ComputedAt\" {where}"));
        Assert.Equal(3, await db.ScalarAsync($"SELECT COUNT(*) FROM scorecards x JOIN cycles c ON c.\"Id\"=x.\"CycleId\" AND c.\"ImportedAt\"=x.\"UpdatedAt\" {where}"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_units_file_adds_new_units_and_updates_those_that_are_there(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var units = await db.CountAsync("units");

        // 06-SNV is in the demo (Sở, valid to 2025-06-30): its type, start and predecessors change. 06-MOI is new.
        var run = await db.RunAsync("import", "units", folder.Write("units.csv",
            "code,name,type,level,parent_code,valid_from,valid_to,predecessors\n" +
            "06-SNV,Sở Nội vụ,Cơ quan chuyên môn,2,06,2019-01-01,2025-06-30,06-STC:partial\n" +
            "06-MOI,Sở Mới,Sở,2,06,2024-01-01,,06-SNV\n"));
        run.ShouldSucceed();
        Assert.Contains("1 mới, 1 cập nhật", run.Output);
        Assert.Equal(units + 1, await db.CountAsync("units"));

        await using var services = await db.SiloAsync();
        var directory = await services.GetRequiredService<UnitImporter>().LoadDirectoryAsync();
        var updated = directory.Find("06-SNV", new DateOnly(2020, 1, 1))!;
        Assert.Equal(("Sở Nội vụ", "Cơ quan chuyên môn", 2, "06", new DateOnly(2019, 1, 1), new DateOnly(2025, 6, 30)),
            (updated.Name, updated.Type, updated.Level, updated.ParentCode, updated.ValidFrom, updated.ValidTo));
        Assert.Equal([new Predecessor("06-STC", true)], updated.Predecessors);
        Assert.Null(directory.Find("06-SNV", new DateOnly(2018, 12, 31)));
        var added = directory.Find("06-MOI", new DateOnly(2026, 1, 1))!;
        Assert.Equal(("Sở Mới", "Sở", 2, "06", new DateOnly(2024, 1, 1), (DateOnly?)null), (added.Name, added.Type, added.Level, added.ParentCode, added.ValidFrom, added.ValidTo));
        Assert.Equal([new Predecessor("06-SNV")], added.Predecessors);
    }
}
