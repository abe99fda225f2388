using System.Text;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

public class AnswersFileTests
{
    private const string Header = "respondent_id,unit_code,questionnaire,question_code,answer";

    /// <summary>Group "so" (06-SNV, 06-SCT) answers P02 (Q1, Q2 on survey item 8.1); group "huyen" (06-H1) has no questionnaire.</summary>
    private static readonly Cycle Cycle = new()
    {
        Id = "par-2024-06", Year = 2024, Title = "Chỉ số CCHC năm 2024",
        Frameworks = [Framework.Create("f", "Bộ tiêu chí", [new Field("8", "Điều tra", [Framework.CriterionAsItem("8.1", "Hài lòng", 10m, ItemSource.Survey)])])],
        Groups =
        [
            new RankGroup { Code = "so", Name = "Sở", AssessorCode = "06", FrameworkCode = "f", Members = new UnitList(["06-SNV", "06-SCT"]) },
            new RankGroup { Code = "huyen", Name = "Huyện", AssessorCode = "06", FrameworkCode = "f", Members = new UnitList(["06-H1"]) },
        ],
        Questionnaires = [new Questionnaire("P02", "Phiếu 02", "so", Questionnaire.CommonOptions, [new("Q1", "8.1", "Câu 1"), new("Q2", "8.1", "Câu 2")])],
    };

    private static RankGroup? GroupOf(string unit) => unit switch
    {
        "06-SNV" or "06-SCT" => Cycle.FindGroup("so"),
        "06-H1" => Cycle.FindGroup("huyen"),
        _ => null,
    };

    private static string? Check(SurveyAnswer answer) => SurveyAnswerRules.Check(Cycle, GroupOf, answer);

    private static ReadResult<IReadOnlyList<AnswerRow>> Csv(params string[] lines) => AnswersFile.ReadCsv(Lines(lines), "answers.csv", Check);

    private static FileProblem OneBadRow(string row) => Single(Csv(Header, "r-0001,06-SNV,P02,Q1,A", row));

    [Fact]
    public void The_interfaces_example_reads_with_the_line_of_each_answer()
    {
        var rows = Valid(Csv(Header, "r-0001,06-SNV,P02,Q1,A", "r-0001,06-SNV,P02,Q2,E", "r-0002,06-SCT,P02,Q1,C"));
        Assert.Equal(new[] { 2, 3, 4 }, rows.Select(r => r.Line));
        Assert.Equal(new SurveyAnswer("r-0001", "06-SNV", "P02", "Q1", "A"), rows[0].Answer);
        Assert.Equal(new SurveyAnswer("r-0002", "06-SCT", "P02", "Q1", "C"), rows[2].Answer);
    }

    [Fact]
    public void Columns_in_another_order_cells_with_spaces_and_unknown_columns_read()
    {
        var rows = Valid(Csv("answer, Unit_Code ,note,respondent_id,question_code,questionnaire", " B ,06-SNV,giấy,r-9, Q2 ,P02"));
        Assert.Equal(new SurveyAnswer("r-9", "06-SNV", "P02", "Q2", "B"), Assert.Single(rows).Answer);
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var problem = Single(Csv("respondent_id,unit_code,questionnaire,question_code", "r-1,06-SNV,P02,Q1"));
        Assert.Equal(1, problem.Line);
        Assert.Equal($"dòng tiêu đề thiếu cột \"answer\" (các cột bắt buộc: {Header}).", problem.Message);
    }

    [Fact]
    public void A_file_without_header_is_refused()
    {
        Assert.Equal($"thiếu dòng tiêu đề: dòng đầu tiên phải là {Header}.", Single(Csv("r-0001,06-SNV,P02,Q1,A")).Message);
        Assert.Equal($"tệp trống: thiếu dòng tiêu đề ({Header}).", Single(Csv()).Message);
    }

    [Theory]
    [InlineData(",06-SNV,P02,Q1,A", "mã người trả lời (respondent_id) trống.")]
    [InlineData("r-2,,P02,Q1,A", "mã đơn vị (unit_code) trống.")]
    [InlineData("r-2,06-SNV,,Q1,A", "mã phiếu (questionnaire) trống.")]
    [InlineData("r-2,06-SNV,P02, ,A", "mã câu hỏi (question_code) trống.")]
    [InlineData("r-2,06-SNV,P02,Q1,", "câu trả lời (answer) trống.")]
    [InlineData("r-2,06-SNV,P02,,", "mã câu hỏi (question_code), câu trả lời (answer) trống.")]
    public void Empty_cells_are_named(string row, string message)
    {
        var problem = OneBadRow(row);
        Assert.Equal(3, problem.Line);
        Assert.Equal(message, problem.Message);
    }

    [Theory]
    [InlineData("r-2,06-SNV,P09,Q1,A", "kỳ par-2024-06 không có phiếu điều tra \"P09\" (các phiếu: P02).")]
    [InlineData("r-2,06-XX,P02,Q1,A", "đơn vị 06-XX không thuộc nhóm nào của kỳ đánh giá.")]
    [InlineData("r-2,06-H1,P02,Q1,A", "phiếu P02 dành cho nhóm so, còn đơn vị 06-H1 thuộc nhóm huyen.")]
    [InlineData("r-2,06-SNV,P02,Q7,A", "phiếu P02 không có câu hỏi \"Q7\".")]
    [InlineData("r-2,06-SNV,P02,Q1,F", "câu Q1: phương án \"F\" không có trong phiếu P02 (các phương án: A, B, C, D, E).")]
    public void The_domains_refusal_of_a_row_is_its_problem_with_line_and_unit(string row, string message)
    {
        var problem = OneBadRow(row);
        Assert.Equal(new FileProblem("answers.csv", 3, row.Split(',')[1], null, message), problem);
    }

