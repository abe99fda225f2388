using System.Text;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using static ParIndex.Silo.Tests.Files.TestFiles;

namespace ParIndex.Silo.Tests.Files;

/// <summary>
/// Reading CSV (Sylvan.Data.Csv under <see cref="CsvTable"/>): line numbers are physical lines whatever the
/// records span, every malformed record is reported and reading carries on after it, and the file is read
/// as a stream, never whole, however the reader hands it out.
/// </summary>
public class CsvReadingTests
{
    private const string Header = "unit_code,item_code,kind,value,note";

    private static readonly Framework So = Framework.Create("so-2020", "Bộ tiêu chí cấp sở",
        [new Field("1", "Chỉ đạo, điều hành", [new Criterion("1.1", "Kế hoạch", [new Item("1.1.1", "Ban hành kế hoạch kịp thời", 1m, ItemSource.Appraisal)])])]);

    private static ReadResult<IReadOnlyList<ScoreRow>> Read(TextReader reader) =>
        ScoresCsv.Read(reader, "scores.csv", unit => unit is "06-SNV" or "06-SCT" ? So : null);

    private static ReadResult<IReadOnlyList<ScoreRow>> Read(string text) => Read(new StringReader(text));

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_bad_row_after_a_quoted_field_spanning_lines_is_reported_on_its_own_physical_line(string end)
    {
        var text = string.Join(end,
            Header,                                   // line 1
            "06-SNV,1.1.1,self,1,\"Kế hoạch",          // line 2: the record of lines 2 to 4
            "số 12, \"\"đã ký\"\"",                    // line 3
            "\"",                                     // line 4
            "06-SNV,1.1.1,appraised,3,",              // line 5: 3 is over the maximum of 1
            "06-SCT,1.1.1,self,1,\"a",                 // line 6: the record of lines 6 and 7, fine
            "b\"",                                    // line 7
            "06-SCT,1.1.1,appraised,x,") + end;       // line 8: not a number

        var result = Read(text);

        Assert.Equal([5, 8], result.Problems.Select(p => p.Line!.Value));
        Assert.Contains("vượt điểm tối đa 1", result.Problems[0].Message);
        Assert.Equal(("06-SCT", "1.1.1"), (result.Problems[1].Unit, result.Problems[1].Item));
    }

    [Fact]
    public void After_text_following_a_closing_quote_reading_carries_on_from_the_next_line()
    {
        var result = Read(string.Join("\n",
            Header,
            "06-SNV,1.1.1,self,1,\"dòng một",         // line 2: the record starts here
            "dòng hai\" thêm",                         // line 3: text after the closing quote
            "06-SNV,1.1.1,appraised,3,",              // line 4
            "06-SCT,1.1.1,self,\"1\" ,",               // line 5: spaces after a closing quote, then the comma
            "06-SCT,1.1.1,appraised,2,") + "\n");     // line 6

        Assert.Equal([2, 4, 5, 6], result.Problems.Select(p => p.Line!.Value));
        Assert.All(new[] { result.Problems[0], result.Problems[2] }, p =>
            Assert.StartsWith("dòng CSV sai dạng: có ký tự ngay sau dấu ngoặc kép đóng", p.Message));
    }

    [Theory]
    [InlineData("06-SNV,1.1.1,self,1,\"", "dấu ngoặc kép (\") mở mà không đóng")]
    [InlineData("06-SNV,1.1.1,self,1,\"Kế hoạch\"\"", "dấu ngoặc kép (\") mở mà không đóng")]
    [InlineData("06-SNV,1.1.1,self,1,\"Kế hoạch\" ", "có ký tự ngay sau dấu ngoặc kép đóng")]
    public void The_last_line_of_a_file_without_a_line_end_is_judged_like_any_other(string last, string message)
    {
        var problem = Single(Read(Header + "\n06-SNV,1.1.1,appraised,1,\n" + last));

        Assert.Equal(3, problem.Line);
        Assert.StartsWith("dòng CSV sai dạng: " + message, problem.Message);
    }

