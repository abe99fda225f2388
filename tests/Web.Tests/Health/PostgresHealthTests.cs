using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParIndex.Web.Tests.Health;

/// <summary>The web application on PostgreSQL (Database:Provider=postgres): it creates and migrates the database, then says it is ready.</summary>
public class PostgresHealthTests
{
    [PostgresFact]
    public async Task On_PostgreSQL_readyz_answers_200_once_the_database_is_migrated_and_the_node_listens()
    {
        var name = "parindex_test_" + Guid.NewGuid().ToString("N")[..16]; // not created: the app creates it
        var logs = Path.Combine(Path.GetTempPath(), "parindex-web-tests", name);
        try
        {
            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Testing");
                b.UseSetting("Database:Provider", "postgres");
                b.UseSetting("ConnectionStrings:ParIndex", Postgres.ConnectionTo(name));
                b.UseSetting("Demo:Seed", "false");
                b.UseSetting("Logs:Folder", logs);
                b.UseSetting("Logs:Console", "none");
            });
            var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
            var clock = Stopwatch.StartNew();
            HttpResponseMessage ready;
            while ((ready = await client.GetAsync("/readyz")).StatusCode != HttpStatusCode.OK)
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "not ready within 30 s: " + await ready.Content.ReadAsStringAsync());
                await Task.Delay(100);
            }
            Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
            Assert.Equal("[]", await client.GetStringAsync("/api/cycles")); // migrated, empty, answering
        }
        finally
        {
            await Postgres.DropDatabaseAsync(name);
            try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
        }
    }
}
