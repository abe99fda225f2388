using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Demo;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Operations;

/// <summary>
/// Orleans' dashboard, mounted from its package for the installation's administrators only: every one of its routes, as
/// an anonymous visitor (sent to sign in), as every demo account that does not run the installation (403) and as the one
/// that does (answered by the dashboard).
/// </summary>
public class DashboardAccessTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Administrator = "quantri";

    /// <summary>Every route of the dashboard, its parameters filled with something of the right shape.</summary>
    private IReadOnlyList<string> Routes() => app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
        .Where(r => r.StartsWith(Dashboard.Path, StringComparison.Ordinal))
        .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{\*{0,2}([a-zA-Z]+)([^}]*)\}", m =>
            m.Groups[2].Value.Contains(":int", StringComparison.Ordinal) ? "1" : m.Groups[1].Value == "path" ? "x.png" : "x"))
        .Distinct().ToList();

    public static TheoryData<string> People() => new(["anonymous", .. DemoSeeder.Accounts.Select(a => a.UserName)]);

    [Fact]
    public void The_dashboard_is_mounted_with_its_assets_and_api()
    {
        var routes = Routes();
        Assert.Contains(Dashboard.Path + "/index.min.js", routes);
        Assert.Contains(Dashboard.Path + "/DashboardCounters", routes);
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Every_route_is_for_the_administrator_of_the_installation_only(string person)
    {
        var staff = await Staff.SignInAsync(app, person == "anonymous" ? null : person);
        var wrong = new List<string>();
        foreach (var route in Routes())
        {
            // Headers only: the trace route streams the log for as long as it is read.
            using var response = await staff.Client.GetAsync(route, HttpCompletionOption.ResponseHeadersRead);
            var outcome = Staff.IsSignIn(response) ? "sign-in" : response.StatusCode == HttpStatusCode.Forbidden ? "403" : "answered";
            var expected = person == "anonymous" ? "sign-in" : person == Administrator ? "answered" : "403";
            if (outcome != expected) wrong.Add($"GET {route}: expected {expected}, got {outcome} ({(int)response.StatusCode})");
            if (outcome == "403" && !(await response.Content.ReadAsStringAsync()).Contains("lang=\"vi\"")) wrong.Add($"GET {route}: the 403 page is not the Vietnamese one");
        }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_administrator_reads_the_page_and_the_cluster_counters_served_from_the_package()
    {
        var staff = await Staff.SignInAsync(app, Administrator);
        var page = await staff.Client.GetAsync(Dashboard.Path + "/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync());
        var counters = await staff.Client.GetAsync(Dashboard.Path + "/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("totalActiveHostCount", await counters.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