    [Fact]
    public void A_line_starting_with_a_noncharacter_is_reported_not_skipped()
    {
        var result = Read(string.Join("\n", Header, "\uFFFF06-SNV,1.1.1,self,1,", "06-SNV,1.1.1,appraised,3,", "\uFFFFx"));

        Assert.Equal([2, 3, 4], result.Problems.Select(p => p.Line!.Value));
        Assert.Contains("U+FFFF", result.Problems[0].Message);
        Assert.Contains("U+FFFF", result.Problems[2].Message);
    }

    /// <summary>Many rows, so that the file is several of the reader's buffers long; rows 1000 and 2500 are bad, row 1800 opens a quote it never closes.</summary>
    private static string LongFile(string end)
    {
        var text = new StringBuilder(Header + end);
        for (int line = 2; line <= 3000; line++)
        {
            text.Append(line switch
            {
                1000 => "06-SNV,1.1.1,self,2,",
                1800 => "06-SNV,1.1.1,self,1,\"ghi chú",
                2500 => "06-SCT,1.1.1,appraised,x,",
                _ => $"06-{(line % 2 == 0 ? "SNV" : "SCT")},1.1.1,self,1,dòng {line}",
            });
            text.Append(end);
        }
        return text.ToString();
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Line_numbers_and_recovery_hold_across_the_readers_buffers(string end)
    {
        var result = Read(LongFile(end));

        Assert.Equal([1000, 1800, 2500], result.Problems.Select(p => p.Line!.Value));
        Assert.StartsWith("dòng CSV sai dạng: dấu ngoặc kép (\") mở mà không đóng", result.Problems[1].Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public void The_file_is_streamed_in_whatever_pieces_the_reader_gives(int piece)
    {
        var text = LongFile("\r\n");

        var streamed = Read(new Trickle(text, piece));

        Assert.Equal(Read(text).Problems, streamed.Problems);
    }

    [Fact]
    public void A_quoted_field_longer_than_the_readers_buffer_is_read_whole()
    {
        var note = string.Join("\n", Enumerable.Range(1, 4000).Select(i => $"đoạn {i}, \"\"trích\"\""));
        var problems = new List<FileProblem>();

        var rows = CsvRecords.Read(new StringReader($"{Header}\n06-SNV,1.1.1,self,1,\"{note}\"\n06-SNV,1.1.1,appraised,1,\n"), "scores.csv", problems);

        Assert.Empty(problems);
        Assert.Equal(note.Replace("\"\"", "\""), rows[1].Fields[4]);
        Assert.Equal([1, 2, 2 + 4000], rows.Select(r => r.Line));
    }

    [Fact]
    public void A_quote_left_open_in_a_file_too_long_to_hold_is_reported_and_the_rest_still_checked()
    {
        var text = new StringBuilder(Header + "\n06-SNV,1.1.1,self,1,\"ghi chú\n");
        int rows = CsvRecords.MaxRecordLength / 20 + 100;
        for (int i = 0; i < rows; i++) text.Append("06-SNV,1.1.1,self,1,\n");
        text.Append("06-SNV,1.1.1,self,5,\n");

        var result = Read(text.ToString());

        Assert.Equal([2, 3 + rows], result.Problems.Select(p => p.Line!.Value));
        Assert.Contains("dấu ngoặc kép (\") mở mà không đóng", result.Problems[0].Message);
    }

    /// <summary>A reader that hands out at most a few characters at a time and refuses to be read whole.</summary>
    private sealed class Trickle(string text, int piece) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var n = Math.Min(Math.Min(piece, buffer.Length), text.Length - _at);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }

        public override int Peek() => _at < text.Length ? text[_at] : -1;

        public override int Read() => _at < text.Length ? text[_at++] : -1;

        public override string ReadToEnd() => throw new InvalidOperationException("read whole");
    }
}
