using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Accounts;

/// <summary>Accounts: hashed passwords, lockout after repeated failures, the first administrator from the command line.</summary>
[Collection(DemoCollection.Name)]
public class AccountTests(DemoDatabase demo)
{
    private const string Password = "Noi-vu-2021!";

    /// <summary>A clock the test moves by hand.</summary>
    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2021, 2, 9, 8, 0, 0, TimeSpan.Zero);
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static AccountService Accounts(IServiceProvider services, Clock clock) =>
        new(services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ParIndexDbContext>>(), clock);

    [Fact]
    public async Task A_user_signs_in_with_the_right_password_and_the_password_is_stored_only_as_a_hash()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var services = await db.SiloAsync();
        var accounts = Accounts(services, new Clock());
        await accounts.AddAsync("snv.admin", "Quản trị Sở Nội vụ", Password, [new RoleGrant(Role.ProvinceAdmin, "06")]);

        var signedIn = await accounts.SignInAsync("snv.admin", Password);
        Assert.Equal([new RoleGrant(Role.ProvinceAdmin, "06")], signedIn.Account!.Grants);
        Assert.Equal(0, await db.ScalarAsync($"SELECT COUNT(*) FROM users WHERE \"PasswordHash\" LIKE '%{Password}%'"));
        Assert.Null((await accounts.SignInAsync("snv.admin", "sai-mat-khau-1")).Account);
        Assert.Equal("Tên đăng nhập hoặc mật khẩu không đúng.", (await accounts.SignInAsync("khong-co", Password)).Refusal);
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_for_fifteen_minutes_even_with_the_right_password()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var services = await db.SiloAsync();
        var clock = new Clock();
        var accounts = Accounts(services, clock);
        await accounts.AddAsync("xa.editor", "Cán bộ xã", Password, [new RoleGrant(Role.UnitEditor, "01834")]);

        for (int i = 0; i < LockoutPolicy.MaxFailedAttempts; i++) await accounts.SignInAsync("xa.editor", "sai-mat-khau-" + i);
        var locked = await accounts.SignInAsync("xa.editor", Password);
        Assert.Null(locked.Account);
        Assert.Contains("tạm khóa", locked.Refusal);

        clock.Now += LockoutPolicy.LockoutDuration + TimeSpan.FromSeconds(1);
        Assert.NotNull((await accounts.SignInAsync("xa.editor", Password)).Account);
    }

    [Fact]
    public async Task A_weak_password_an_unknown_scope_or_a_taken_name_is_refused_and_nothing_stored()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var services = await db.SiloAsync();
        var accounts = Accounts(services, new Clock());
        var users = await db.CountAsync("users");
        var error = await Assert.ThrowsAsync<DomainValidationException>(() => accounts.AddAsync("Bad Name", "", "short", [new RoleGrant(Role.Viewer, "99-XX")]));
        Assert.Equal(4, error.Errors.Count);
        Assert.Contains(error.Errors, e => e.Contains("99-XX"));
        Assert.Equal(users, await db.CountAsync("users"));

        await accounts.AddAsync("viewer", "Người xem", Password, [new RoleGrant(Role.Viewer, "06")]);
        await Assert.ThrowsAsync<DomainValidationException>(() => accounts.AddAsync("viewer", "Người xem 2", Password, [new RoleGrant(Role.Viewer, "06")]));
    }

    [Fact]
    public async Task The_first_administrator_is_created_from_the_command_line_with_the_password_from_standard_input()
    {
        using var folder = new TempFolder();
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        var run = await Tool.RunWithInputAsync(Password + "\n", ["users", "add", "--username", "admin", "--name", "Quản trị", "--role", "ProvinceAdmin", "--scope", "06", .. db.Args]);
        run.ShouldSucceed();
        await using var services = await db.SiloAsync();
        Assert.NotNull((await services.GetRequiredService<AccountService>().SignInAsync("admin", Password)).Account);

        var weak = await Tool.RunWithInputAsync("123\n", ["users", "add", "--username", "admin2", "--name", "Quản trị", "--role", "ProvinceAdmin", "--scope", "06", .. db.Args]);
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("Mật khẩu", weak.Error);
    }
}
