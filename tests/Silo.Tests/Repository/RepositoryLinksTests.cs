using System.Text.RegularExpressions;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Repository;

/// <summary>
/// The repository stands alone: someone who clones only it finds every document its files point to.
/// Markdown links resolve to files inside it, and no file names a folder beside it (where the product's
/// specification was once kept).
/// </summary>
public class RepositoryLinksTests
{
    private static readonly string[] TextExtensions = [".md", ".cs", ".cshtml", ".py", ".sh", ".props", ".csproj", ".json", ".yml", ".yaml", ".js", ".css", ".txt"];
    private static readonly string[] SkippedFolders = ["bin", "obj", ".git", "node_modules", "lib", "TestResults", "App_Data"];

    // Written in two parts so that this file does not match itself.
    private static readonly string[] OutsidePaths = ["../" + "shared", "shared" + "/docs", "shared" + "/data"];

    [Fact]
    public void No_file_names_a_folder_outside_the_repository()
    {
        var offending = TextFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => OutsidePaths.Any(p => x.line.Contains(p, StringComparison.Ordinal)))
            .Select(x => $"{Relative(x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offending.Count == 0, "outside the repository:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void Every_relative_link_of_a_markdown_file_reaches_a_file_inside_the_repository()
    {
        var markdown = TextFiles().Where(f => f.EndsWith(".md", StringComparison.Ordinal)).ToList();
        Assert.Contains(markdown, f => Relative(f) == "README.md");
        Assert.Contains(markdown, f => Relative(f) == "docs/rules.md");

        var broken = markdown.SelectMany(file => BrokenLinks(file, File.ReadAllText(file))).ToList();
        Assert.True(broken.Count == 0, "links that reach nothing in the repository:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void The_link_check_finds_links_that_leave_the_repository_or_reach_nothing()
    {
        // The shape README once had, a file that does not exist, and two that are fine (a file here, a web page).
        var readme = Path.Combine(Repo.Root, "README.md");
        var text = "[rules](" + "../" + "shared" + "/docs/DOMAIN.md) [gone](docs/khong-co.md) [ok](docs/rules.md) [web](https://dotnet.microsoft.com)";
        Assert.Equal(["README.md: (../" + "shared" + "/docs/DOMAIN.md)", "README.md: (docs/khong-co.md)"], BrokenLinks(readme, text));
        Assert.Contains(OutsidePaths, p => text.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>The relative links of a markdown file's text that leave the repository or reach no file or folder in it.</summary>
    private static IEnumerable<string> BrokenLinks(string file, string text)
    {
        foreach (Match link in Regex.Matches(text, @"\]\(([^)\s]+)\)"))
        {
            var target = link.Groups[1].Value;
            if (Regex.IsMatch(target, "^(https?|mailto):") || target.StartsWith('#')) continue;
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target.Split('#')[0]));
            var inside = path.StartsWith(Repo.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
            if (!inside || !(File.Exists(path) || Directory.Exists(path))) yield return $"{Relative(file)}: ({target})";
        }
    }

    private static IEnumerable<string> TextFiles() =>
        Files(new DirectoryInfo(Repo.Root)).Where(f => TextExtensions.Contains(Path.GetExtension(f)));

    private static IEnumerable<string> Files(DirectoryInfo dir)
    {
        foreach (var file in dir.EnumerateFiles()) yield return file.FullName;
        foreach (var sub in dir.EnumerateDirectories().Where(d => !SkippedFolders.Contains(d.Name) && !d.Name.StartsWith('.') || d.Name == ".ci"))
            foreach (var file in Files(sub)) yield return file;
    }

    private static string Relative(string path) => Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');
}
