using ParIndex.Silo.Files;
using ParIndex.Silo.Tests.Import;
using ParIndex.Silo.Tests.Support;
using static ParIndex.Silo.Tests.Files.FrameworkSheets;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>`export framework` and `import framework`: last year's framework, exported, becomes this year's unchanged.</summary>
[Collection(DemoCollection.Name)]
public class FrameworkCommandTests(DemoDatabase demo)
{
    [Theory, SqliteData, PostgresData]
    public async Task Export_import_export_gives_the_same_framework(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);
        var first = folder.Path("so-2020.xlsx");
        var second = folder.Path("so-2021.xlsx");

        var exported = (await db.RunAsync("export", "framework", "--cycle", "par-2020-06", "--group", "so", first)).ShouldSucceed();
        (await db.RunAsync("import", "framework", "--cycle", PreparedCycle.Id, "--group", "so", first)).ShouldSucceed();
        (await db.RunAsync("export", "framework", "--cycle", PreparedCycle.Id, "--group", "so", second)).ShouldSucceed();

        Assert.Contains("Đã xuất bộ tiêu chí so-2020 của nhóm so (kỳ par-2020-06) ra so-2020.xlsx.", exported.Output);
        // Stored: item for item what the demo's 2020 framework holds.
        var demoItems = await PreparedCycle.ItemsAsync(db, "par-2020-06", "so-2020");
        Assert.NotEmpty(demoItems);
        Assert.Equal(demoItems, await PreparedCycle.ItemsAsync(db, PreparedCycle.Id, "so-2021"));
        // Written: the two workbooks hold the same rows, cell for cell, and read as the same tree.
        Assert.Equal(Cells(first), Cells(second));
        Assert.Equal(Flat(Read(first)), Flat(Read(second)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Exporting_an_unknown_group_names_the_groups_there_are(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);

        var run = await db.RunAsync("export", "framework", "--cycle", "par-2020-06", "--group", "khong-co", folder.Path("x.xlsx"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Lỗi: Kỳ par-2020-06 không có nhóm xếp hạng \"khong-co\".", run.Error);
        Assert.Contains("so, huyen", run.Error);
        Assert.False(File.Exists(folder.Path("x.xlsx")));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Importing_a_file_that_is_no_workbook_is_refused(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        await PreparedCycle.ImportAsync(db, folder);

        var run = await db.RunAsync("import", "framework", "--cycle", PreparedCycle.Id, "--group", "so", folder.Write("btc.xlsx", "Cấp,Mã\n"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Lỗi: tệp btc.xlsx có 1 lỗi; không có gì được lưu.", run.Error);
        Assert.Contains("không phải tệp Excel .xlsx hợp lệ", run.Error);
    }

    private static List<string> Cells(string path)
    {
        using var stream = File.OpenRead(path);
        return XlsxRows.Read(stream, Path.GetFileName(path), [])!.Select(r => string.Join("|", r.Fields)).ToList();
    }

    private static ParIndex.Grains.Domain.Framework Read(string path)
    {
        using var stream = File.OpenRead(path);
        var read = FrameworkXlsx.Read(stream, Path.GetFileName(path), "f", "F");
        Assert.True(read.IsValid, read.ToString());
        return read.Value;
    }
}
