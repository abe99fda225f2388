using ParIndex.Silo.Tests.Support;
using ParIndex.Silo.Tests.Files;
using static ParIndex.Silo.Tests.Files.FrameworkSheets;

namespace ParIndex.Silo.Tests.Import;

/// <summary>`import framework` against the database: only into a cycle being prepared, all or nothing, for every group sharing the framework.</summary>
[Collection(DemoCollection.Name)]
public class FrameworkImportTests(DemoDatabase demo)
{
    /// <summary>1 + 0.75 (appraisal) + 2.5 (survey) count in the maximum: 4.25; the bonus does not.</summary>
    private static readonly object?[][] Good =
    [
        ["Lĩnh vực", "1", "Chỉ đạo, điều hành"],
        ["Tiêu chí", "1.1", "Kế hoạch"],
        ["Tiêu chí thành phần", "1.1.1", "Ban hành kịp thời", new Num("1"), "Thẩm định", "Có"],
        ["Tiêu chí thành phần", "1.1.2", "Hoàn thành", new Num("0.75"), "Thẩm định"],
        ["Tiêu chí", "1.2", "Đại biểu HĐND đánh giá", new Num("2.5"), "Điều tra XHH"],
        ["Lĩnh vực", "9", "Thưởng"],
        ["Tiêu chí", "9.1", "Sáng kiến", new Num("0.5"), "Điểm thưởng"],
    ];

    private static string Write(TempFolder folder, string name, object?[][] rows)
    {
        var path = folder.Path(name);
        File.WriteAllBytes(path, Xlsx(rows).ToArray());
        return path;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_good_workbook_replaces_the_framework_of_every_group_sharing_it(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);

        var run = await db.RunAsync("import", "framework", "--cycle", PreparedCycle.Id, "--group", "so", Write(folder, "btc.xlsx", Good));

        run.ShouldSucceed();
        Assert.Contains("dùng cho nhóm so, van-phong", run.Output);
        Assert.Equal("1.1.1 1 Appraisal\n1.1.2 0.75 Appraisal\n1.2 2.5 Survey\n9.1 0.5 Bonus", await PreparedCycle.ItemsAsync(db, PreparedCycle.Id, "so-2021"));
        // Every member's empty result now has the new maximum, in both groups.
        var results = (await db.RunAsync("results", "--cycle", PreparedCycle.Id)).ShouldSucceed().Output;
        foreach (var unit in new[] { "06-SNV", "06-SCT", "06-VP" })
            Assert.Contains(results.Split('\n'), l => l.Contains($",{unit},") && l.Split(',')[^9] == "4.25");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_workbook_stores_nothing_and_lists_every_bad_row(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);
        var before = await PreparedCycle.ItemsAsync(db, PreparedCycle.Id, "so-2021");
        var fingerprint = await db.FingerprintAsync();

        var run = await db.RunAsync("import", "framework", "--cycle", PreparedCycle.Id, "--group", "so", Write(folder, "btc.xlsx",
            [.. Good[..3], ["Tiêu chí thành phần", "1.1.2", "Hoàn thành", new Num("0"), "Thẩm định"], Good[4], ["Lĩnh vực", "9", "Thưởng"], ["Tiêu chí", "9.1", "Sáng kiến", new Num("0.5"), "Thưởng?"]]));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Lỗi: tệp btc.xlsx có 2 lỗi; không có gì được lưu.", run.Error);
        Assert.Contains("btc.xlsx:5: tiêu chí 1.1.2: cột \"Điểm tối đa\": 0 phải lớn hơn 0.", run.Error);
        Assert.Contains("btc.xlsx:8: tiêu chí 9.1: cột \"Nguồn điểm\"", run.Error);
        Assert.Equal(before, await PreparedCycle.ItemsAsync(db, PreparedCycle.Id, "so-2021"));
        Assert.Equal(fingerprint, await db.FingerprintAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_framework_the_groups_rules_no_longer_fit_is_refused_whole(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);
        var before = await PreparedCycle.ItemsAsync(db, PreparedCycle.Id, "so-2021");

        // Group so breaks ties on field 1; this framework has only field 2.
        var run = await db.RunAsync("import", "framework", "--cycle", PreparedCycle.Id, "--group", "van-phong", Write(folder, "btc.xlsx",
            [["Lĩnh vực", "2", "Thể chế"], ["Tiêu chí", "2.1", "Văn bản", new Num("1"), "Thẩm định"]]));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("không có gì được lưu", run.Error);
        Assert.Contains("btc.xlsx: Nhóm so: tiêu chí phụ xếp hạng \"1\" không phải", run.Error);
        Assert.Equal(before, await PreparedCycle.ItemsAsync(db, PreparedCycle.Id, "so-2021"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_group_that_already_has_scores_is_refused_in_Vietnamese_and_nothing_changes(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider); // Bắc Kạn 2020 as drafts: scored, not published
        var before = await PreparedCycle.ItemsAsync(db, "par-2020-06", "so-2020");
        var fingerprint = await db.FingerprintAsync();

        var run = await db.RunAsync("import", "framework", "--cycle", "par-2020-06", "--group", "so", Write(folder, "btc.xlsx", Good));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Lỗi: Không nhập bộ tiêu chí: kỳ par-2020-06 không còn ở giai đoạn chuẩn bị", run.Error);
        Assert.Contains("đơn vị đã có điểm", run.Error);
        Assert.Equal(before, await PreparedCycle.ItemsAsync(db, "par-2020-06", "so-2020"));
        Assert.Equal(fingerprint, await db.FingerprintAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_published_group_is_refused(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider); // Bắc Kạn 2020 published

        var run = await db.RunAsync("import", "framework", "--cycle", "par-2020-06", "--group", "huyen", Write(folder, "btc.xlsx", Good));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nhóm huyen đã được công bố.", run.Error);
    }
}