    [Fact]
    public void The_same_respondent_answering_the_same_question_about_the_same_unit_twice_is_refused_naming_both_lines()
    {
        var problem = Single(Csv(Header, "r-1,06-SNV,P02,Q1,A", "r-1,06-SNV,P02,Q2,B", "r-1,06-SNV,P02,Q1,C"));
        Assert.Equal(4, problem.Line);
        Assert.Equal("06-SNV", problem.Unit);
        Assert.Equal("người trả lời r-1 đã trả lời câu Q1 của phiếu P02 về đơn vị này; trùng với dòng 2.", problem.Message);
    }

    [Fact]
    public void The_same_respondent_may_answer_about_another_unit_and_another_respondent_the_same_question()
    {
        Assert.Equal(3, Valid(Csv(Header, "r-1,06-SNV,P02,Q1,A", "r-1,06-SCT,P02,Q1,A", "r-2,06-SNV,P02,Q1,A")).Count);
    }

    [Fact]
    public void Every_bad_row_is_listed_in_line_order_and_no_answer_is_returned()
    {
        var result = Csv(Header, "r-1,06-SNV,P02,Q1,A", "r-1,06-XX,P02,Q1,A", "r-2,06-SNV,P02,Q1,A", "r-3,06-SNV,P02,Q1,Z", "r-1,06-SNV,P02,Q1,B", "\"r-4,06-SNV");
        Assert.Null(result.Value);
        Assert.Equal(new int?[] { 3, 5, 6, 7 }, result.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Without_a_check_only_the_files_own_rules_apply()
    {
        var rows = Valid(AnswersFile.ReadCsv(Lines(Header, "r-1,06-XX,P09,Q9,Z"), "answers.csv", check: null));
        Assert.Equal("P09", Assert.Single(rows).Answer.Questionnaire);
        Assert.False(AnswersFile.ReadCsv(Lines(Header, "r-1,06-XX,P09,Q9,Z", "r-1,06-XX,P09,Q9,Y"), "answers.csv", null).IsValid);
    }

    [Fact]
    public void Written_answers_read_back_the_same()
    {
        SurveyAnswer[] answers = [new("r-1", "06-SNV", "P02", "Q1", "A"), new("Nguyễn Văn A, phường 1", "06-SCT", "P02", "Q2", "E")];
        var writer = new StringWriter();
        AnswersFile.WriteCsv(writer, answers);
        Assert.StartsWith(Header + "\n", writer.ToString());
        Assert.Equal(answers, Valid(AnswersFile.ReadCsv(new StringReader(writer.ToString()), "answers.csv", Check)).Select(r => r.Answer));
    }

    private static MemoryStream Bytes(byte[] bytes) => new(bytes);

    [Fact]
    public void By_content_a_utf8_csv_with_a_byte_order_mark_reads_as_csv()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes($"{Header}\nNguyễn-1,06-SNV,P02,Q1,A\n")).ToArray();
        var rows = Valid(AnswersFile.Read(Bytes(bytes), "answers.csv", Check));
        Assert.Equal("Nguyễn-1", Assert.Single(rows).Answer.RespondentId);
    }

    [Fact]
    public void By_content_a_csv_not_in_utf8_is_one_clear_problem()
    {
        var latin1 = Encoding.Latin1.GetBytes($"{Header}\nPhạm-é,06-SNV,P02,Q1,A\n".Replace("ạ", "a"));
        var problem = Single(AnswersFile.Read(Bytes(latin1), "answers.csv", Check));
        Assert.Null(problem.Line);
        Assert.StartsWith("tệp CSV không phải mã UTF-8", problem.Message);
    }

    [Theory]
    [InlineData("answers.xlsx")]
    [InlineData("answers.XLS")]
    public void Garbage_named_as_an_excel_file_is_one_clear_problem(string fileName)
    {
        var problem = Single(AnswersFile.Read(Bytes(Encoding.UTF8.GetBytes("không phải Excel\n\x01\x02")), fileName, Check));
        Assert.Equal(fileName, problem.File);
        Assert.StartsWith("tệp không phải tệp Excel .xlsx hợp lệ", problem.Message);
    }

    [Fact]
    public void An_old_binary_xls_is_named_as_such()
    {
        var problem = Single(AnswersFile.Read(Bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]), "answers.xls", Check));
        Assert.StartsWith("tệp Excel dạng cũ (.xls)", problem.Message);
    }

    [Fact]
    public void A_broken_zip_or_a_zip_that_is_not_a_workbook_is_one_clear_problem()
    {
        var truncated = Single(AnswersFile.Read(Bytes([.. "PK\x03\x04"u8, 1, 2, 3, 4, 5]), "answers.xlsx", Check));
        Assert.StartsWith("tệp không phải tệp Excel .xlsx hợp lệ", truncated.Message);

        var zip = new MemoryStream();
        using (var archive = new System.IO.Compression.ZipArchive(zip, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        using (var entry = new StreamWriter(archive.CreateEntry("readme.txt").Open())) entry.Write("xin chào");
        zip.Position = 0;
        Assert.StartsWith("tệp không phải tệp Excel .xlsx hợp lệ", Single(AnswersFile.ReadXlsx(zip, "answers.xlsx", Check)).Message);
        Assert.StartsWith("tệp không phải tệp Excel .xlsx hợp lệ", Single(AnswersFile.ReadXlsx(Bytes([1, 2, 3]), "answers.xlsx", Check)).Message);
    }
}
