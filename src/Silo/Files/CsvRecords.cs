using Sylvan.Data.Csv;

namespace ParIndex.Silo.Files;

/// <summary>
/// The records of a CSV file, read by Sylvan.Data.Csv as the file streams in, each with the physical line it
/// starts on. RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; a quote inside an
/// unquoted field is taken literally; nothing is trimmed and an empty last field is kept. Lines end with
/// CRLF, LF or CR, which Sylvan learns from the first line (in a file of LF lines, a lone CR may then be read
/// as text: the record gets too many fields, and the column count check reports it on its line).
/// Sylvan stops at the first malformed record, while users want every problem of a file at
/// once: so the text from the start of the record being read is kept (<see cref="Tape"/>), and after a
/// malformed record a new Sylvan reader carries on from the line the user most likely meant it to end on.
/// </summary>
internal static class CsvRecords
{
    /// <summary>Longer than any real record: past it, a quote left open is swallowing the file.</summary>
    internal const int MaxRecordLength = 1 << 20;

    private const string Malformed = "dòng CSV sai dạng: ";

    // Sylvan skips lines that start with its comment character and has no way to turn that off: U+FFFF is a
    // noncharacter, which no text file holds, and a line starting with it is reported rather than skipped.
    private const char NoComment = '\uFFFF';
    private const string CommentLine = "dòng bắt đầu bằng ký tự không hợp lệ (U+FFFF).";

    private const string Unclosed = "dấu ngoặc kép (\") mở mà không đóng.";
    private const string TextAfterQuote = "có ký tự ngay sau dấu ngoặc kép đóng; một trường có dấu ngoặc kép phải được đặt trọn trong ngoặc kép, dấu ngoặc kép bên trong viết thành \"\".";

    public static List<CsvRow> Read(TextReader reader, string fileName, List<FileProblem> problems)
    {
        var rows = new List<CsvRow>();
        Each(reader, fileName, problems, row => { rows.Add(row); return true; });
        return rows;
    }

    /// <summary>Hands each record to <paramref name="record"/> as it is read, until it answers false: the file is never held whole.</summary>
    public static void Each(TextReader reader, string fileName, List<FileProblem> problems, Func<CsvRow, bool> record)
    {
        var tape = new Tape(reader);
        int line = 1; // the physical line the next record starts on
        void Problem(string message) => problems.Add(new FileProblem(fileName, line, null, null, Malformed + message));

        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, // the header is the first non-blank record, and CsvTable judges it
            Delimiter = ',', // never guessed from the first line
            Quote = '"',
            Escape = '"', // RFC 4180: a quote inside a quoted field is doubled
            CsvStyle = CsvStyle.Standard, // a malformed record is an error, reported below, never guessed at
            Comment = NoComment,
            CommentHandler = (Action<string>)(comment =>
            {
                // A line Sylvan skipped: report it, and keep the kept text and the line count in step with Sylvan.
                Problem(CommentLine);
                var end = 1 + comment.Length;
                var text = tape.Text;
                end += end + 1 < text.Length && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1;
                tape.Consume(end);
                line++;
            }),
            MaxBufferSize = MaxRecordLength,
            StringFactory = new StringPool().Get,
            OwnsReader = false, // the caller disposes its reader
        };

