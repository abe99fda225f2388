using System.Collections.Concurrent;

namespace ParIndex.Silo.Files;

/// <summary>
/// A large CSV file read on two cores: Sylvan parses it, and <see cref="CsvTable"/> judges its header and each record's
/// field count, on a thread of its own, a few batches of records ahead of the caller, who checks the records on its
/// own thread, in file order, as before. A national scores file (1.8 M rows) was parsed and checked on one core, one
/// after the other.
/// </summary>
internal static class CsvReadAhead
{
    private const int BatchSize = 1024;
    private const int BatchesAhead = 8; // what is held besides the caller's batch: about 8 k records

    /// <summary>As <see cref="CsvTable.Each"/>: <paramref name="row"/> is called on the caller's thread, in file order.</summary>
    /// <remarks>The problems found while parsing come after those <paramref name="row"/> adds; a caller orders them by line.</remarks>
    public static CsvTable? Each(TextReader reader, string fileName, IReadOnlyList<string> required, IReadOnlyList<string> optional,
        List<FileProblem> problems, Action<CsvTable, CsvRow> row)
    {
        using var stop = new CancellationTokenSource();
        using var batches = new BlockingCollection<(CsvTable Table, CsvRow[] Rows)>(BatchesAhead);
        var parsingProblems = new List<FileProblem>(); // the parsing thread's own: row adds to problems meanwhile
        var parsing = Task.Factory.StartNew(() =>
        {
            try
            {
                var batch = new List<CsvRow>(BatchSize);
                CsvTable? current = null;
                var table = CsvTable.Each(reader, fileName, required, optional, parsingProblems, (t, r) =>
                {
                    current = t;
                    batch.Add(r);
                    if (batch.Count < BatchSize) return;
                    batches.Add((t, batch.ToArray()), stop.Token);
                    batch.Clear();
                });
                if (batch.Count > 0) batches.Add((current!, batch.ToArray()), stop.Token);
                return table;
            }
            finally
            {
                batches.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            foreach (var (table, rows) in batches.GetConsumingEnumerable())
                foreach (var record in rows) row(table, record);
        }
        catch
        {
            // The parsing thread stops at its next batch, and is gone before the caller closes the file it reads.
            stop.Cancel();
            ((IAsyncResult)parsing).AsyncWaitHandle.WaitOne();
            throw;
        }
        var header = parsing.GetAwaiter().GetResult(); // the file's own errors (unreadable, not UTF-8) surface here
        problems.AddRange(parsingProblems);
        return header;
    }
}
