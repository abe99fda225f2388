using ParIndex.Silo.Files;

namespace ParIndex.Silo.Tests.Files;

internal static class TestFiles
{
    /// <summary>Text as a user's file would hold it: lines joined with \n.</summary>
    public static StringReader Lines(params string[] lines) => new(string.Join("\n", lines) + "\n");

    /// <summary>The shared data folder (../shared/data from the repository), found by walking up from the test binaries.</summary>
    public static string SharedData(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", fileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"shared/data/{fileName} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The one problem of a result, failing with every problem listed when there is not exactly one.</summary>
    public static FileProblem Single<T>(ReadResult<T> result) where T : class
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.True(result.Problems.Count == 1, "Expected one problem, got:\n" + result);
        return result.Problems[0];
    }

    /// <summary>The value of a result that must have no problem; fails listing them otherwise.</summary>
    public static T Valid<T>(ReadResult<T> result) where T : class
    {
        Assert.True(result.IsValid, "Expected no problem, got:\n" + result);
        return result.Value;
    }
}
