using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>`import units|cycle|scores`: good files land; every bad one is refused whole, named, and leaves nothing.</summary>
[Collection(DemoCollection.Name)]
public class ImportTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    private static async Task<Tool.Run> ImportScoresAsync(TestDatabase db, TempFolder folder, string csv) =>
        await db.RunAsync("import", "scores", "--cycle", Cycle, folder.Write("scores.csv", csv));

    /// <summary>Runs a bad scores file against the demo and checks it is refused whole, naming what is wrong.</summary>
    private async Task<Tool.Run> RefusedAsync(string provider, string csv, params string[] expected)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var before = await db.FingerprintAsync();
        var run = await ImportScoresAsync(db, folder, csv);
        Assert.NotEqual(0, run.ExitCode);
        foreach (var text in expected) Assert.Contains(text, run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
        return run;
    }

    private const string Header = "unit_code,item_code,kind,value,note\n";

    [Theory, SqliteData, PostgresData]
    public async Task A_good_scores_file_is_stored_with_its_audit_and_changes_the_results(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var audit = await db.CountAsync("audit");
        var run = await ImportScoresAsync(db, folder, Header + "06-SNV,1.1.1,appraised,0,Ban hành chậm\n06-SNV,1.1.1,appraised,0.25,Ban hành chậm 5 ngày\n");
        run.ShouldSucceed();
        // The demo's appraisal of 1.1.1 was there, so its change keeps an audit row; the later row replaced the earlier one.
        Assert.Equal(audit + 1, await db.CountAsync("audit"));
        Assert.Equal(1, await db.ScalarAsync("SELECT COUNT(*) FROM audit WHERE \"UnitCode\"='06-SNV' AND \"NewValue\"='0.25' AND \"Note\"='Ban hành chậm 5 ngày'"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unknown_unit_is_refused_with_file_line_and_unit(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,1.1.1,self,1,\n06-XXX,1.1.1,self,1,\n", "scores.csv:3", "06-XXX");

    [Theory, SqliteData, PostgresData]
    public async Task An_unknown_item_is_refused_with_file_line_unit_and_item(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,9.9.9,self,1,\n", "scores.csv:2", "06-SNV", "9.9.9");

    [Theory, SqliteData, PostgresData]
    public async Task A_value_over_the_maximum_is_refused_naming_the_limit(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,1.1.1,self,1,\n06-SNV,1.1.1,appraised,50,\n", "scores.csv:3", "1.1.1", "vượt điểm tối đa");

    [Theory, SqliteData, PostgresData]
    public async Task A_negative_value_is_refused(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,1.1.1,self,-1,\n", "scores.csv:2", "âm");

    [Theory, SqliteData, PostgresData]
    public async Task More_than_three_decimals_is_refused(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,1.1.1,self,0.1234,\n", "scores.csv:2", "3 chữ số thập phân");

    [Theory]
    [SqliteData("NaN"), SqliteData("một"), PostgresData("NaN"), PostgresData("một")]
    public async Task NaN_or_text_is_refused(string provider, string value) =>
        await RefusedAsync(provider, Header + $"06-SNV,1.1.1,self,{value},\n", "scores.csv:2", "không phải là số");

    [Theory, SqliteData, PostgresData]
    public async Task A_kind_that_does_not_fit_the_items_source_is_refused(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,1.1.1,survey,0.5,\n", "scores.csv:2", "nguồn điểm");

    [Theory, SqliteData, PostgresData]
    public async Task Malformed_csv_is_refused_with_its_line(string provider) =>
        await RefusedAsync(provider, Header + "06-SNV,1.1.1,self,1,\n06-SNV,\"1.1.1,self,1,\n", "scores.csv:3");

    [Theory, SqliteData, PostgresData]
    public async Task Every_bad_row_is_listed_not_only_the_first(string provider)
    {
        var run = await RefusedAsync(provider, Header + "06-XXX,1.1.1,self,1,\n06-SNV,1.1.1,self,9,\n06-SNV,1.1.1,bogus,1,\n", "scores.csv:2", "scores.csv:3", "scores.csv:4");
        Assert.Contains("3 lỗi", run.Error);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Malformed_cycle_json_is_refused_with_line_and_nothing_stored(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var before = await db.FingerprintAsync();
        var run = await db.RunAsync("import", "cycle", folder.Write("cycle.json", "{\n  \"id\": \"x\",\n  \"year\": 2021,\n  \"frameworks\": [ {\n}"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("cycle.json", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_cycle_whose_group_names_an_unknown_unit_is_refused_naming_it(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var json = File.ReadAllText(Repo.Path("examples", "bac-kan", "cycle-2020.json")).Replace("\"par-2020-06\"", "\"par-2020-copy\"").Replace("\"06-SNV\"", "\"06-KHONG-CO\"");
        var before = await db.FingerprintAsync();
        var run = await db.RunAsync("import", "cycle", folder.Write("cycle.json", json));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("06-KHONG-CO", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_cycle_id_already_stored_is_refused(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var run = await db.RunAsync("import", "cycle", Repo.Path("examples", "bac-kan", "cycle-2020.json"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("par-2020-06", run.Error);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_unit_overlapping_a_different_unit_with_the_same_code_is_refused(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyUnpublishedAsync(provider);
        var before = await db.FingerprintAsync();
        var run = await db.RunAsync("import", "units", folder.Write("units.csv",
            "code,name,type,level,parent_code,valid_from,valid_to,predecessors\n06-NEW,Sở Mới,Sở,2,06,,2025-06-30,\n01834,Phường Khác,Phường,3,058,,2025-06-30,\n"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("01834", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_units_file_lists_every_bad_row(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await TestDatabase.EmptyAsync(provider);
        var run = await db.RunAsync("import", "units", folder.Write("units.csv",
            "code,name,type,level,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,1,\n,Không mã,Xã,2,06\n058,Thành phố,Thành phố,x,06\n"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("units.csv:3", run.Error);
        Assert.Contains("units.csv:4", run.Error);
        Assert.Equal(0, await db.CountAsync("units"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_missing_file_is_a_clear_error(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await TestDatabase.EmptyAsync(provider);
        var run = await db.RunAsync("import", "units", folder.Path("missing.csv"));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("missing.csv", run.Error);
    }

    [Fact]
    public async Task A_verb_without_a_database_says_what_is_missing()
    {
        var run = await Tool.RunAsync("results", "--cycle", Cycle);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--db", run.Error);
    }
}
