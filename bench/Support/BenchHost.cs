using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Persistence;
using ParIndex.Web;
using ParIndex.Web.Endpoints;

namespace ParIndex.Bench.Support;

/// <summary>
/// The web application as src/Web/Program.cs composes it (same extension methods, same order), on
/// Kestrel at 127.0.0.1 with a free port, over the benchmark's SQLite file. Its services are the ones
/// every phase uses: importers, grain host, stores. The only addition is a stopwatch around the scorecard
/// storage (<see cref="TimedScorecardStorage"/>).
/// </summary>
public sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, string address, TimedScorecardStorage storage)
    {
        App = app;
        Address = address;
        Storage = storage;
    }

    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public string Address { get; }
    public TimedScorecardStorage Storage { get; }

    public static async Task<BenchHost> StartAsync(string databasePath, string webContentRoot)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Razor pages are found in the application's assembly: the web app's, not the benchmark's.
            ApplicationName = "ParIndex.Web",
            ContentRootPath = webContentRoot,
            EnvironmentName = "Production",
            Args = [],
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ParIndex"] = DatabaseOptions.ForSqliteFile(databasePath).ConnectionString,
            ["Demo:Seed"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddParIndexWeb();
        builder.Services.RemoveAll<IStateStore<ScorecardState>>();
        builder.Services.AddSingleton<EfScorecardStorage>();
        builder.Services.AddSingleton(sp => new TimedScorecardStorage(sp.GetRequiredService<EfScorecardStorage>()));
        builder.Services.AddSingleton<IStateStore<ScorecardState>>(sp => sp.GetRequiredService<TimedScorecardStorage>());

        var app = builder.Build();
        app.UseParIndexWeb();
        app.MapParIndexHealth();
        app.MapParIndexApi();
        app.MapParIndexExports();
        app.MapRazorPages();
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BenchHost(app, address.TrimEnd('/'), app.Services.GetRequiredService<TimedScorecardStorage>());
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
