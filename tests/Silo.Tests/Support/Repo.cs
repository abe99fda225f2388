namespace ParIndex.Silo.Tests.Support;

/// <summary>Paths in the repository, found from the test's output folder.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ParIndex.sln"))) return dir.FullName;
        throw new InvalidOperationException("ParIndex.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A folder deleted at the end of the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(FullName);

    public string FullName { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parindex-tests", Guid.NewGuid().ToString("N"));

    public string Path(string name) => System.IO.Path.Combine(FullName, name);

    public string Write(string name, string content)
    {
        var path = Path(name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(FullName, recursive: true); } catch (IOException) { } // best effort: a killed process may still hold a file
    }
}
