using System.Globalization;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Cli;

/// <summary>`survey open|close` and `import survey-answers` on the demo's Thái Nguyên 2025 cycle (questionnaires P01–P03).</summary>
[Collection(DemoCollection.Name)]
public class SurveyImportTests(DemoDatabase demo)
{
    private const string Cycle = "par-2025-19";
    private const string Header = "respondent_id,unit_code,questionnaire,question_code,answer\n";

    private static string Rows(string respondent, string unit, string questionnaire, params string[] answers) =>
        string.Concat(answers.Select((a, i) => $"{respondent},{unit},{questionnaire},Q{i + 1},{a}\n"));

    private static async Task<decimal?> SurveyValueAsync(TestDatabase db, string unit, string item)
    {
        await using var connection = await db.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT \"Survey\" FROM item_values WHERE \"CycleId\" = '{Cycle}' AND \"UnitCode\" = '{unit}' AND \"ItemCode\" = '{item}'";
        return await command.ExecuteScalarAsync() is { } v and not DBNull ? decimal.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture) : null;
    }

    private static async Task<string> IndexOfAsync(TestDatabase db, string unit) =>
        (await db.RunAsync("results", "--cycle", Cycle, "--group", "so")).ShouldSucceed().Output.Split('\n').Single(l => l.Contains($",{unit},")).Split(',')[6];

    [Theory, SqliteData, PostgresData]
    public async Task Paper_answers_become_survey_scores_in_one_import(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        var before = await IndexOfAsync(db, "19-SNV");
        (await db.RunAsync("survey", "open", "--cycle", Cycle, "--minimum", "2")).ShouldSucceed();
        var file = folder.Write("answers.csv", Header + Rows("r-1", "19-SNV", "P02", "A", "A", "A", "A") + Rows("r-2", "19-SNV", "P02", "B", "E", "C", "D"));
        var run = (await db.RunAsync("import", "survey-answers", "--cycle", Cycle, file)).ShouldSucceed();
        Assert.Contains("8 câu trả lời của 2 phiếu cho 1 đơn vị", run.Output);

        Assert.Equal(0.8m, await SurveyValueAsync(db, "19-SNV", "3.6.1")); // (1 + 0.6) / 2 × 1
        Assert.Equal(1m, await SurveyValueAsync(db, "19-SNV", "3.6.2"));   // "E" (không biết) is not counted
        Assert.Equal(0.6m, await SurveyValueAsync(db, "19-SNV", "3.6.3")); // (1 + 0.2) / 2 × 1
        Assert.Equal(1.5m, await SurveyValueAsync(db, "19-SNV", "8.2.1")); // (1 + 0) / 2 × 3
        Assert.NotEqual(before, await IndexOfAsync(db, "19-SNV"));
        Assert.Equal(8, await db.CountAsync("survey_answers"));
    }

    [Fact]
    public async Task The_example_answers_file_imports_once_and_a_second_time_is_refused_as_duplicate_respondents()
    {
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        var example = Repo.Path("examples", "thai-nguyen", "answers-2025.csv");
        (await db.RunAsync("survey", "open", "--cycle", Cycle)).ShouldSucceed();
        (await db.RunAsync("import", "survey-answers", "--cycle", Cycle, example)).ShouldSucceed();
        var count = await db.CountAsync("survey_answers");
        Assert.Equal(File.ReadAllLines(example).Length - 1, count);

        var again = await db.RunAsync("import", "survey-answers", "--cycle", Cycle, example);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("trùng người trả lời", again.Error);
        Assert.Contains("không có gì được lưu", again.Error);
        Assert.Equal(count, await db.CountAsync("survey_answers"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_file_is_refused_whole_with_every_bad_row_named(string provider)
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(provider);
        (await db.RunAsync("survey", "open", "--cycle", Cycle)).ShouldSucceed();
        var before = await db.FingerprintAsync();
        var file = folder.Write("bad.csv", Header
            + "r-1,19-SNV,P02,Q1,A\n"      // good
            + "r-1,19-XXX,P02,Q1,A\n"      // unknown unit
            + "r-1,19-SNV,P09,Q1,A\n"      // unknown questionnaire
            + "r-1,19-SNV,P02,Q7,A\n"      // unknown question
            + "r-1,19-SNV,P02,Q2,Z\n"      // unknown option
            + "r-1,19-SNV,P02,Q1,B\n");    // the same respondent answers Q1 twice
        var run = await db.RunAsync("import", "survey-answers", "--cycle", Cycle, file);
        Assert.NotEqual(0, run.ExitCode);
        foreach (var line in new[] { "bad.csv:3", "bad.csv:4", "bad.csv:5", "bad.csv:6", "bad.csv:7" }) Assert.Contains(line, run.Error);
        Assert.DoesNotContain("bad.csv:2:", run.Error);
        Assert.Equal(0, await db.CountAsync("survey_answers"));
        Assert.Equal(before, await db.FingerprintAsync());
    }

    [Fact]
    public async Task Answers_are_refused_before_the_round_opens_and_the_round_opens_once()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        var file = folder.Write("a.csv", Header + Rows("r-1", "19-SNV", "P02", "A", "A", "A", "A"));
        var early = await db.RunAsync("import", "survey-answers", "--cycle", Cycle, file);
        Assert.NotEqual(0, early.ExitCode);
        Assert.Contains("chưa mở", early.Error);
        Assert.Equal(0, await db.CountAsync("survey_answers"));

        Assert.NotEqual(0, (await db.RunAsync("survey", "open", "--cycle", Cycle, "--closes-on", "31/12/2026")).ExitCode); // not yyyy-MM-dd
        (await db.RunAsync("survey", "open", "--cycle", Cycle)).ShouldSucceed();
        (await db.RunAsync("survey", "close", "--cycle", Cycle)).ShouldSucceed();
        var reopen = await db.RunAsync("survey", "open", "--cycle", Cycle);
        Assert.NotEqual(0, reopen.ExitCode);
        Assert.Contains("đã đóng", reopen.Error);
        (await db.RunAsync("import", "survey-answers", "--cycle", Cycle, file)).ShouldSucceed(); // paper answers entered after the round closed
    }
}
