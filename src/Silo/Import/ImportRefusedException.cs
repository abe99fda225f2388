namespace ParIndex.Silo.Import;

/// <summary>An import was refused whole; every problem is listed and nothing was written.</summary>
public sealed class ImportRefusedException(string summary, IReadOnlyList<string> problems)
    : Exception(summary + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public string Summary { get; } = summary;
    public IReadOnlyList<string> Problems { get; } = problems;
}
