using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Accounts;

/// <summary>Who signed in, with the roles they hold.</summary>
public sealed record Account(int Id, string UserName, string DisplayName, IReadOnlyList<RoleGrant> Grants);

/// <summary>The result of a sign-in attempt; a refusal never says whether the name exists.</summary>
public sealed record SignInResult(Account? Account, string? Refusal);

/// <summary>
/// Accounts: created from the command line (`users add`) or by the demo, passwords kept as salted
/// hashes (ASP.NET Core's PasswordHasher), and locked after repeated failures (LockoutPolicy).
/// </summary>
public sealed partial class AccountService(IDbContextFactory<ParIndexDbContext> contexts, TimeProvider clock)
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

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

        var row = new UserRow { UserName = userName, DisplayName = displayName.Trim(), PasswordHash = "", CreatedAt = clock.GetUtcNow() };
        row.PasswordHash = Hasher.HashPassword(row, password);
        row.Grants.AddRange(grants.Select(g => new RoleGrantRow
        {
            Role = g.Role.ToString(), Scope = g.Scope, Groups = g.Groups is null ? null : string.Join(";", g.Groups.Order(StringComparer.Ordinal)),
        }));
        db.Users.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return ToAccount(row);
    }

    public async Task<SignInResult> SignInAsync(string userName, string password, CancellationToken cancellationToken = default)
    {
        const string wrong = "Tên đăng nhập hoặc mật khẩu không đúng.";
        var now = clock.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.Include(u => u.Grants).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
        if (user is null) return new(null, wrong);
        if (LockoutPolicy.IsLocked(user.LockedUntil, now))
            return new(null, LockoutPolicy.LockedMessage(user.LockedUntil!.Value));

        if (Hasher.VerifyHashedPassword(user, user.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            (user.FailedAttempts, user.LockedUntil) = LockoutPolicy.AfterFailure(user.FailedAttempts, now);
            await db.SaveChangesAsync(cancellationToken);
            return new(null, user.LockedUntil is { } until ? LockoutPolicy.LockedMessage(until) : wrong);
        }
        user.FailedAttempts = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        return new(ToAccount(user), null);
    }

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
        Enum.Parse<Role>(g.Role), g.Scope, g.Groups is null ? null : RowMapping.Split(g.Groups).ToHashSet(StringComparer.Ordinal))).ToList());
}
