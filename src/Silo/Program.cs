using ParIndex.Silo.Cli;

namespace ParIndex.Silo;

/// <summary>The command-line tool (docs/command-line.md).</summary>
public static class SiloProgram
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args);
}
