using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParIndex.Web.Tests;

public class HealthTests(WebApplicationFactory<Program> factory) : IClassFixture<WebApplicationFactory<Program>>
{
    [Fact]
    public async Task Healthz_answers_200_while_the_process_lives()
    {
        var response = await factory.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_home_page_is_in_Vietnamese()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("lang=\"vi\"", html);
        Assert.Contains("Chỉ số cải cách hành chính", html);
    }
}
