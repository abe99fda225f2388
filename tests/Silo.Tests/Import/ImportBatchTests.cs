using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Import;

/// <summary>
/// Issue 17: a scores import is audited as one batch entry (who, when, the file's name, SHA-256, row count, a stored
/// copy); only a change of a value that was there keeps an audit row of its own. Expected hashes, counts and lines are
/// worked out from the test's own bytes, not by the code under test.
/// </summary>
[Collection(DemoCollection.Name)]
public class ImportBatchTests(DemoDatabase demo)
{
    private const string Cycle = "par-2021-06";

    /// <summary>Two empty scorecards beside the demo: two departments, two items of the appraisal.</summary>
    private const string CycleJson = """
        { "id": "par-2021-06", "year": 2021, "title": "Chỉ số CCHC năm 2021 (thử nhập lô)",
          "frameworks": [ { "code": "so-2021", "title": "Bộ tiêu chí thử",
            "fields": [ { "code": "1", "title": "Lĩnh vực 1", "criteria": [
              { "code": "1.1", "title": "Tiêu chí 1", "max": 1, "source": "Appraisal" },
              { "code": "1.2", "title": "Tiêu chí 2", "max": 2, "source": "Appraisal" } ] } ] } ],
          "groups": [ { "code": "so", "name": "Sở", "assessor": "06", "framework": "so-2021", "units": ["06-SNV", "06-SCT"] } ] }
        """;

    /// <summary>
    /// Line 1 the header; a note over lines 3–4; line 5 blank; line 6 replaced by line 7. Four data rows, three values.
    /// </summary>
    private const string First =
        "unit_code,item_code,kind,value,note\n" +
        "06-SNV,1.1,self,1,\n" +
        "06-SNV,1.1,appraised,0.5,\"Thiếu hồ sơ\nbổ sung sau\"\n" +
        "\n" +
        "06-SCT,1.2,appraised,2,\n" +
        "06-SCT,1.2,appraised,1.5,Đã trừ 0.5\n";

    /// <summary>Over <see cref="First"/>: one value unchanged, one changed, one note replaced, one value where none was.</summary>
    private const string Second =
        "unit_code,item_code,kind,value,note\r\n" +
        "06-SNV,1.1,self,1,\r\n" +
        "06-SNV,1.1,appraised,0.75,\r\n" +
        "06-SCT,1.2,appraised,1.5,Đã trừ 0.5 sau thẩm định lại\r\n" +
        "06-SCT,1.1,self,0.5,\r\n";

    private static readonly string Fields = """ "User","Origin","FileName","Sha256","RowCount","Size" """;