        while (true) // one Sylvan reader from the start, and another after each malformed record
        {
            CsvDataReader? csv = null;
            try
            {
                csv = CsvDataReader.Create(tape, options);
                while (csv.Read())
                {
                    var raw = csv.GetRawRecordSpan();
                    var fields = new string[csv.RowFieldCount];
                    for (int i = 0; i < fields.Length; i++) fields[i] = csv.GetString(i);
                    // Sylvan takes a lone quote at the very end of the file for a value; it opens a field that never closes.
                    if (raw is [.., ',', '"'] or ['"'] && fields[^1] == "\"") Problem(Unclosed);
                    else if (!record(new CsvRow(line, fields))) return;
                    line += LineBreaks(raw);
                    tape.Consume(raw.Length);
                }
                // Only a line starting with the comment character can be left over: the last one, without a line end.
                if (tape.Text.Length > 0) Problem(CommentLine);
                return;
            }
            catch (CsvFormatException e)
            {
                // The reader stopped inside the record that starts the kept text; the fields before the broken one are complete.
                var fieldStart = csv?.GetRawRecordSpan().Length ?? 0;
                var (message, resume) = Explain(e, fieldStart, tape);
                Problem(message);
                line += LineBreaks(tape.Text[..resume]);
                tape.Restart(resume);
            }
            finally
            {
                csv?.Dispose();
            }
        }
    }

    /// <summary>What is wrong with the record at the start of the kept text, and where reading carries on.</summary>
    private static (string Message, int Resume) Explain(CsvFormatException e, int fieldStart, Tape tape)
    {
        if (e is CsvInvalidCharacterException)
        {
            // Sylvan stops at a quoted field (the only kind it finds malformed); which of its errors it names
            // depends on what follows the closing quote, so find that quote: inside the field, quotes come doubled.
            var text = tape.Text;
            int close = -1;
            for (int i = fieldStart + 1; i < text.Length && close < 0; i++)
            {
                if (text[i] != '"') continue;
                if (i + 1 < text.Length && text[i + 1] == '"') i++;
                else close = i;
            }
            // Never closed, so it swallowed the rest of the file: read on from the record's next line, which is
            // almost always where the user meant it to end. Otherwise from the line after the closing quote's.
            return close < 0
                ? (Unclosed, tape.PastLineEnd(0))
                : (TextAfterQuote, tape.PastLineEnd(close + 1));
        }
        // Too long a record (CsvRecordTooLargeException): a quote left open almost always.
        return ($"bản ghi dài hơn {MaxRecordLength} ký tự; thường là do một dấu ngoặc kép (\") mở mà không đóng.", tape.PastLineEnd(0));
    }

    /// <summary>CRLF, LF and CR each end one line.</summary>
    private static int LineBreaks(ReadOnlySpan<char> text) => text.Count('\n') + text.Count('\r') - text.Count("\r\n");

    /// <summary>
    /// The reader Sylvan reads through. It keeps the text from the start of the record being read
    /// (<see cref="Text"/>, which also holds what was read ahead) so that reading can start again inside it,
    /// and drops the UTF-8 byte order mark a spreadsheet may have put in front. What it keeps is about
    /// Sylvan's buffer, one record more for a long one: the file itself is never held whole.
    /// </summary>
    private sealed class Tape(TextReader inner) : TextReader
    {
        private char[] _chars = new char[1 << 14];
        private int _start, _served, _end; // kept: [_start, _end); handed to the current Sylvan reader: [_start, _served)
        private bool _begun, _ended;

        /// <summary>The kept text: from the start of the record being read to as far as the file has been read.</summary>
        public ReadOnlySpan<char> Text => _chars.AsSpan(_start, _end - _start);

        /// <summary>Sylvan has read a record (or skipped a line) this long.</summary>
        public void Consume(int count) => _start += count;

        /// <summary>The next Sylvan reader starts this far into the kept text.</summary>
        public void Restart(int offset)
        {
            _start += offset;
            _served = _start;
        }

        /// <summary>Just past the end of the line that holds <paramref name="offset"/> of the kept text (or the end of the file), reading on as needed.</summary>
        public int PastLineEnd(int offset)
        {
            int i = offset;
            while (true)
            {
                var text = Text;
                var found = i < text.Length ? text[i..].IndexOfAny('\r', '\n') : -1;
                if (found < 0)
                {
                    i = text.Length;
                    if (!Fill(1 << 12)) return i;
                    continue;
                }
                i += found;
                if (text[i] == '\n') return i + 1;
                if (i + 1 < text.Length) return text[i + 1] == '\n' ? i + 2 : i + 1;
                if (!Fill(1 << 12)) return i + 1; // a CR at the very end: see whether an LF follows it
            }
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            // As much as asked for, if the file has it: Sylvan tells CR line ends from LF ones by its first buffer.
            while (_end - _served < buffer.Length && Fill(buffer.Length - (_end - _served))) { }
            var n = Math.Min(buffer.Length, _end - _served);
            _chars.AsSpan(_served, n).CopyTo(buffer);
            _served += n;
            return n;
        }

        public override int Peek() => _served < _end || Fill(1) ? _chars[_served] : -1;

        public override int Read() => Peek() >= 0 ? _chars[_served++] : -1;

        /// <summary>Reads up to <paramref name="count"/> more characters from the file onto the kept text; false at its end.</summary>
        private bool Fill(int count)
        {
            while (!_ended)
            {
                if (_end + count > _chars.Length)
                {
                    var kept = _end - _start;
                    if (kept + count > _chars.Length) Array.Resize(ref _chars, Math.Max(2 * _chars.Length, kept + count));
                    Array.Copy(_chars, _start, _chars, 0, kept);
                    _served -= _start;
                    _end = kept;
                    _start = 0;
                }
                var n = inner.Read(_chars, _end, count);
                if (n == 0)
                {
                    _ended = true;
                    break;
                }
                if (!_begun)
                {
                    _begun = true;
                    if (_chars[_end] == '\uFEFF')
                    {
                        Array.Copy(_chars, _end + 1, _chars, _end, --n);
                        if (n == 0) continue;
                    }
                }
                _end += n;
                return true;
            }
            return false;
        }
    }
}
