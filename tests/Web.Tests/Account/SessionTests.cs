using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Cli;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Account;

/// <summary>
/// A session ends on the server (issue 13, point 3): a copy of the cookie dies with sign-out, and a lockout
/// or a change of roles ends the sessions the account already has.
/// </summary>
public class SessionTests
{
    private const string WorkPage = "/cham-diem";
    /// <summary>Read on a copy of the demo before its decisions: unpublished, so only a live session reads it.</summary>
    private const string Api = "/api/cycles/par-2020-06/units/01834";

    /// <summary>The cookie a signed-in client sends, as someone who copied it would send it.</summary>
    private static async Task<string> CookieAsync(Staff staff) =>
        string.Join("; ", (await staff.Client.GetAsync(WorkPage)).RequestMessage!.Headers.GetValues("Cookie"));

    private static HttpClient Bare(DemoApp app) => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Task<HttpResponseMessage> WithCookieAsync(HttpClient client, string url, string cookie)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return client.SendAsync(request);
    }

    [Fact]
    public Task A_copied_cookie_stops_working_once_its_owner_signs_out() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var staff = await Staff.SignInAsync(app, "snv.backan");
        var copy = await CookieAsync(staff);
        var thief = Bare(app);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(thief, WorkPage, copy)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(thief, Api, copy)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync("/dang-xuat")).StatusCode);

        Assert.True(Staff.IsSignIn(await WithCookieAsync(thief, WorkPage, copy)), "the copied cookie still opens a staff page after sign-out");
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookieAsync(thief, Api, copy)).StatusCode);
        // Signing in again makes a new session that works.
        var again = await Staff.SignInAsync(app, "snv.backan");
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync(WorkPage)).StatusCode);
    });

    [Fact]
    public Task Locking_the_account_ends_its_open_sessions() => OwnDemoApp.RunAsync(async app =>
    {
        var staff = await Staff.SignInAsync(app, "pnv.tpbackan");
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync(WorkPage)).StatusCode);

        var accounts = app.Services.GetRequiredService<AccountService>();
        for (int i = 0; i < LockoutPolicy.MaxFailedAttempts; i++) await accounts.SignInAsync("pnv.tpbackan", "sai-mat-khau-" + i);

        Assert.True(Staff.IsSignIn(await staff.Client.GetAsync(WorkPage)), "the session outlived the lockout");
    });

    [Fact]
    public Task A_role_given_ends_the_sessions_made_before_and_the_next_sign_in_has_it() => OwnDemoApp.RunAsync(async app =>
    {
        const string unitWork = "/cycles/par-2025-19/units/01840/cham-diem"; // a commune of Thái Nguyên
        var staff = await Staff.SignInAsync(app, "lanhdao.backan"); // Bắc Kạn's Viewer: nothing in Thái Nguyên
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.Client.GetAsync(unitWork)).StatusCode);

        await app.Services.GetRequiredService<AccountService>().GrantAsync("lanhdao.backan", new(Role.Viewer, "19"));

        Assert.True(Staff.IsSignIn(await staff.Client.GetAsync(unitWork)), "the session made before the change kept going");
        var again = await Staff.SignInAsync(app, "lanhdao.backan");
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync(unitWork)).StatusCode);
    });

    [Fact]
    public Task A_role_taken_away_on_the_command_line_ends_the_running_sessions_at_once() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        // xem.bnv reads both provinces; once one is taken away, its old cookie ends (and with it what it could still read).
        var staff = await Staff.SignInAsync(app, DemoApp.Reader);
        Assert.Equal(HttpStatusCode.OK, (await staff.Client.GetAsync(Api)).StatusCode);

        var error = new StringWriter();
        var code = await new CliApp(new StringWriter(), error).InvokeAsync(["users", "revoke", "--username", DemoApp.Reader, "--role", "Viewer", "--scope", "19", "--db", app.DatabasePath]);
        Assert.True(code == 0, error.ToString());

        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.Client.GetAsync(Api)).StatusCode);
    });
}
