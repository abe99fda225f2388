using ParIndex.Grains.Contracts;
using ParIndex.Silo.Files;

namespace ParIndex.Silo.Import;

/// <summary>
/// A scores file read once as it streams in: its checked rows, and for the import's batch entry in the audit its
/// data row count and its copy (hashed and staged while read). Disposing it drops a copy no import kept.
/// </summary>
public sealed class ScoresFile : IDisposable
{
    private ScoresFile(StagedFile copy, ReadResult<IReadOnlyList<ScoreRow>> rows, int rowCount)
    {
        Copy = copy;
        Rows = rows;
        RowCount = rowCount;
    }

    /// <summary>Reads and checks <paramref name="content"/> (which it takes over and closes) against the cycle's groups and frameworks.</summary>
    public static ScoresFile Read(ImportFiles files, Stream content, string fileName, CycleDefinition cycle)
    {
        var copy = files.Stage(content, fileName);
        try
        {
            var rows = ScoresCsv.Read(copy.Reader, fileName, unit => cycle.GroupOf(unit) is { } g ? cycle.Cycle.FrameworkOf(g) : null, out var count);
            copy.Finish();
            return new ScoresFile(copy, rows, count);
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }

    public string FileName => Copy.FileName;
    public StagedFile Copy { get; }
    public ReadResult<IReadOnlyList<ScoreRow>> Rows { get; }

    /// <summary>The file's data rows, replaced ones included.</summary>
    public int RowCount { get; }

    public void Dispose() => Copy.Dispose();
}
