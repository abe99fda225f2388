using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Demo;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Accounts;

/// <summary>
/// The security stamp a session carries (issue 13, point 3): sign-out, a lockout and every change of roles
/// (by the service or the command line) give the account a new one, which ends the sessions made before.
/// </summary>
[Collection(DemoCollection.Name)]
public class SessionStampTests(DemoDatabase demo)
{
    private static async Task<string> SessionAsync(AccountService accounts, string user) =>
        (await accounts.SignInAsync(user, DemoSeeder.DemoPassword)).Account!.SecurityStamp;

    [Fact]
    public async Task Sign_out_a_lockout_and_a_change_of_roles_each_end_the_sessions_made_before()
    {
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var services = await db.SiloAsync();
        var accounts = services.GetRequiredService<AccountService>();

        var first = await SessionAsync(accounts, "lanhdao.backan");
        var second = await SessionAsync(accounts, "lanhdao.backan"); // another device: signing in ends nothing
        Assert.Equal(first, second);
        await accounts.SignInAsync("lanhdao.backan", "sai-mat-khau-1"); // nor does a wrong password
        Assert.True(await accounts.IsSessionCurrentAsync("lanhdao.backan", first));

        await accounts.EndSessionsAsync("lanhdao.backan");
        Assert.False(await accounts.IsSessionCurrentAsync("lanhdao.backan", first));

        var afterSignOut = await SessionAsync(accounts, "lanhdao.backan");
        await accounts.GrantAsync("lanhdao.backan", new(Role.Viewer, "19"));
        Assert.False(await accounts.IsSessionCurrentAsync("lanhdao.backan", afterSignOut));

        var afterGrant = await SessionAsync(accounts, "lanhdao.backan");
        await accounts.RevokeAsync("lanhdao.backan", Role.Viewer, "19");
        Assert.False(await accounts.IsSessionCurrentAsync("lanhdao.backan", afterGrant));

        var afterRevoke = await SessionAsync(accounts, "lanhdao.backan");
        for (int i = 0; i < LockoutPolicy.MaxFailedAttempts; i++) await accounts.SignInAsync("lanhdao.backan", "sai-mat-khau-" + i);
        Assert.False(await accounts.IsSessionCurrentAsync("lanhdao.backan", afterRevoke));

        Assert.False(await accounts.IsSessionCurrentAsync("khong-co-ai", afterRevoke));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Roles_are_given_and_taken_on_the_command_line_and_the_sessions_made_before_end(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var services = await db.SiloAsync();
        var accounts = services.GetRequiredService<AccountService>();
        var session = await SessionAsync(accounts, "lanhdao.backan");

        var grant = (await db.RunAsync("users", "grant", "--username", "lanhdao.backan", "--role", "Appraiser", "--scope", "06", "--groups", "so")).ShouldSucceed();
        Assert.Contains("đăng nhập lại", grant.Output);
        Assert.Equal(["Viewer 06 ", "Appraiser 06 so"],
            (await accounts.FindAsync("lanhdao.backan"))!.Grants.Select(g => $"{g.Role} {g.Scope} {string.Join(",", g.Groups ?? new HashSet<string>())}"));
        Assert.False(await accounts.IsSessionCurrentAsync("lanhdao.backan", session));

        session = await SessionAsync(accounts, "lanhdao.backan");
        (await db.RunAsync("users", "revoke", "--username", "lanhdao.backan", "--role", "Viewer", "--scope", "06")).ShouldSucceed();
        Assert.Equal([Role.Appraiser], (await accounts.FindAsync("lanhdao.backan"))!.Grants.Select(g => g.Role));
        Assert.False(await accounts.IsSessionCurrentAsync("lanhdao.backan", session));

        session = await SessionAsync(accounts, "lanhdao.backan");
        var last = await db.RunAsync("users", "revoke", "--username", "lanhdao.backan", "--role", "Appraiser", "--scope", "06");
        Assert.NotEqual(0, last.ExitCode);
        Assert.Contains("ít nhất một vai trò", last.Error);
        var nobody = await db.RunAsync("users", "grant", "--username", "khong-co-ai", "--role", "Viewer", "--scope", "06");
        Assert.NotEqual(0, nobody.ExitCode);
        Assert.True(await accounts.IsSessionCurrentAsync("lanhdao.backan", session), "a refused change ended the sessions anyway");
    }
}