    [Theory, SqliteData, PostgresData]
    public async Task An_import_into_empty_scorecards_is_one_batch_entry_and_no_audit_row_per_value(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await PreparedAsync(provider, folder);
        var audit = await db.CountAsync("audit");
        var bytes = Encoding.UTF8.GetBytes(First);

        (await ImportAsync(db, folder, "diem-2021.csv", bytes, "can.bo.nhap")).ShouldSucceed();

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(1, await db.ScalarAsync($"SELECT COUNT(*) FROM import_batches WHERE \"CycleId\"='{Cycle}'"));
        Assert.Equal(["can.bo.nhap", "cli", "diem-2021.csv", sha, "4", bytes.Length.ToString()],
            await RowAsync(db, $"SELECT {Fields} FROM import_batches WHERE \"CycleId\"='{Cycle}'"));
        Assert.Equal(audit, await db.CountAsync("audit"));
        Assert.Equal(3, await db.ScalarAsync($"SELECT COUNT(\"Self\") + COUNT(\"Appraised\") FROM item_values WHERE \"CycleId\"='{Cycle}'"));
        // The scorecards it touched, with the lines of their applied rows (06-SCT's line 6 was replaced by line 7).
        Assert.Equal(["06-SCT 7 7", "06-SNV 2 3"], await LinesAsync(db,
            $"SELECT u.\"UnitCode\", u.\"FirstLine\", u.\"LastLine\" FROM import_batch_units u JOIN import_batches b ON b.\"Id\"=u.\"BatchId\" WHERE b.\"CycleId\"='{Cycle}' ORDER BY u.\"UnitCode\""));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(StoredCopy(db, sha)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_reimport_audits_each_changed_existing_value_and_nothing_for_unchanged_ones(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await PreparedAsync(provider, folder);
        (await ImportAsync(db, folder, "lan-1.csv", Encoding.UTF8.GetBytes(First), "can.bo.nhap")).ShouldSucceed();
        var audit = await db.CountAsync("audit");

        var second = Encoding.UTF8.GetBytes(Second);
        (await ImportAsync(db, folder, "lan-2.csv", second, "can.bo.sua")).ShouldSucceed();

        Assert.Equal(2, await db.ScalarAsync($"SELECT COUNT(*) FROM import_batches WHERE \"CycleId\"='{Cycle}'"));
        Assert.Equal(["can.bo.sua", "cli", "lan-2.csv", Convert.ToHexStringLower(SHA256.HashData(second)), "4", second.Length.ToString()],
            await RowAsync(db, $"SELECT {Fields} FROM import_batches WHERE \"CycleId\"='{Cycle}' AND \"FileName\"='lan-2.csv'"));
        Assert.Equal(audit + 2, await db.CountAsync("audit"));
        Assert.Equal(["06-SCT 1.2 appraised 1.5 1.5 Đã trừ 0.5 sau thẩm định lại can.bo.sua", "06-SNV 1.1 appraised 0.5 0.75  can.bo.sua"], await LinesAsync(db,
            $"SELECT \"UnitCode\", \"ItemCode\", \"Kind\", \"OldValue\", \"NewValue\", COALESCE(\"Note\", ''), \"User\" FROM audit WHERE \"CycleId\"='{Cycle}' ORDER BY \"UnitCode\""));
        Assert.Equal(4, await db.ScalarAsync($"SELECT COUNT(*) FROM import_batch_units u JOIN import_batches b ON b.\"Id\"=u.\"BatchId\" WHERE b.\"CycleId\"='{Cycle}'"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Equal_values_written_with_different_scales_are_each_stored_as_written(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await PreparedAsync(provider, folder);
        const string file = "unit_code,item_code,kind,value,note\n06-SNV,1.1,self,0.50,\n06-SCT,1.1,self,0.5,\n06-SCT,1.2,self,0.50,\n";

        (await ImportAsync(db, folder, "thang-do.csv", Encoding.UTF8.GetBytes(file), "can.bo.nhap")).ShouldSucceed();

        // PostgreSQL keeps a numeric's scale; on SQLite a decimal is stored as its shortest text, as EF Core stores it.
        var (written, shorter) = db.IsSqlite ? ("0.5", "0.5") : ("0.50", "0.5");
        Assert.Equal([$"06-SCT 1.1 {shorter}", $"06-SCT 1.2 {written}", $"06-SNV 1.1 {written}"], await LinesAsync(db,
            $"SELECT \"UnitCode\", \"ItemCode\", \"Self\" FROM item_values WHERE \"CycleId\"='{Cycle}' ORDER BY \"UnitCode\", \"ItemCode\""));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_file_leaves_no_batch_no_copy_and_nothing_else(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await PreparedAsync(provider, folder);
        var before = await db.FingerprintAsync();
        var bytes = Encoding.UTF8.GetBytes(First + "06-SCT,1.1,appraised,7,\n"); // over the item's maximum of 1

        var run = await ImportAsync(db, folder, "sai.csv", bytes, "can.bo.nhap");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("sai.csv:8", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
        Assert.False(File.Exists(StoredCopy(db, Convert.ToHexStringLower(SHA256.HashData(bytes)))));
        if (db.IsSqlite) Assert.Empty(StoredFiles(db)); // no staging file left either (PostgreSQL's folder is shared by the tests)
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_import_the_importer_refuses_after_reading_leaves_no_batch_and_no_copy(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider); // Bắc Kạn 2020 published: only an adjustment may change it
        var before = await db.FingerprintAsync();
        var bytes = Encoding.UTF8.GetBytes("unit_code,item_code,kind,value,note\n06-SNV,1.1.1,self,1,\n");
        File.WriteAllBytes(folder.Path("cong-bo-roi.csv"), bytes);

        var run = await db.RunAsync("import", "scores", "--cycle", "par-2020-06", folder.Path("cong-bo-roi.csv"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("đã được công bố", run.Error);
        Assert.Equal(before, await db.FingerprintAsync());
        Assert.False(File.Exists(StoredCopy(db, Convert.ToHexStringLower(SHA256.HashData(bytes)))));
        if (db.IsSqlite) Assert.Empty(StoredFiles(db));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_batch_tables_are_append_only_in_the_database_itself(string provider)
    {
        await using var db = await demo.CopyAsync(provider); // the demo's scores came in as batches
        Assert.Equal(3, await db.CountAsync("import_batches"));
        var error = await Assert.ThrowsAnyAsync<DbException>(() => db.ScalarAsync("UPDATE import_batches SET \"User\"='x'"));
        Assert.Contains("append-only", error.Message);
        await Assert.ThrowsAnyAsync<DbException>(() => db.ScalarAsync("DELETE FROM import_batches"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.ScalarAsync("UPDATE import_batch_units SET \"LastLine\"=0"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.ScalarAsync("DELETE FROM import_batch_units"));
    }

    private async Task<TestDatabase> PreparedAsync(string provider, TempFolder folder)
    {
        var db = await demo.CopyAsync(provider);
        (await db.RunAsync("import", "cycle", folder.Write("cycle-2021.json", CycleJson))).ShouldSucceed();
        return db;
    }

    private static async Task<Tool.Run> ImportAsync(TestDatabase db, TempFolder folder, string name, byte[] bytes, string user)
    {
        await File.WriteAllBytesAsync(folder.Path(name), bytes);
        return await db.RunAsync("import", "scores", "--cycle", Cycle, "--user", user, folder.Path(name));
    }

    private static string ImportsFolder(TestDatabase db) => Path.Combine(db.Options.DefaultEvidenceFolder(), "imports");

    private static string StoredCopy(TestDatabase db, string sha) => Path.Combine(ImportsFolder(db), sha[..2], sha);

    private static string[] StoredFiles(TestDatabase db) =>
        Directory.Exists(ImportsFolder(db)) ? Directory.GetFiles(ImportsFolder(db), "*", SearchOption.AllDirectories) : [];

    private static async Task<string[]> RowAsync(TestDatabase db, string sql) => (await ReadAsync(db, sql)).Single();

    private static async Task<string[]> LinesAsync(TestDatabase db, string sql) => (await ReadAsync(db, sql)).Select(r => string.Join(' ', r)).ToArray();

    private static async Task<List<string[]>> ReadAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }
}
