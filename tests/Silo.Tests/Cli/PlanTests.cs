using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>`plan`: where a unit gains the most, on a cycle small enough to work out by hand, and on the demo.</summary>
[Collection(DemoCollection.Name)]
public class PlanTests(DemoDatabase demo)
{
    private const string Units = """
        code,name,type,level,parent_code,valid_from,valid_to,predecessors
        99,Tỉnh Thử,Tỉnh,1,,,,
        99-T,Sở T,Sở,2,99,,,
        99-U,Sở U,Sở,2,99,,,
        99-V,Sở V,Sở,2,99,,,
        """;

    // Appraisal A.1 (max 4) and A.2 (max 6), survey S.1 (max 10): maximum 20, so index = obtained × 5.
    private const string Cycle = """
        { "id": "thu-2024", "year": 2024, "kind": "PAR", "title": "Kỳ thử",
          "frameworks": [{ "code": "f", "title": "Bộ tiêu chí thử", "fields": [
            { "code": "A", "title": "Thẩm định", "criteria": [{ "code": "A", "title": "Tiêu chí", "items": [
              { "code": "A.1", "title": "Mục một", "max": 4, "source": "Appraisal" },
              { "code": "A.2", "title": "Mục hai", "max": 6, "source": "Appraisal" }]}]},
            { "code": "S", "title": "Điều tra", "criteria": [{ "code": "S", "title": "Câu hỏi", "items": [
              { "code": "S.1", "title": "Hài lòng", "max": 10, "source": "Survey" }]}]}]}],
          "groups": [{ "code": "so", "name": "Sở", "assessor": "99", "framework": "f", "units": ["99-T", "99-U", "99-V"] }] }
        """;

    // T: 3, 4, survey 8 → 15 → 75 (2nd);  U: 2, 5, survey 9 → 16 → 80 (1st);  V: 1, 2, survey 5 → 8 → 40 (3rd).
    // T: A.1 the others' best is 2 < 3, nothing; A.2 best 5 (U), +1 point → +1 ÷ 20 × 100 = +5.00 → 80.00, tied with U:
    // no tie-breaker, so both 1st. S.1 best 9 (U), +1 → +5.00, listed apart, not in the 80.
    private const string Scores = """
        unit_code,item_code,kind,value,note
        99-T,A.1,appraised,3,
        99-T,A.2,appraised,4,
        99-T,S.1,survey,8,
        99-U,A.1,appraised,2,
        99-U,A.2,appraised,5,
        99-U,S.1,survey,9,
        99-V,A.1,appraised,1,
        99-V,A.2,appraised,2,
        99-V,S.1,survey,5,
        """;

    [Theory, SqliteData, PostgresData]
    public async Task The_plan_of_a_small_cycle_matches_the_arithmetic_by_hand(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await TestDatabase.EmptyAsync(provider);
        (await db.RunAsync("import", "units", folder.Write("units.csv", Units))).ShouldSucceed();
        (await db.RunAsync("import", "cycle", folder.Write("cycle.json", Cycle))).ShouldSucceed();
        (await db.RunAsync("import", "scores", "--cycle", "thu-2024", folder.Write("scores.csv", Scores))).ShouldSucceed();

        var lines = (await db.RunAsync("plan", "--cycle", "thu-2024", "--unit", "99-T")).ShouldSucceed().Output.Split('\n');

        Assert.Equal("99-T Sở T — nhóm so (Sở)", lines[0]);
        Assert.Equal("Hiện tại: chỉ số 75.00, hạng 2/3", lines[1]);
        Assert.StartsWith("Có thể đạt: chỉ số 80.00, hạng 1/3, nếu đạt bằng đơn vị cao nhất nhóm ở 1 tiêu chí thành phần", lines[2]);
        Assert.Equal(["1", "A.2", "6", "4", "5", "+1", "+5.00", "80.00", "1/3", "99-U"], lines[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("Tiêu chí điều tra xã hội học", lines[5]);
        Assert.Equal(["S.1", "10", "8", "9", "+5.00"], lines[7].Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // U is best on A.2 and S.1; on A.1 T's 3 is above its 2: +1 → 17 → 85.00, still 1st.
        var u = (await db.RunAsync("plan", "--cycle", "thu-2024", "--unit", "99-U")).ShouldSucceed().Output.Split('\n');
        Assert.Equal("Có thể đạt: chỉ số 85.00, hạng 1/3, nếu đạt bằng đơn vị cao nhất nhóm ở 1 tiêu chí thành phần thẩm định", u[2]);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_demo_plan_starts_from_the_published_result(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var run = (await db.RunAsync("plan", "--cycle", "par-2020-06", "--unit", "058")).ShouldSucceed();
        // results: Thành phố Bắc Kạn 1st of the 8 districts at 83.38 (docs/rules.md, year over year).
        Assert.StartsWith("058 Thành Phố Bắc Kạn — nhóm huyen", run.Output);
        Assert.Contains("Hiện tại: chỉ số 83.38, hạng 1/8\n", run.Output);
        // The example in examples/ is this output (examples/README.md says how to make it again).
        Assert.Equal(File.ReadAllText(Repo.Path("examples", "bac-kan", "ke-hoach-tang-diem-058-2020.txt")), run.Output);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_unit_the_cycle_does_not_assess_is_refused(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        var run = await db.RunAsync("plan", "--cycle", "par-2020-06", "--unit", "99999");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("99999", run.Error);
    }
}
