using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

public class QuestionnaireJsonTests
{
    /// <summary>The questionnaires of docs/formats.md, as written there.</summary>
    private const string InterfacesExample = """
        "questionnaires": [
          { "code": "P02", "title": "Phiếu 02 — đại biểu HĐND tỉnh đánh giá sở", "group": "so",
            "options": [ { "code": "A", "fraction": 1.0 }, { "code": "B", "fraction": 0.6 },
                         { "code": "C", "fraction": 0.2 }, { "code": "D", "fraction": 0.0 },
                         { "code": "E", "fraction": null } ],
            "questions": [ { "code": "Q1", "item": "8.1", "text": "…" } ] }
        ]
        """;

    /// <summary>A cycle whose framework has appraisal item 1.1.1 and survey item 8.1, with the given questionnaires property.</summary>
    private static string CycleWith(string questionnaires) => $$"""
        { "id": "c", "year": 2024, "title": "Kỳ thử",
          "frameworks": [ { "code": "f", "title": "Bộ tiêu chí", "fields": [
            { "code": "1", "title": "Chỉ đạo", "criteria": [ { "code": "1.1", "title": "Kế hoạch", "items": [ { "code": "1.1.1", "title": "Mục", "max": 2, "source": "Appraisal" } ] } ] },
            { "code": "8", "title": "Điều tra", "criteria": [ { "code": "8.1", "title": "Hài lòng", "max": 10, "source": "Survey" } ] } ] } ],
          "groups": [ { "code": "so", "name": "Sở", "assessor": "06", "framework": "f", "units": ["06-SNV"] } ]
          {{(questionnaires.Length == 0 ? "" : "," + questionnaires)}}
        }
        """;

    private static ReadResult<Cycle> ReadCycle(string questionnaires) => CycleJson.Read(new StringReader(CycleWith(questionnaires)), "cycle.json");

    /// <summary>One questionnaire object in cycle.json; <paramref name="options"/> and <paramref name="questions"/> are the arrays' insides.</summary>
    private static string One(string extra = "", string options = """{ "code": "A", "fraction": 1 }, { "code": "E", "fraction": null }""",
        string questions = """{ "code": "Q1", "item": "8.1", "text": "Câu 1" }""") =>
        $$"""{{"\"questionnaires\": [ { \"code\": \"P02\", \"title\": \"Phiếu 02\", \"group\": \"so\""}}{{extra}}, "options": [{{options}}], "questions": [{{questions}}] } ]""";

    [Fact]
    public void The_interfaces_example_reads_into_the_cycles_questionnaires()
    {
        var cycle = Valid(ReadCycle(InterfacesExample));
        var q = Assert.Single(cycle.Questionnaires);
        Assert.Equal(("P02", "Phiếu 02 — đại biểu HĐND tỉnh đánh giá sở", "so"), (q.Code, q.Title, q.GroupCode));
        Assert.Equal(new[] { "A", "B", "C", "D", "E" }, q.Options.Select(o => o.Label)); // no label: the code
        Assert.Equal(new decimal?[] { 1m, 0.6m, 0.2m, 0m, null }, q.Options.Select(o => o.Fraction));
        var question = Assert.Single(q.Questions);
        Assert.Equal(new SurveyQuestion("Q1", "8.1", "…"), question);
        Assert.Equal("", q.Respondents);
        Assert.Equal(0, q.Quota);
    }

    [Fact]
    public void A_cycle_without_questionnaires_has_none()
    {
        Assert.Empty(Valid(ReadCycle("")).Questionnaires);
    }

    [Fact]
    public void Respondents_labels_and_quota_are_read_when_given()
    {
        var q = Assert.Single(Valid(ReadCycle(One(""", "respondents": "Đại biểu HĐND tỉnh", "quota": 30""",
            options: """{ "code": "A", "label": "Rất tốt", "fraction": 1 }"""))).Questionnaires);
        Assert.Equal("Đại biểu HĐND tỉnh", q.Respondents);
        Assert.Equal(30, q.Quota);
        Assert.Equal("Rất tốt", Assert.Single(q.Options).Label);
    }

