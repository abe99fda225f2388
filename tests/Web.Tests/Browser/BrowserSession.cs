using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Browser;

/// <summary>The app on real Kestrel (loopback, a free port) and Debian's chromium driven by Playwright.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private DemoApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public string BaseAddress { get; private set; } = "";
    /// <summary>The app behind the browser, for setting up what a test needs (its own copy of the demo).</summary>
    public DemoApp App => _app;
    public IPage Page { get; private set; } = null!;
    public HttpClient Http { get; } = new();

    /// <summary>Where screenshots go: test output, kept after the run.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <param name="mobile">A phone: a touch screen, the mobile viewport rules and a dense display.</param>
    /// <param name="published">The demo as shipped (Bắc Kạn published); false: before its decisions, Bắc Kạn's scorecards drafts.</param>
    public static async Task<BrowserSession> StartAsync(int width = 1400, int height = 1000, bool mobile = false, bool published = true)
    {
        var session = new BrowserSession { _app = published ? new DemoApp() : new UnpublishedDemoApp() };
        await ((IAsyncLifetime)session._app).InitializeAsync();
        session._app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        session._app.StartServer();
        session.BaseAddress = session._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        session.Http.BaseAddress = new Uri(session.BaseAddress);

        session._playwright = await Playwright.CreateAsync();
        session._browser = await session._playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        session.Page = await session._browser.NewPageAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN",
            IsMobile = mobile, HasTouch = mobile, DeviceScaleFactor = mobile ? 2 : null,
        });
        // Every wait returns at its signal; this only bounds one that never comes. Playwright's 30 s was missed twice by a
        // first page view while two test runs shared the machine's 2 cores.
        Patient(session.Page);
        Directory.CreateDirectory(ScreenshotFolder);
        return session;
    }

    public async Task GoAsync(string path) => await Page.GotoAsync(BaseAddress + path);

    /// <summary>
    /// Does what takes <paramref name="page"/> to another page (a click on a link, a form sent, a redirect after it) and
    /// returns once that page is shown: a new document, parsed. The wait asks the page itself, not Playwright's load-state
    /// events: a wait for DOMContentLoaded once missed its event on a busy CI machine and ran into its 2-minute bound,
    /// and a wait for a URL returns at once when the form redirects back to the page it was sent from.
    /// </summary>
    public static async Task FollowAsync(IPage page, Func<Task> leave)
    {
        await page.EvaluateAsync("() => { window.piLeaving = true; }");
        await leave();
        await page.WaitForFunctionAsync("() => window.piLeaving === undefined && document.readyState !== 'loading'");
    }

    /// <summary><see cref="FollowAsync"/> for a click on the first element <paramref name="selector"/> finds.</summary>
    public static Task ClickAndFollowAsync(IPage page, string selector) => FollowAsync(page, () => page.Locator(selector).First.ClickAsync());

    /// <summary>Signs in through the form as a demo account (signing out first whoever is signed in).</summary>
    public async Task SignInAsync(string user)
    {
        await GoAsync("/dang-xuat");
        if (await Page.Locator("[data-testid=account]").CountAsync() > 0)
        {
            await ClickAndFollowAsync(Page, "main button[type=submit]");
            Assert.Equal(BaseAddress + "/", Page.Url);
        }
        await GoAsync("/dang-nhap");
        await Page.FillAsync("#username", user);
        await Page.FillAsync("#password", ParIndex.Silo.Demo.DemoSeeder.DemoPassword);
        IResponse? answer = null;
        await FollowAsync(Page, async () => answer = await Page.RunAndWaitForResponseAsync(() => Page.Locator("main button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.StartsWith(BaseAddress + "/dang-nhap", StringComparison.Ordinal)));
        // A refused or failed post is named with what the page and the app's log said, not left to a timeout.
        if (answer!.Status != 302) throw new InvalidOperationException(await WhyAsync($"Signing in as {user} answered {answer.Status}"));
        Assert.Equal(BaseAddress + "/", Page.Url);
        Assert.Equal(1, await Page.Locator("[data-testid=account]").CountAsync());
    }

    private async Task<string> WhyAsync(string what)
    {
        var text = await Page.Locator("body").InnerTextAsync(new() { Timeout = 10_000 });
        var log = Directory.Exists(_app.LogFolder)
            ? string.Join('\n', Directory.GetFiles(_app.LogFolder).SelectMany(f => ReadShared(f)).TakeLast(40))
            : "(no log)";
        return $"{what} at {Page.Url}.\nPage: {text}\nLog:\n{log}";
    }

    private static IEnumerable<string> ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>A page in a context of its own (no cookies shared with <see cref="Page"/>): another person, on another device.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 1000, bool mobile = false)
    {
        var context = await _browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height }, Locale = "vi-VN",
            IsMobile = mobile, HasTouch = mobile, DeviceScaleFactor = mobile ? 2 : null,
        });
        return Patient(await context.NewPageAsync());
    }

    /// <summary>
    /// Starts noting what the page does that it should not: each Content-Security-Policy violation the browser reports on
    /// its console, and each request for anything but this node's files (or a data: URL).
    /// </summary>
    public (List<string> Violations, List<string> Elsewhere) Watch()
    {
        var violations = new List<string>();
        var elsewhere = new List<string>();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{Page.Url}: {message.Text}");
        };
        Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(BaseAddress, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal)) elsewhere.Add(request.Url);
        };
        return (violations, elsewhere);
    }

    private static IPage Patient(IPage page)
    {
        page.SetDefaultTimeout(120_000);
        page.SetDefaultNavigationTimeout(120_000);
        return page;
    }

    /// <summary>A full-page screenshot of another page (see <see cref="NewPageAsync"/>) into the same folder.</summary>
    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        Http.Dispose();
        await ((IAsyncLifetime)_app).DisposeAsync();
    }
}
