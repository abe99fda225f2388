using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Demo;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;
using ParIndex.Silo.Tests.Survey;
using SignInResult = ParIndex.Silo.Accounts.SignInResult;

namespace ParIndex.Silo.Tests.Accounts;

/// <summary>
/// The lockout (issue 13, points 4 and 12): exactly five password checks per name however many tries
/// arrive at once, names without an account answered and checked the same, the time said in Việt Nam.
/// </summary>
[Collection(DemoCollection.Name)]
public class LockoutTests(DemoDatabase demo)
{
    /// <summary>ASP.NET Core's hasher, counting the password checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<UserRow>
    {
        private readonly PasswordHasher<UserRow> _inner = new();
        private int _checks;
        public int Checks => Volatile.Read(ref _checks);
        public string HashPassword(UserRow user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(UserRow user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static AccountService Accounts(IServiceProvider services, TimeProvider clock, CountingHasher hasher) =>
        new(services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>(), clock, hasher);

    [Theory, SqliteData, PostgresData]
    public async Task Forty_tries_at_once_get_exactly_five_password_checks_and_the_lock_holds(string provider)
    {
        await using var db = await demo.CopyAsync(provider);
        await using var services = await db.SiloAsync();
        var clock = new ManualClock(new DateTimeOffset(2021, 2, 9, 1, 0, 0, TimeSpan.Zero));
        var hasher = new CountingHasher();
        var accounts = Accounts(services, clock, hasher);
        Task<SignInResult[]> FortyAsync() => Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => accounts.SignInAsync("snv.backan", "sai-mat-khau-" + i))));

        var results = await FortyAsync();
        Assert.Equal(LockoutPolicy.MaxFailedAttempts, hasher.Checks);
        Assert.All(results, r => Assert.Null(r.Account));
        Assert.Equal(LockoutPolicy.MaxFailedAttempts - 1, results.Count(r => !r.Refusal!.Contains("tạm khóa")));
        Assert.Null((await accounts.SignInAsync("snv.backan", DemoSeeder.DemoPassword)).Account);
        Assert.Equal(LockoutPolicy.MaxFailedAttempts, hasher.Checks); // the right password, while locked, is not even checked

        // Once the lock has run out the count starts again, and holds again, also when the tries that lift the old lock arrive together.
        clock.Now += LockoutPolicy.LockoutDuration + TimeSpan.FromSeconds(1);
        await FortyAsync();
        Assert.Equal(2 * LockoutPolicy.MaxFailedAttempts, hasher.Checks);
        Assert.Null((await accounts.SignInAsync("snv.backan", DemoSeeder.DemoPassword)).Account);
    }

    [Fact]
    public async Task A_name_without_an_account_is_checked_and_answered_exactly_like_a_real_one()
    {
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var services = await db.SiloAsync();
        var clock = new ManualClock(new DateTimeOffset(2021, 2, 9, 1, 0, 0, TimeSpan.Zero));
        var hasher = new CountingHasher();
        var accounts = Accounts(services, clock, hasher);
        async Task<List<string?>> AnswersAsync(string user)
        {
            var answers = new List<string?>();
            for (int i = 0; i < LockoutPolicy.MaxFailedAttempts; i++)
            {
                var checks = hasher.Checks;
                answers.Add((await accounts.SignInAsync(user, "sai-mat-khau-" + i)).Refusal);
                Assert.Equal(checks + 1, hasher.Checks); // one password check, account or not
            }
            answers.Add((await accounts.SignInAsync(user, DemoSeeder.DemoPassword)).Refusal);
            return answers;
        }

        var real = await AnswersAsync("snv.backan");
        var unknown = await AnswersAsync("khong-co-ai");
        Assert.Equal(real, unknown);
        Assert.Contains("tạm khóa", unknown[^1]);
    }

    [Fact]
    public async Task The_lockout_says_until_when_in_Viet_Nam_time_whatever_the_servers_zone()
    {
        await using var db = await demo.CopyAsync(DatabaseOptions.Sqlite);
        await using var services = await db.SiloAsync();
        var clock = new ManualClock(new DateTimeOffset(2021, 2, 9, 1, 0, 0, TimeSpan.Zero)); // 08:00 in Hà Nội
        var accounts = Accounts(services, clock, new CountingHasher());
        for (int i = 0; i < LockoutPolicy.MaxFailedAttempts; i++) await accounts.SignInAsync("pnv.tpbackan", "sai-mat-khau-" + i);
        clock.Now += TimeSpan.FromMinutes(1);
        var refusal = (await accounts.SignInAsync("pnv.tpbackan", DemoSeeder.DemoPassword)).Refusal;
        Assert.Equal("Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau 08:15.", refusal);
    }
}