    public static TheoryData<string, string> BadQuestionnaires => new()
    {
        { """ "questionnaires": {} """, "thuộc tính \"questionnaires\" phải là mảng [ … ]." },
        { """ "questionnaires": [ "P02" ] """, "phần tử phải là đối tượng { … }, không phải \"P02\" (questionnaires[0])." },
        { """ "questionnaires": [ { "title": "Phiếu", "group": "so", "options": [ { "code": "A", "fraction": 1 } ], "questions": [ { "code": "Q1", "item": "8.1", "text": "…" } ] } ] """,
            "thiếu thuộc tính \"code\" (questionnaires[0])." },
        { """ "questionnaires": [ { "code": "P02", "group": "so", "options": [ { "code": "A", "fraction": 1 } ], "questions": [ { "code": "Q1", "item": "8.1", "text": "…" } ] } ] """,
            "thiếu thuộc tính \"title\" (questionnaires[0])." },
        { """ "questionnaires": [ { "code": "P02", "title": "Phiếu", "options": [ { "code": "A", "fraction": 1 } ], "questions": [ { "code": "Q1", "item": "8.1", "text": "…" } ] } ] """,
            "thiếu thuộc tính \"group\" (questionnaires[0])." },
        { """ "questionnaires": [ { "code": "P02", "title": "Phiếu", "group": "so", "questions": [ { "code": "Q1", "item": "8.1", "text": "…" } ] } ] """,
            "thiếu thuộc tính \"options\" (questionnaires[0])." },
        { """ "questionnaires": [ { "code": "P02", "title": "Phiếu", "group": "so", "options": [ { "code": "A", "fraction": 1 } ] } ] """,
            "thiếu thuộc tính \"questions\" (questionnaires[0])." },
        { One(options: """{ "code": "A" }"""),
            "phương án A thiếu thuộc tính \"fraction\" (tỷ lệ điểm từ 0 đến 1, hoặc null cho phương án không tính điểm như \"không biết\") (questionnaires[0].options[0])." },
        { One(options: """{ "fraction": 1 }"""), "thiếu thuộc tính \"code\" (questionnaires[0].options[0])." },
        { One(options: """{ "code": "A", "fraction": "1" }"""), "thuộc tính \"fraction\" phải là số (dấu chấm thập phân), không phải \"1\" (questionnaires[0].options[0])." },
        { One(options: """{ "code": "A", "label": 1, "fraction": 1 }"""), "thuộc tính \"label\" phải là chuỗi (questionnaires[0].options[0])." },
        { One(options: """{ "code": "A", "fraction": 1.5 }"""), "Phiếu P02: phương án A có tỷ lệ điểm 1.5 ngoài khoảng 0–1 (questionnaires[0])." },
        { One(options: """{ "code": "E", "fraction": null }"""), "Phiếu P02: cần ít nhất một phương án được tính điểm (fraction khác null) (questionnaires[0])." },
        { One(""", "quota": -1"""), "Phiếu P02: chỉ tiêu số phiếu -1 âm (questionnaires[0])." },
        { One(""", "quota": "30" """), "thuộc tính \"quota\" phải là số nguyên, không phải \"30\" (questionnaires[0])." },
        { One(""", "respondents": 3"""), "thuộc tính \"respondents\" phải là chuỗi (questionnaires[0])." },
        { One(questions: """{ "code": "Q1", "text": "…" }"""), "thiếu thuộc tính \"item\" (questionnaires[0].questions[0])." },
        { One(questions: """{ "code": "Q1", "item": "8.1" }"""), "thiếu thuộc tính \"text\" (questionnaires[0].questions[0])." },
        { One(questions: """{ "code": "", "item": "8.1", "text": "…" }"""), "thuộc tính \"code\" trống (questionnaires[0].questions[0])." },
        { One(questions: ""), "Phiếu P02: không có câu hỏi nào (questionnaires[0])." },
        { One(questions: """{ "code": "Q1", "item": "8.9", "text": "…" }"""), "Phiếu P02, câu Q1: bộ tiêu chí f không có tiêu chí 8.9 (questionnaires[0])." },
        { One(questions: """{ "code": "Q1", "item": "1.1.1", "text": "…" }"""),
            "Phiếu P02, câu Q1: tiêu chí 1.1.1 có nguồn điểm Appraisal, không phải Survey (điều tra xã hội học) (questionnaires[0])." },
        { One().Replace("\"group\": \"so\"", "\"group\": \"xa\""), "Phiếu P02: kỳ c không có nhóm xếp hạng \"xa\" (questionnaires[0])." },
    };

