using System.Text;
using ParIndex.Silo.Files;

namespace ParIndex.Silo.Tests.Files;

/// <summary>
/// A large CSV file parsed on a thread of its own while the caller checks its records (<see cref="CsvReadAhead"/>):
/// the caller sees every record in file order on its own thread, every problem of the file, and any error of its own or
/// of the file as if it had read on one thread.
/// </summary>
public class CsvReadAheadTests
{
    private static readonly string[] Required = ["a", "b"];

    /// <summary>A header and <paramref name="rows"/> records over several of the reader's batches, with a malformed one and a short one.</summary>
    private static string File(int rows)
    {
        var text = new StringBuilder("a,b\n");
        for (int i = 0; i < rows; i++)
            text.Append(i switch
            {
                1500 => "\"open,x\"y\n",  // line 1502: text after a closing quote
                2500 => "only-one-field\n", // line 2502: one field where the header has two
                _ => $"r{i},\"v\n{i}\"\n",  // a record over two lines
            });
        return text.ToString();
    }

    [Fact]
    public void Every_record_comes_in_file_order_on_the_callers_thread_with_every_problem_of_the_file()
    {
        var text = File(3000);
        var problems = new List<FileProblem>();
        var seen = new List<(int Line, string A, int Thread)>();

        var table = CsvReadAhead.Each(new StringReader(text), "t.csv", Required, [], problems,
            (t, row) => seen.Add((row.Line, t.Get(row, "a"), Environment.CurrentManagedThreadId)));

        Assert.NotNull(table);
        var expected = Enumerable.Range(0, 3000).Where(i => i is not 1500 and not 2500).Select(i => (Line: 2 + 2 * i - (i > 1500 ? 1 : 0) - (i > 2500 ? 1 : 0), A: $"r{i}")).ToList();
        Assert.Equal(expected, seen.Select(s => (s.Line, s.A)));
        Assert.All(seen, s => Assert.Equal(Environment.CurrentManagedThreadId, s.Thread));
        // The same problems, on the same lines, as reading on one thread finds.
        var alone = new List<FileProblem>();
        CsvTable.Each(new StringReader(text), "t.csv", Required, [], alone, (_, _) => { });
        Assert.Equal(2, alone.Count);
        Assert.Equal(alone.Select(p => (p.Line, p.Message)), problems.Select(p => (p.Line, p.Message)));
    }

    [Fact]
    public void An_error_in_the_callers_check_is_the_one_it_gets()
    {
        var problems = new List<FileProblem>();
        var refused = Assert.Throws<InvalidOperationException>(() => CsvReadAhead.Each(new StringReader(File(5000)), "t.csv", Required, [], problems,
            (_, row) => { if (row.Line > 3000) throw new InvalidOperationException("dừng ở dòng " + row.Line); }));
        Assert.StartsWith("dừng ở dòng 30", refused.Message);
    }

    [Fact]
    public void An_error_reading_the_file_reaches_the_caller_after_the_records_before_it()
    {
        var handed = 0;
        var failed = Assert.Throws<IOException>(() => CsvReadAhead.Each(new FailingReader(File(4000), failAt: 20_000), "t.csv", Required, [], [],
            (_, _) => handed++));
        Assert.Equal("đĩa lỗi", failed.Message);
        Assert.InRange(handed, 1, 3999);
    }

    /// <summary>A file that cannot be read past a point, as a disk error would.</summary>
    private sealed class FailingReader(string text, int failAt) : TextReader
    {
        private int _at;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_at >= failAt) throw new IOException("đĩa lỗi");
            var n = Math.Min(Math.Min(buffer.Length, text.Length - _at), 1024);
            text.AsSpan(_at, n).CopyTo(buffer);
            _at += n;
            return n;
        }
    }
}
