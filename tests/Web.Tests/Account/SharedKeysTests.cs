using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Persistence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Account;

/// <summary>Several nodes behind a load balancer without sticky sessions: a sign-in cookie made by one node is read by another.</summary>
public class SharedKeysTests
{
    [Fact]
    public Task A_cookie_from_one_node_signs_in_on_another_node_of_the_same_database() => OwnDemoApp.RunAsync(async nodeA =>
    {
        var staff = await Staff.SignInAsync(nodeA, "snv.backan");
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync("/cham-diem")).StatusCode);
        var cookie = string.Join("; ", (await staff.Client.GetAsync("/cham-diem")).RequestMessage!.Headers.GetValues("Cookie"));

        // Another host of the same app over the same database: its own key ring in memory, the keys read from the database.
        await using var nodeB = nodeA.WithWebHostBuilder(_ => { });
        var client = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/cham-diem");
        request.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/cham-diem")).StatusCode); // without it: sent to sign in

        // On one machine the two hosts could share a key folder; across machines only the database is shared: the keys are there.
        await using var db = await nodeA.Services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>().CreateDbContextAsync();
        Assert.True(await db.DataProtectionKeys.CountAsync() > 0, "no data protection key in the database");
    });
}
