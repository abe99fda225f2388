using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>`publish`, `adjust` and `results --version`: published results are frozen; adjustments make versions.</summary>
[Collection(DemoCollection.Name)]
public class PublicationTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    private static Task<Tool.Run> PublishAsync(TestDatabase db, params string[] more) =>
        db.RunAsync(["publish", "--cycle", Cycle, "--decision", "202/QĐ-UBND", "--date", "2021-02-09", "--signer", "Đỗ Thị Minh Hoa", .. more]);

    [Fact]
    public async Task Publishing_keeps_version_1_as_the_results_were()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var before = (await db.RunAsync("results", "--cycle", Cycle)).ShouldSucceed().Output;
        var run = (await PublishAsync(db)).ShouldSucceed();
        Assert.Contains("202/QĐ-UBND", run.Output);
        Assert.Equal(before, (await db.RunAsync("results", "--cycle", Cycle, "--version", "1")).ShouldSucceed().Output);
        Assert.Equal(before, (await db.RunAsync("results", "--cycle", Cycle)).ShouldSucceed().Output);
    }

    [Fact]
    public async Task After_publication_import_scores_is_refused_and_nothing_written()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        (await PublishAsync(db, "--group", "so")).ShouldSucceed();
        var before = await db.FingerprintAsync();
        var run = await db.RunAsync("import", "scores", "--cycle", Cycle, folder.Write("s.csv", "unit_code,item_code,kind,value,note\n06-SNV,1.1.1,appraised,0,\n"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("06-SNV", run.Error);
        Assert.Contains("adjust", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
        // An unpublished group of the same cycle still takes scores.
        (await db.RunAsync("import", "scores", "--cycle", Cycle, folder.Write("h.csv", "unit_code,item_code,kind,value,note\n058,1.1.1,appraised,0,\n"))).ShouldSucceed();
    }

    [Fact]
    public async Task A_published_value_cannot_be_changed_through_the_grains_either()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        (await PublishAsync(db, "--group", "so")).ShouldSucceed();
        await using var services = await db.SiloAsync();
        var card = services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        var error = await Assert.ThrowsAsync<DomainException>(() => card.SetValuesAsync(new ScoreChange([new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Appraised, 0m)], "tester")));
        Assert.Contains("điều chỉnh", error.Message);
    }

    [Fact]
    public async Task An_adjustment_creates_version_2_re_ranks_and_keeps_version_1_readable()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        (await PublishAsync(db)).ShouldSucceed();
        var first = (await db.RunAsync("results", "--cycle", Cycle, "--group", "so")).ShouldSucceed().Output;
        var audit = await db.CountAsync("audit");

        // Sở Công Thương loses most appraisal points: it must fall from first.
        var zeroes = string.Join("", Enumerable.Range(1, 3).Select(i => $"06-SCT,1.1.{i},appraised,0,Thẩm định lại\n"));
        var adjust = await db.RunAsync("adjust", "--cycle", Cycle, "--decision", "1243/QĐ-UBND", "--date", "2021-07-30",
            "--reason", "Điều chỉnh kết quả thẩm định lĩnh vực 1", folder.Write("adj.csv", "unit_code,item_code,kind,value,note\n" + zeroes));
        adjust.ShouldSucceed();
        Assert.Contains("phiên bản 2", adjust.Output);

        var now = (await db.RunAsync("results", "--cycle", Cycle, "--group", "so")).ShouldSucceed().Output;
        Assert.NotEqual(first, now);
        Assert.All(now.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), l => Assert.EndsWith(",2", l));
        Assert.Equal(now, (await db.RunAsync("results", "--cycle", Cycle, "--group", "so", "--version", "2")).ShouldSucceed().Output);
        Assert.Equal(first, (await db.RunAsync("results", "--cycle", Cycle, "--group", "so", "--version", "1")).ShouldSucceed().Output);
        Assert.Equal(audit + 3, await db.CountAsync("audit"));
        Assert.Equal(3, await db.ScalarAsync("SELECT COUNT(*) FROM audit WHERE \"Origin\"='adjust 1243/QĐ-UBND'"));
    }

    [Fact]
    public async Task An_adjustment_of_an_unpublished_group_is_refused_and_nothing_written()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var before = await db.FingerprintAsync();
        var run = await db.RunAsync("adjust", "--cycle", Cycle, "--decision", "1/QĐ", "--date", "2021-07-30", "--reason", "Thử",
            folder.Write("adj.csv", "unit_code,item_code,kind,value,note\n06-SNV,1.1.1,appraised,0,\n"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("chưa được công bố", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
    }

    [Fact]
    public async Task Publishing_twice_is_refused()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        (await PublishAsync(db, "--group", "so")).ShouldSucceed();
        var again = await PublishAsync(db, "--group", "so");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("đã được công bố", again.Error);
    }

    [Fact]
    public async Task A_group_with_an_unappraised_scorecard_is_not_published()
    {
        using var folder = new TempFolder();
        await using var db = await TestDatabase.EmptyAsync(DatabaseOptions.Sqlite);
        (await db.RunAsync("import", "units", folder.Write("u.csv", "code,name,type,level,parent_code\n99,Tỉnh Thử,Tỉnh,1,\n99-A,Sở A,Sở,2,99\n99-B,Sở B,Sở,2,99\n"))).ShouldSucceed();
        (await db.RunAsync("import", "cycle", folder.Write("c.json", """
            {"id":"t","year":2024,"title":"Thử","frameworks":[{"code":"f","title":"F","fields":[{"code":"1","title":"L","criteria":[{"code":"1.1","title":"T","max":10,"source":"Appraisal"}]}]}],
             "groups":[{"code":"g","name":"Nhóm","assessor":"99","framework":"f","units":["99-A","99-B"]}]}
            """))).ShouldSucceed();
        (await db.RunAsync("import", "scores", "--cycle", "t", folder.Write("s.csv", "unit_code,item_code,kind,value,note\n99-A,1.1,appraised,8,\n99-B,1.1,self,9,\n"))).ShouldSucceed();
        var run = await db.RunAsync("publish", "--cycle", "t", "--decision", "1/QĐ", "--date", "2024-12-31");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("99-B", run.Error);
        Assert.DoesNotContain("99-A", run.Error);
        Assert.Equal(0, await db.CountAsync("publications"));
    }

    [Fact]
    public async Task A_bad_date_or_a_missing_reason_is_refused_with_a_clear_message()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        var badDate = await db.RunAsync("publish", "--cycle", Cycle, "--decision", "1/QĐ", "--date", "09/02/2021");
        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Contains("yyyy-MM-dd", badDate.Error);
        var noReason = await db.RunAsync("adjust", "--cycle", Cycle, "--decision", "1/QĐ", "--date", "2021-07-30", folder.Write("a.csv", "unit_code,item_code,kind,value,note\n"));
        Assert.NotEqual(0, noReason.ExitCode);
        Assert.Contains("--reason", noReason.Error);
    }
}
