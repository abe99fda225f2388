using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ParIndex.Silo.Cli;

namespace ParIndex.Web.Tests.Support;

/// <summary>
/// The demo seeded once per test run into template SQLite files that every app copies: as `demo` seeds it (Bắc Kạn
/// 2019 and 2020 published, what a visitor finds), and as `demo --unpublished` leaves it (every scorecard a draft).
/// </summary>
public static class DemoTemplate
{
    private static readonly Lazy<Task<string>> Published = new(() => CreateAsync(published: true));
    private static readonly Lazy<Task<string>> Unpublished = new(() => CreateAsync(published: false));

    public static Task<string> PathAsync(bool published = true) => (published ? Published : Unpublished).Value;

    private static async Task<string> CreateAsync(bool published)
    {
        var folder = Path.Combine(Path.GetTempPath(), "parindex-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "demo-template.db");
        var error = new StringWriter();
        var code = await new CliApp(new StringWriter(), error).InvokeAsync(published ? ["demo", "--db", path] : ["demo", "--unpublished", "--db", path]);
        if (code != 0) throw new InvalidOperationException("Seeding the demo failed: " + error);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        return path;
    }
}

/// <summary>
/// The web application on its own copy of the seeded demo: a clean database for each instance.
/// Use as a class fixture for read-only tests, or create one per test that writes. The demo as shipped, Bắc Kạn
/// published; <see cref="UnpublishedDemoApp"/> for the demo before its decisions, where Bắc Kạn's scorecards still
/// take scores and its groups can be published.
/// </summary>
public class DemoApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parindex-web-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _published;

    public DemoApp() : this(published: true) { }

    // Not public: xunit builds a class fixture through its one public constructor.
    protected DemoApp(bool published) => _published = published;

    public string DatabasePath => Path.Combine(_folder, "demo.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        File.Copy(await DemoTemplate.PathAsync(_published), DatabasePath);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ParIndex", $"Data Source={DatabasePath}");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Logs:Folder", LogFolder);
        builder.UseSetting("Logs:Console", "none");
        // Every test client comes from one address and signs in often: the limit per address is tested on its own (SignInLimitTests).
        builder.UseSetting("SignIn:PermitPerMinute", "1000");
    }

    /// <summary>Where this app's JSON log files go (deleted with the app).</summary>
    public string LogFolder => Path.Combine(_folder, "logs");

    /// <summary>The demo account that reads both provinces' results, published or not (xem.bnv, a Viewer of 06 and 19).</summary>
    public const string Reader = "xem.bnv";

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>The demo before its decisions (`demo --unpublished`), as a class fixture.</summary>
public sealed class UnpublishedDemoApp() : DemoApp(published: false);

public static class DemoClients
{
    /// <summary>A client signed in as <see cref="DemoApp.Reader"/> through the sign-in form: it reads what is not published too (Thái Nguyên 2025, an unpublished demo).</summary>
    public static async Task<HttpClient> ReaderAsync(this WebApplicationFactory<Program> app) =>
        (await ParIndex.Web.Tests.Workflow.Staff.SignInAsync(app, DemoApp.Reader)).Client;

    /// <summary>A client signed in as Bắc Kạn's province administrator (snv.backan), who may write scores through the API.</summary>
    public static async Task<HttpClient> ProvinceAsync(this WebApplicationFactory<Program> app) =>
        (await ParIndex.Web.Tests.Workflow.Staff.SignInAsync(app, "snv.backan")).Client;
}
