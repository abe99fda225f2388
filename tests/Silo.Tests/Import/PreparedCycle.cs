using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Import;

/// <summary>
/// A cycle being prepared beside the demo: Bắc Kạn 2021, two groups sharing one placeholder framework (a single item of 1 point), the
/// first breaking ties on field "1". Nothing is scored yet, so its framework may be replaced.
/// </summary>
internal static class PreparedCycle
{
    public const string Id = "par-2021-06";

    public const string Json = """
        { "id": "par-2021-06", "year": 2021, "title": "Chỉ số CCHC năm 2021 (đang chuẩn bị)",
          "frameworks": [ { "code": "so-2021", "title": "Bộ tiêu chí cấp sở năm 2021",
            "fields": [ { "code": "1", "title": "Tạm", "criteria": [ { "code": "1.1", "title": "Tạm", "max": 1, "source": "Appraisal" } ] } ] } ],
          "groups": [
            { "code": "so", "name": "Sở", "assessor": "06", "framework": "so-2021", "units": ["06-SNV", "06-SCT"], "tieBreakers": ["1"] },
            { "code": "van-phong", "name": "Văn phòng", "assessor": "06", "framework": "so-2021", "units": ["06-VP"] } ] }
        """;

    public static async Task ImportAsync(TestDatabase db, TempFolder folder) =>
        (await db.RunAsync("import", "cycle", folder.Write("cycle-2021.json", Json))).ShouldSucceed();

    /// <summary>The stored items of a framework, in order, as one line each: what an import changed or left alone.</summary>
    public static async Task<string> ItemsAsync(TestDatabase db, string cycle, string framework)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"ItemCode\", \"Max\", \"Source\" FROM framework_items WHERE \"CycleId\"='{cycle}' AND \"FrameworkCode\"='{framework}' ORDER BY \"Ordinal\"";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add($"{reader.GetString(0)} {reader.GetDecimal(1).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} {reader.GetString(2)}");
        return string.Join("\n", lines);
    }
}
