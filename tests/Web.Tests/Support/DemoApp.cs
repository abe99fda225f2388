using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ParIndex.Silo.Cli;

namespace ParIndex.Web.Tests.Support;

/// <summary>The demo seeded once per test run into a template SQLite file that every app copies.</summary>
public static class DemoTemplate
{
    private static readonly Lazy<Task<string>> Template = new(CreateAsync);

    public static Task<string> PathAsync() => Template.Value;

    private static async Task<string> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "parindex-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "demo-template.db");
        var error = new StringWriter();
        var code = await new CliApp(new StringWriter(), error).InvokeAsync(["demo", "--db", path]);
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
/// Use as a class fixture for read-only tests, or create one per test that writes.
/// </summary>
public sealed class DemoApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parindex-web-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "demo.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        File.Copy(await DemoTemplate.PathAsync(), DatabasePath);
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

public static class DemoClients
{
    /// <summary>A client signed in as <see cref="DemoApp.Reader"/> through the sign-in form: the demo's results are not published, so the public may not read them.</summary>
    public static async Task<HttpClient> ReaderAsync(this WebApplicationFactory<Program> app) =>
        (await ParIndex.Web.Tests.Workflow.Staff.SignInAsync(app, DemoApp.Reader)).Client;

    /// <summary>A client signed in as Bắc Kạn's province administrator (snv.backan), who may write scores through the API.</summary>
    public static async Task<HttpClient> ProvinceAsync(this WebApplicationFactory<Program> app) =>
        (await ParIndex.Web.Tests.Workflow.Staff.SignInAsync(app, "snv.backan")).Client;
}
