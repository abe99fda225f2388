namespace ParIndex.Silo.Cli;

/// <summary>Progress printed at once on stderr, on the caller's thread (Progress&lt;T&gt; would post it later).</summary>
internal sealed class WriterProgress(TextWriter writer) : IProgress<string>
{
    public void Report(string value)
    {
        writer.WriteLine(value);
        writer.Flush();
    }
}
