using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// The apps a test run starts watch files by polling (tests/tests.runsettings): Linux gives a user 128 inotify
/// instances, each app took two or three, and past the limit pages answered 500 in whichever test came next.
/// </summary>
public class FileWatchingTests
{
    [Fact]
    public async Task An_app_started_for_a_test_serves_its_pages_without_taking_an_inotify_instance()
    {
        Assert.Equal("true", Environment.GetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER"));
        await using var app = new DemoApp();
        await ((IAsyncLifetime)app).InitializeAsync();

        // The home page's stylesheets carry a version from their content (asp-append-version), which watches the file.
        var html = await PageHtml.OkAsync(app.CreateClient(), "/");

        Assert.Contains("?v=", html);
        Assert.Equal(0, InotifyInstances()); // none in this process, whatever else the run has started beside it
    }

    private static int InotifyInstances() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget == "anon_inode:inotify");
}
