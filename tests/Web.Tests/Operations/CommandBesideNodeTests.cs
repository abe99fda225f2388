using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Cli;
using ParIndex.Silo.Storage;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// The command line beside a running node joins its cluster as an Orleans client: an import it makes reaches the very
/// grains the node serves, so the node shows it as soon as the command returns (no restart, no idle reload).
/// </summary>
public class CommandBesideNodeTests
{
    private const string Cycle = "par-2025-19", Unit = "19-VPUBND";

    /// <summary>Thái Nguyên's provincial office: appraised 1 for item 1.1.1 in the demo; the import makes it 0.</summary>
    private const string Scores = "unit_code,item_code,kind,value,note\n19-VPUBND,1.1.1,appraised,0,Chưa đủ tài liệu\n";

    [Fact]
    public async Task An_import_beside_a_sqlite_node_is_seen_by_its_grains_as_the_command_returns()
    {
        IAsyncLifetime demo = new DemoApp();
        await demo.InitializeAsync();
        try
        {
            var gateway = FreePort();
            await using var app = ((DemoApp)demo).WithWebHostBuilder(b => b.UseSetting("Orleans:GatewayPort", gateway.ToString()));
            await ImportBesideAsync(app, ["--db", ((DemoApp)demo).DatabasePath], new ClusterSettings { GatewayPort = gateway });
        }
        finally
        {
            await demo.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task An_import_beside_postgres_nodes_is_seen_by_their_grains_as_the_command_returns()
    {
        var name = await Postgres.CreateDatabaseAsync();
        try
        {
            string[] database = ["--connection", Postgres.ConnectionTo(name), "--provider", "postgres"];
            var error = new StringWriter();
            Assert.True(0 == await new CliApp(new StringWriter(), error).InvokeAsync(["demo", .. database]), error.ToString());
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Testing");
                b.UseSetting("Database:Provider", "postgres");
                b.UseSetting("ConnectionStrings:ParIndex", Postgres.ConnectionTo(name));
                b.UseSetting("Demo:Seed", "false");
                b.UseSetting("Logs:Console", "none");
                b.UseSetting("Logs:Folder", Path.Combine(Path.GetTempPath(), "parindex-web-tests", name));
            });
            // The gateway is found through the membership table: nothing but the database is given.
            await ImportBesideAsync(app, database, new ClusterSettings());
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Postgres.DropDatabaseAsync(name);
        }
    }

    private static async Task ImportBesideAsync(WebApplicationFactory<Program> app, string[] database, ClusterSettings cluster)
    {
        app.CreateClient();
        // Not a deadline: a bound so that a node that never starts fails the test instead of hanging it.
        await app.Services.GetRequiredService<Readiness>().WhenReady.WaitAsync(TimeSpan.FromMinutes(2));
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var scorecard = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, Unit));
        var before = await scorecard.GetAsync();
        Assert.Equal(1m, before.Items["1.1.1"].Appraised); // active in the node, holding the demo's value
        var ranking = grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(Cycle, "19", before.GroupCode));
        Assert.Equal(before.Result.Obtained, (await ranking.GetLinesAsync()).Single(l => l.UnitCode == Unit).Obtained); // the ranking too

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Scores);
            var error = new StringWriter();
            var code = await new CliApp(new StringWriter(), error) { Cluster = cluster }.InvokeAsync(["import", "scores", .. database, "--cycle", Cycle, file]);
            Assert.True(code == 0, error.ToString());
        }
        finally
        {
            File.Delete(file);
        }
        var after = await scorecard.GetAsync();
        Assert.Equal(0m, after.Items["1.1.1"].Appraised);
        // The appraised score counts: one point fewer obtained, in the scorecard and in its group's ranking alike.
        Assert.Equal(before.Result.Obtained - 1m, after.Result.Obtained);
        Assert.Equal(after.Result.Obtained, (await ranking.GetLinesAsync()).Single(l => l.UnitCode == Unit).Obtained);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
