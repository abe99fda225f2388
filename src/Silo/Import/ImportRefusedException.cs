namespace ParIndex.Silo.Import;

/// <summary>An import was refused whole; every problem is listed and nothing was written. Crosses grain calls whole.</summary>
[GenerateSerializer, Alias("ParIndex.ImportRefusedException")]
public sealed class ImportRefusedException(string summary, IReadOnlyList<string> problems)
    : Exception(summary + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    [Id(0)] public string Summary { get; } = summary;
    [Id(1)] public IReadOnlyList<string> Problems { get; } = problems;
}
