using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

/// <summary>For tests that write: a DemoApp on its own copy of the demo, disposed (and its copy deleted) at the end.</summary>
public static class OwnDemoApp
{
    public static Task RunAsync(Func<DemoApp, Task> test) => RunAsync(new DemoApp(), test);

    /// <summary>The same on the demo before its decisions: Bắc Kạn's scorecards are drafts (scores, steps, publication).</summary>
    public static Task RunUnpublishedAsync(Func<DemoApp, Task> test) => RunAsync(new UnpublishedDemoApp(), test);

    private static async Task RunAsync(DemoApp app, Func<DemoApp, Task> test)
    {
        IAsyncLifetime lifetime = app;
        await lifetime.InitializeAsync();
        try { await test(app); }
        finally { await lifetime.DisposeAsync(); }
    }
}
