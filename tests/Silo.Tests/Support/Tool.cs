using ParIndex.Silo.Cli;

namespace ParIndex.Silo.Tests.Support;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class Tool
{
    public sealed record Run(int ExitCode, string Output, string Error)
    {
        public Run ShouldSucceed()
        {
            Assert.True(ExitCode == 0, $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}");
            return this;
        }
    }

    public static Task<Run> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public static async Task<Run> RunWithInputAsync(string input, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await new CliApp(output, error, new StringReader(input)).InvokeAsync(args);
        return new Run(code, output.ToString(), error.ToString());
    }
}
