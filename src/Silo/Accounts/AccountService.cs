using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Accounts;

/// <summary>Who signed in, with the roles they hold.</summary>
/// <param name="SecurityStamp">Goes into the session; the session ends when the account's stamp changes.</param>
public sealed record Account(int Id, string UserName, string DisplayName, IReadOnlyList<RoleGrant> Grants, string SecurityStamp);

/// <summary>The result of a sign-in attempt; a refusal never says whether the name exists.</summary>
public sealed record SignInResult(Account? Account, string? Refusal);

/// <summary>
/// Accounts: created from the command line (`users add`) or by the demo, passwords kept as salted
/// hashes (ASP.NET Core's PasswordHasher), and locked after repeated failures (LockoutPolicy).
/// Sessions carry the account's security stamp (AccountService.Sessions.cs).
/// </summary>
/// <param name="hasher">ASP.NET Core's PasswordHasher unless a test counts the checks.</param>
public sealed partial class AccountService(IDbContextFactory<ParIndexDbContext> contexts, TimeProvider clock, IPasswordHasher<UserRow>? hasher = null)
{
    private const string Wrong = "Tên đăng nhập hoặc mật khẩu không đúng.";
    private readonly IPasswordHasher<UserRow> _hasher = hasher ?? new PasswordHasher<UserRow>();

    /// <summary>What a name without an account is checked against, so that it costs the same time as a real one.</summary>
    private static readonly Lazy<(UserRow User, string Hash)> Dummy = new(() =>
    {
        var user = new UserRow { UserName = "", DisplayName = "", PasswordHash = "", SecurityStamp = "" };
        return (user, new PasswordHasher<UserRow>().HashPassword(user, Convert.ToHexString(RandomNumberGenerator.GetBytes(32))));
    });

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex UserNamePattern();

    public async Task<Account> AddAsync(string userName, string displayName, string password, IReadOnlyList<RoleGrant> grants, CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        if (!UserNamePattern().IsMatch(userName)) problems.Add($"Tên đăng nhập \"{userName}\" không hợp lệ: 3–64 ký tự a-z, 0-9, dấu chấm, gạch ngang, gạch dưới.");
        if (string.IsNullOrWhiteSpace(displayName)) problems.Add("Thiếu họ tên người dùng.");
        if (LockoutPolicy.CheckPassword(password) is { } weak) problems.Add(weak);
        if (grants.Count == 0) problems.Add("Người dùng phải có ít nhất một vai trò.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var scope in grants.Select(g => g.Scope).Distinct())
            if (!await db.Units.AnyAsync(u => u.Code == scope, cancellationToken)) problems.Add($"Không có đơn vị mã {scope} để làm phạm vi của vai trò.");
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken)) problems.Add($"Tên đăng nhập \"{userName}\" đã có.");
        if (problems.Count > 0) throw new DomainValidationException("Không tạo được người dùng:", problems);

        var row = new UserRow { UserName = userName, DisplayName = displayName.Trim(), PasswordHash = "", SecurityStamp = NewStamp(), CreatedAt = clock.GetUtcNow() };
        row.PasswordHash = _hasher.HashPassword(row, password);
        row.Grants.AddRange(grants.Select(g => new RoleGrantRow
        {
            Role = g.Role.ToString(), Scope = g.Scope, Groups = g.Groups is null ? null : string.Join(";", g.Groups.Order(StringComparer.Ordinal)),
        }));
        db.Users.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToAccount(row);
    }

    /// <summary>
    /// Every name does the same work, whether an account has it or not: the same queries and one
    /// password check (against a dummy hash when there is no account), and the same lockout, so that
    /// neither the answer nor its time tells whether the name exists.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var key = SignInFailures.Key(userName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        var lockedUntil = await SignInFailures.LockedUntilAsync(db, key, cancellationToken);
        if (LockoutPolicy.IsLocked(lockedUntil, now)) return Locked(lockedUntil!.Value);
        if (lockedUntil is { } expired) await SignInFailures.ExpireAsync(db, key, expired, cancellationToken);

        // The attempt is counted before the password is checked: parallel tries past the limit are refused unchecked.
        var attempt = await SignInFailures.ClaimAsync(db, key, LockoutPolicy.LockedUntil(now), cancellationToken);
        if (attempt is null) return Locked(await SignInFailures.LockedUntilAsync(db, key, cancellationToken) ?? LockoutPolicy.LockedUntil(now));

        var (dummy, dummyHash) = Dummy.Value;
        var verified = _hasher.VerifyHashedPassword(user ?? dummy, user?.PasswordHash ?? dummyHash, password) != PasswordVerificationResult.Failed;
        if (user is not null && verified)
        {
            await SignInFailures.ClearAsync(db, key, cancellationToken);
            return new(ToAccount(user), null);
        }
        if (!LockoutPolicy.Locks(attempt.Value)) return new(null, Wrong);
        // Locked: if someone had guessed the password before, the sessions they made end too.
        await RenewStampAsync(db, userName, cancellationToken);
        return Locked(LockoutPolicy.LockedUntil(now));
    }

    private static SignInResult Locked(DateTimeOffset until) => new(null, LockoutPolicy.LockedMessage(until));

    public async Task<Account?> FindAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().Include(u => u.Grants).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        return user is null ? null : ToAccount(user);
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    private static Account ToAccount(UserRow u) => new(u.Id, u.UserName, u.DisplayName, u.Grants.Select(g => new RoleGrant(
        Enum.Parse<Role>(g.Role), g.Scope, g.Groups is null ? null : RowMapping.Split(g.Groups).ToHashSet(StringComparer.Ordinal))).ToList(), u.SecurityStamp);
}
