using System.Net;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Health;

public class HealthTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Healthz_answers_200_while_the_process_lives()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_answers_200_once_the_database_is_reachable_and_migrated()
    {
        var response = await app.CreateClient().GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readyz_answers_503_when_the_database_cannot_be_migrated()
    {
        await using var broken = new DemoApp();
        await ((Xunit.IAsyncLifetime)broken).InitializeAsync();
        var app2 = broken.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:ParIndex", "Data Source=/proc/parindex-cannot-exist/x.db"));
        var client = app2.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task The_home_page_is_in_Vietnamese_and_lists_the_cycles()
    {
        var html = await app.CreateClient().GetStringAsync("/");
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Chỉ số cải cách hành chính", html);
        Assert.Contains("Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn", html);
        Assert.Contains($"href=\"/cong-bo\" data-readable=\"false\"", html); // Thái Nguyên 2025, unpublished: the public is sent to what is published
    }
}
