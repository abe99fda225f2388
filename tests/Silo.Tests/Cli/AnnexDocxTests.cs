using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;
using ParIndex.Silo.Workflow;
using ParIndex.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>
/// `publish --docx` and `results --docx` (issue 18): the decision's annex as Word, every row of every table checked
/// against the published version as stored, read here straight from the publications.
/// </summary>
[Collection(DemoCollection.Name)]
public class AnnexDocxTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    private static async Task<IReadOnlyList<ResultLine>> PublishedAsync(TestDatabase db, string group, int version)
    {
        await using var stores = new ServiceCollection().AddLogging().AddParIndexStores(db.Options).BuildServiceProvider();
        return await stores.GetRequiredService<StoredResults>().VersionAsync(Cycle, group, version) ?? throw new InvalidOperationException($"{group} v{version}");
    }

    [Fact]
    public async Task Publish_with_docx_writes_one_table_per_group_published_exactly_as_published()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var path = folder.Path("phu-luc.docx");
        var run = (await db.RunAsync("publish", "--cycle", Cycle, "--decision", "202/QĐ-UBND", "--date", "2021-02-09", "--group", "so", "--docx", path)).ShouldSucceed();
        Assert.Contains("phu-luc.docx", run.Output);

        var annex = new WordAnnex(await File.ReadAllBytesAsync(path));
        Assert.Empty(annex.ValidationErrors);
        Assert.Equal(["PHỤ LỤC", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 — TỈNH BẮC KẠN", "(Kèm theo Quyết định số 202/QĐ-UBND ngày 09/02/2021)"], annex.Paragraphs.Take(3));
        Assert.Contains("I. Sở, ban, ngành", annex.Paragraphs);
        var table = Assert.Single(annex.Tables);
        Assert.Equal(WordAnnex.ExpectedRows(await PublishedAsync(db, "so", 1)), WordAnnex.Rows(table));
        Assert.Equal(20, table.Count); // 19 departments and the header
        Assert.Equal(("Times New Roman", "26", 0), (annex.Font, annex.FontSize, annex.Overrides));
        Assert.Equal((16838u, 11906u, true), annex.Page);
    }

    [Fact]
    public async Task Publishing_every_group_gives_a_table_for_each_in_the_cycle_order()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var path = folder.Path("all.docx");
        (await db.RunAsync("publish", "--cycle", Cycle, "--decision", "202/QĐ-UBND", "--date", "2021-02-09", "--docx", path)).ShouldSucceed();

        var annex = new WordAnnex(await File.ReadAllBytesAsync(path));
        string[] groups = ["so", "huyen", "xa-058", "xa-060", "xa-061", "xa-062", "xa-063", "xa-064", "xa-065", "xa-066",
            "phong-058", "phong-060", "phong-061", "phong-062", "phong-063", "phong-064", "phong-065", "phong-066"];
        Assert.Equal(groups.Length, annex.Tables.Count);
        for (var i = 0; i < groups.Length; i++)
            Assert.Equal(WordAnnex.ExpectedRows(await PublishedAsync(db, groups[i], 1)), WordAnnex.Rows(annex.Tables[i]));
        Assert.True(annex.HeaderRowsRepeat);
    }

    [Fact]
    public async Task An_adjustment_s_annex_shows_the_changed_units_old_to_new_then_the_new_table()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        (await db.RunAsync("publish", "--cycle", Cycle, "--decision", "202/QĐ-UBND", "--date", "2021-02-09", "--group", "so")).ShouldSucceed();
        var zeroes = string.Join("", Enumerable.Range(1, 3).Select(i => $"06-SCT,1.1.{i},appraised,0,Thẩm định lại\n"));
        (await db.RunAsync("adjust", "--cycle", Cycle, "--decision", "1243/QĐ-UBND", "--date", "2021-07-30", "--reason", "Thẩm định lại lĩnh vực 1",
            folder.Write("adj.csv", "unit_code,item_code,kind,value,note\n" + zeroes))).ShouldSucceed();
        var path = folder.Path("v2.docx");
        (await db.RunAsync("results", "--cycle", Cycle, "--group", "so", "--docx", path)).ShouldSucceed(); // the latest: version 2

        var annex = new WordAnnex(await File.ReadAllBytesAsync(path));
        Assert.Empty(annex.ValidationErrors);
        Assert.Contains("(Kèm theo Quyết định số 1243/QĐ-UBND ngày 30/07/2021)", annex.Paragraphs);
        Assert.Contains("Điều chỉnh kết quả đã công bố. Lý do: Thẩm định lại lĩnh vực 1", annex.Paragraphs);
        Assert.Contains("Các đơn vị thay đổi so với phiên bản 1 (Quyết định số 202/QĐ-UBND ngày 09/02/2021):", annex.Paragraphs);
        var v1 = await PublishedAsync(db, "so", 1);
        var v2 = await PublishedAsync(db, "so", 2);
        Assert.Equal(2, annex.Tables.Count);
        Assert.Equal(ExpectedChanges(v1, v2), WordAnnex.Rows(annex.Tables[0]));
        Assert.Contains(annex.Tables[0], r => r[1] == "Sở Công Thương" && r[4].StartsWith("1 → ", StringComparison.Ordinal));
        Assert.Equal(WordAnnex.ExpectedRows(v2), WordAnnex.Rows(annex.Tables[1]));

        // Version 1 stays what it was: no changes table, the first decision.
        var first = folder.Path("v1.docx");
        (await db.RunAsync("results", "--cycle", Cycle, "--group", "so", "--version", "1", "--docx", first)).ShouldSucceed();
        var original = new WordAnnex(await File.ReadAllBytesAsync(first));
        Assert.Equal(WordAnnex.ExpectedRows(v1), WordAnnex.Rows(Assert.Single(original.Tables)));
        Assert.Contains("(Kèm theo Quyết định số 202/QĐ-UBND ngày 09/02/2021)", original.Paragraphs);
    }

    /// <summary>Every unit whose index, rank or class moved, in the new ranking's order, worked out here from the two versions.</summary>
    private static List<List<string>> ExpectedChanges(IReadOnlyList<ResultLine> before, IReadOnlyList<ResultLine> after)
    {
        var old = before.ToDictionary(l => l.UnitCode);
        var rows = new List<List<string>> { new() { "STT", "Đơn vị", "Tổng điểm", "Chỉ số", "Xếp hạng", "Xếp loại" } };
        var changed = after.Where(a => old[a.UnitCode] is var b && (b.Index != a.Index || b.Rank != a.Rank || b.Classification != a.Classification))
            .OrderBy(a => a.Rank).ToList();
        Assert.NotEmpty(changed);
        foreach (var a in changed)
        {
            var b = old[a.UnitCode];
            rows.Add([(rows.Count).ToString(CultureInfo.InvariantCulture), a.UnitName,
                $"{WordAnnex.Vi(b.Obtained, 2)} → {WordAnnex.Vi(a.Obtained, 2)}",
                $"{WordAnnex.Vi(b.IndexDisplay!.Value, b.DisplayDecimals)} → {WordAnnex.Vi(a.IndexDisplay!.Value, a.DisplayDecimals)}",
                $"{b.Rank} → {a.Rank}", $"{b.Classification} → {a.Classification}"]);
        }
        return rows;
    }

    [Fact]
    public async Task Several_groups_of_one_decision_give_one_annex_and_groups_of_different_decisions_are_refused()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        var path = folder.Path("202.docx");
        (await db.RunAsync("results", "--cycle", Cycle, "--group", "so,huyen", "--docx", path)).ShouldSucceed();
        var annex = new WordAnnex(await File.ReadAllBytesAsync(path));
        Assert.Equal(WordAnnex.ExpectedRows(await PublishedAsync(db, "so", 1)), WordAnnex.Rows(annex.Tables[0]));
        Assert.Equal(WordAnnex.ExpectedRows(await PublishedAsync(db, "huyen", 1)), WordAnnex.Rows(annex.Tables[1]));
        Assert.Contains("II. UBND các huyện, thành phố", annex.Paragraphs);

        var other = folder.Path("mixed.docx");
        var run = await db.RunAsync("results", "--cycle", Cycle, "--group", "so,xa-058", "--docx", other);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("không cùng một quyết định", run.Error);
        Assert.False(File.Exists(other));
    }

    [Fact]
    public async Task The_example_annex_in_examples_is_what_the_command_writes_from_the_demo()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        var path = folder.Path("phu-luc-2020.docx");
        (await db.RunAsync("results", "--cycle", Cycle, "--group", "so,huyen", "--docx", path)).ShouldSucceed();
        // The zip's dates differ from run to run; the document's text and structure must not (examples/README.md says how to regenerate).
        Assert.Equal(DocumentXml(Repo.Path("examples", "bac-kan", "phu-luc-2020.docx")), DocumentXml(path));
    }

    private static string DocumentXml(string path)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task A_bad_request_is_refused_in_Vietnamese_naming_what_is_wrong_and_writes_no_file()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var path = folder.Path("x.docx");

        async Task RefusedAsync(string expected, params string[] args)
        {
            var run = await db.RunAsync(args);
            Assert.Equal(1, run.ExitCode);
            Assert.Contains(expected, run.Error);
            Assert.False(File.Exists(path), string.Join(' ', args));
            Assert.Empty(Directory.GetFiles(folder.FullName));
        }

        await RefusedAsync("Nhóm so của kỳ par-2020-06 chưa được công bố", "results", "--cycle", Cycle, "--group", "so", "--docx", path);
        await RefusedAsync("\"nope\"", "results", "--cycle", Cycle, "--group", "nope", "--docx", path);
        await RefusedAsync("--group", "results", "--cycle", Cycle, "--docx", path);
        await RefusedAsync("\"par-1999\"", "results", "--cycle", "par-1999", "--group", "so", "--docx", path);
        await RefusedAsync(".docx", "results", "--cycle", Cycle, "--group", "so", "--docx", folder.Path("x.pdf"));

        // A folder that does not exist refuses the publication before anything is published.
        await RefusedAsync("Không có thư mục", "publish", "--cycle", Cycle, "--decision", "202/QĐ-UBND", "--date", "2021-02-09", "--group", "so",
            "--docx", Path.Combine(folder.FullName, "missing", "x.docx"));
        Assert.Equal(0, await db.CountAsync("publications"));

        (await db.RunAsync("publish", "--cycle", Cycle, "--decision", "202/QĐ-UBND", "--date", "2021-02-09", "--group", "so")).ShouldSucceed();
        await RefusedAsync("không có phiên bản công bố 2 (có: 1)", "results", "--cycle", Cycle, "--group", "so", "--version", "2", "--docx", path);
    }
}
