using System.Text;
using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Silo.Files;

/// <summary>An answer and the line (or Excel row) it came from.</summary>
public sealed record AnswerRow(int Line, SurveyAnswer Answer);

/// <summary>
/// answers.csv or answers.xlsx (docs/formats.md): <c>respondent_id,unit_code,questionnaire,question_code,answer</c>,
/// one answer a row, typed from paper questionnaires. The file is taken whole or not at all: every bad row is listed.
/// </summary>
public static class AnswersFile
{
    public static readonly IReadOnlyList<string> Columns = ["respondent_id", "unit_code", "questionnaire", "question_code", "answer"];

    private static readonly IReadOnlyList<(string Column, string Name)> Described =
    [
        ("respondent_id", "mã người trả lời (respondent_id)"), ("unit_code", "mã đơn vị (unit_code)"), ("questionnaire", "mã phiếu (questionnaire)"),
        ("question_code", "mã câu hỏi (question_code)"), ("answer", "câu trả lời (answer)"),
    ];

    /// <summary>Reads a CSV file (header required; unknown columns ignored).</summary>
    /// <param name="check">The domain's judgement of one answer (<see cref="SurveyAnswerRules.Check"/> bound to the cycle), or null to skip it.</param>
    public static ReadResult<IReadOnlyList<AnswerRow>> ReadCsv(TextReader reader, string fileName, Func<SurveyAnswer, string?>? check)
    {
        var problems = new List<FileProblem>();
        return Judge(CsvTable.Read(reader, fileName, Columns, [], problems), fileName, check, problems);
    }

    /// <summary>Reads the first worksheet of an .xlsx workbook: the first row is the header, line numbers are Excel's row numbers.</summary>
    public static ReadResult<IReadOnlyList<AnswerRow>> ReadXlsx(Stream stream, string fileName, Func<SurveyAnswer, string?>? check)
    {
        var problems = new List<FileProblem>();
        var rows = XlsxRows.Read(stream, fileName, problems);
        if (rows is null) return ReadResult<IReadOnlyList<AnswerRow>>.Failure(problems);
        return Judge(CsvTable.FromRows(rows, fileName, Columns, [], problems), fileName, check, problems);
    }

    /// <summary>
    /// Reads either kind, told apart by content: an .xlsx is a zip ("PK\x03\x04"), anything else is UTF-8 CSV
    /// (a byte order mark allowed). A file named .xlsx/.xls that is not a zip, or a CSV that is not UTF-8, is one clear problem.
    /// </summary>
    public static ReadResult<IReadOnlyList<AnswerRow>> Read(Stream stream, string fileName, Func<SurveyAnswer, string?>? check)
    {
        var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        bytes.Position = 0;
        var head = bytes.GetBuffer().AsSpan(0, (int)Math.Min(4, bytes.Length));
        if (head.SequenceEqual("PK\x03\x04"u8)) return ReadXlsx(bytes, fileName, check);
        if (head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            return Fail(fileName, "tệp Excel dạng cũ (.xls) không đọc được. Hãy mở bằng Excel rồi lưu lại dạng \"Excel Workbook (.xlsx)\" hoặc \"CSV UTF-8\".");
        if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
            return ReadResult<IReadOnlyList<AnswerRow>>.Failure([XlsxRows.NotAWorkbook(fileName)]);
        try
        {
            // Decoded as it is read, not into one string first; the byte order mark is left to the CSV reader.
            using var reader = new StreamReader(bytes, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: false);
            return ReadCsv(reader, fileName, check);
        }
        catch (DecoderFallbackException)
        {
            return Fail(fileName, "tệp CSV không phải mã UTF-8 (chữ tiếng Việt sẽ bị lỗi). Hãy lưu lại bằng \"CSV UTF-8 (Comma delimited)\" trong Excel.");
        }
    }

    private static ReadResult<IReadOnlyList<AnswerRow>> Fail(string fileName, string message) =>
        ReadResult<IReadOnlyList<AnswerRow>>.Failure([new FileProblem(fileName, null, null, null, message)]);

    private static ReadResult<IReadOnlyList<AnswerRow>> Judge(CsvTable? table, string fileName, Func<SurveyAnswer, string?>? check, List<FileProblem> problems)
    {
        if (table is null) return ReadResult<IReadOnlyList<AnswerRow>>.Failure(problems);
        var rows = new List<AnswerRow>();
        var firstLine = new Dictionary<(string Respondent, string Unit, string Questionnaire, string Question), int>();
        foreach (var row in table.Rows)
        {
            var values = Described.Select(d => table.Get(row, d.Column)).ToArray();
            var answer = new SurveyAnswer(values[0], values[1], values[2], values[3], values[4]);
            var unit = answer.UnitCode.Length == 0 ? null : answer.UnitCode;
            var empty = Described.Where((_, i) => values[i].Length == 0).Select(d => d.Name).ToList();
            if (empty.Count > 0)
            {
                problems.Add(new FileProblem(fileName, row.Line, unit, null, $"{string.Join(", ", empty)} trống."));
                continue;
            }
            var key = (answer.RespondentId, answer.UnitCode, answer.Questionnaire, answer.QuestionCode);
            var problem = check?.Invoke(answer);
            if (problem is null && firstLine.TryGetValue(key, out var earlier))
                problem = $"người trả lời {answer.RespondentId} đã trả lời câu {answer.QuestionCode} của phiếu {answer.Questionnaire} về đơn vị này; trùng với dòng {earlier}.";
            firstLine.TryAdd(key, row.Line);
            if (problem is null) rows.Add(new AnswerRow(row.Line, answer));
            else problems.Add(new FileProblem(fileName, row.Line, unit, null, problem));
        }
        return ReadResult<IReadOnlyList<AnswerRow>>.From(rows, problems.OrderBy(p => p.Line ?? 0).ToList());
    }

    /// <summary>Writes answers in the same format, in the order given.</summary>
    public static void WriteCsv(TextWriter writer, IEnumerable<SurveyAnswer> answers)
    {
        Csv.WriteRecord(writer, Columns);
        foreach (var a in answers) Csv.WriteRecord(writer, [a.RespondentId, a.UnitCode, a.Questionnaire, a.QuestionCode, a.OptionCode]);
    }
}
