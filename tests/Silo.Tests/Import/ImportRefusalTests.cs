using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Import;

/// <summary>
/// A refusal that only the stored values can tell (lifting a not-applicable mark that is not there) refuses the whole file
/// and leaves nothing, however many good scorecards come before the bad ones, and lists every bad one in file order. The
/// importer writes a slice of scorecards (here one each) while it checks the next, so the good one may be written before a
/// bad one is found: the refusal rolls it back.
/// </summary>
[Collection(DemoCollection.Name)]
public class ImportRefusalTests(DemoDatabase demo)
{
    [Theory, SqliteData, PostgresData]
    public async Task Bad_scorecards_after_good_ones_refuse_the_whole_file_listing_each_in_file_order(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);
        var before = await db.FingerprintAsync();

        // 06-SCT (first in key order) is good; 06-VP and then 06-SNV lift marks they do not have.
        var run = await db.RunAsync("import", "scores", "--cycle", PreparedCycle.Id, folder.Write("diem.csv",
            "unit_code,item_code,kind,value,note\n06-SCT,1.1,appraised,1,\n06-VP,1.1,applicable,,Đã có hồ sơ\n06-SNV,1.1,applicable,,Đã có hồ sơ\n"));

        Assert.NotEqual(0, run.ExitCode);
        var vp = run.Error.IndexOf("Đơn vị 06-VP, tiêu chí 1.1: không có đánh dấu không phát sinh để bỏ.", StringComparison.Ordinal);
        var snv = run.Error.IndexOf("Đơn vị 06-SNV, tiêu chí 1.1: không có đánh dấu không phát sinh để bỏ.", StringComparison.Ordinal);
        Assert.True(vp >= 0 && snv > vp, run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
        Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(*) FROM item_values WHERE \"CycleId\"='{PreparedCycle.Id}'"));
    }
}
