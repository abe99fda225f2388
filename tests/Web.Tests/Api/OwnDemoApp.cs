using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

/// <summary>For tests that write: a DemoApp on its own copy of the demo, disposed (and its copy deleted) at the end.</summary>
public static class OwnDemoApp
{
    public static async Task RunAsync(Func<DemoApp, Task> test)
    {
        var app = new DemoApp();
        IAsyncLifetime lifetime = app;
        await lifetime.InitializeAsync();
        try { await test(app); }
        finally { await lifetime.DisposeAsync(); }
    }
}
