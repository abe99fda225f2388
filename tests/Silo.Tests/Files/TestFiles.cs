using ParIndex.Silo.Files;

namespace ParIndex.Silo.Tests.Files;

internal static class TestFiles
{
    /// <summary>Text as a user's file would hold it: lines joined with \n.</summary>
    public static StringReader Lines(params string[] lines) => new(string.Join("\n", lines) + "\n");

    /// <summary>A national list of units, as kept in the repository's reference/ folder.</summary>
    public static string SharedData(string fileName) => ParIndex.Silo.Tests.Support.Repo.Path("reference", fileName);

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