    [Theory]
    [MemberData(nameof(BadQuestionnaires))]
    public void Each_bad_questionnaire_property_is_named_with_its_path(string questionnaires, string message)
    {
        var problem = Single(ReadCycle(questionnaires));
        Assert.Equal("cycle.json", problem.File);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Two_questionnaires_with_the_same_code_are_refused()
    {
        var one = One()[("\"questionnaires\": [".Length)..^1];
        var problem = Single(ReadCycle($"\"questionnaires\": [{one}, {one}]"));
        Assert.Equal("mã phiếu điều tra P02 bị trùng (questionnaires[1]).", problem.Message);
    }

    [Fact]
    public void Every_bad_questionnaire_is_reported_at_once()
    {
        var one = One(options: """{ "code": "A" }""")[("\"questionnaires\": [".Length)..^1];
        var result = ReadCycle($"\"questionnaires\": [{one}, {one.Replace("P02", "P03")}]");
        Assert.Equal(2, result.Problems.Count);
        Assert.Contains("questionnaires[1].options[0]", result.Problems[1].Message);
    }

    private static readonly Questionnaire Full = new("P02", "Phiếu 02 — \"đại biểu\" HĐND\ntỉnh", "so",
        [new("A", "Rất tốt", 1.0m), new("B", "Tốt", 0.6m), new("C", "C", 0.25m), new("E", "Không biết", null)],
        [new("Q1", "8.1", "Sở công khai TTHC đầy đủ?"), new("Q2", "8.2", "Thái độ cán bộ…")])
    {
        Respondents = "Đại biểu HĐND tỉnh", Quota = 30,
    };

    private static void AssertSame(Questionnaire expected, Questionnaire actual)
    {
        Assert.Equal((expected.Code, expected.Title, expected.GroupCode, expected.Respondents, expected.Quota),
            (actual.Code, actual.Title, actual.GroupCode, actual.Respondents, actual.Quota));
        Assert.Equal(expected.Options, actual.Options);
        Assert.Equal(expected.Questions, actual.Questions);
    }

    [Fact]
    public void A_written_questionnaire_reads_back_the_same()
    {
        var json = QuestionnaireJson.Write(Full);
        AssertSame(Full, Valid(QuestionnaireJson.Read(json, "phiếu P02")));
        Assert.Equal(json, QuestionnaireJson.Write(Valid(QuestionnaireJson.Read(json, "phiếu P02"))));
    }

    [Fact]
    public void A_questionnaire_without_respondents_or_quota_round_trips_with_the_defaults()
    {
        var plain = new Questionnaire("P03", "Phiếu 03", "so", Questionnaire.CommonOptions, [new("Q1", "8.1", "…")]);
        AssertSame(plain, Valid(QuestionnaireJson.Read(QuestionnaireJson.Write(plain), "phiếu P03")));
    }

    [Fact]
    public void The_written_json_keeps_Vietnamese_readable_and_says_null_for_an_uncounted_option()
    {
        var json = QuestionnaireJson.Write(Full);
        Assert.Contains("\"Rất tốt\"", json);
        Assert.Contains("\"fraction\": null", json);
        Assert.Contains("\"item\": \"8.1\"", json);
    }

    [Fact]
    public void What_a_cycle_reads_and_what_the_questionnaire_reader_reads_agree()
    {
        var cycle = Valid(ReadCycle(InterfacesExample));
        var fromCycle = Assert.Single(cycle.Questionnaires);
        AssertSame(fromCycle, Valid(QuestionnaireJson.Read(QuestionnaireJson.Write(fromCycle), "phiếu P02")));
    }

    [Fact]
    public void Reading_one_questionnaire_checks_its_content_but_leaves_group_and_items_to_the_cycle()
    {
        var unknownGroup = Full with { GroupCode = "xa", Questions = [new("Q1", "9.9", "…")] };
        Assert.True(QuestionnaireJson.Read(QuestionnaireJson.Write(unknownGroup), "phiếu P02").IsValid);
        var problem = Single(QuestionnaireJson.Read(QuestionnaireJson.Write(Full with { Questions = [] }), "phiếu P02"));
        Assert.Equal(new FileProblem("phiếu P02", null, null, null, "Phiếu P02: không có câu hỏi nào."), problem);
    }

    [Fact]
    public void Reading_one_questionnaire_names_missing_properties_and_bad_json()
    {
        Assert.Equal("thiếu thuộc tính \"options\".", Single(QuestionnaireJson.Read("""{ "code": "P", "title": "T", "group": "so", "questions": [] }""", "p")).Message);
        Assert.StartsWith("JSON sai cú pháp", Single(QuestionnaireJson.Read("{ \"code\": ", "p")).Message);
        Assert.Equal("nội dung phải là một đối tượng JSON { … }.", Single(QuestionnaireJson.Read("[]", "p")).Message);
    }
}
