using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Accounts;

/// <summary>
/// Sessions end on the server: each carries the account's security stamp, checked on every request,
/// and a new stamp (sign-out, lockout, a change of roles) ends every session made before it.
/// </summary>
public sealed partial class AccountService
{
    /// <summary>Whether a session made with <paramref name="stamp"/> still holds: the account exists and its stamp is unchanged.</summary>
    public async Task<bool> IsSessionCurrentAsync(string userName, string stamp, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.SecurityStamp).FirstOrDefaultAsync(cancellationToken);
        return current is not null && current == stamp;
    }

    /// <summary>Ends every session of the account, on every device (sign-out, or a copied cookie to kill).</summary>
    public async Task EndSessionsAsync(string userName, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RenewStampAsync(db, userName, cancellationToken);
    }

    /// <summary>Adds a role; the account's sessions end, so that it signs in again with its new roles.</summary>
    public async Task<Account> GrantAsync(string userName, RoleGrant grant, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await UserAsync(db, userName, cancellationToken);
        if (!await db.Units.AnyAsync(u => u.Code == grant.Scope, cancellationToken))
            throw new DomainValidationException("Không thêm được vai trò:", [$"Không có đơn vị mã {grant.Scope} để làm phạm vi của vai trò."]);
        if (user.Grants.Any(g => g.Role == grant.Role.ToString() && g.Scope == grant.Scope))
            throw new DomainValidationException("Không thêm được vai trò:", [$"{userName} đã có vai trò {grant.Role} tại {grant.Scope}."]);
        user.Grants.Add(new RoleGrantRow
        {
            Role = grant.Role.ToString(), Scope = grant.Scope, Groups = grant.Groups is null ? null : string.Join(";", grant.Groups.Order(StringComparer.Ordinal)),
        });
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return ToAccount(user);
    }

    /// <summary>Takes a role away (never the last one); the account's sessions end, so the role goes at once.</summary>
    public async Task<Account> RevokeAsync(string userName, Role role, string scope, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await UserAsync(db, userName, cancellationToken);
        var grant = user.Grants.FirstOrDefault(g => g.Role == role.ToString() && g.Scope == scope)
            ?? throw new DomainValidationException("Không bỏ được vai trò:", [$"{userName} không có vai trò {role} tại {scope}."]);
        if (user.Grants.Count == 1) throw new DomainValidationException("Không bỏ được vai trò:", ["Người dùng phải có ít nhất một vai trò."]);
        user.Grants.Remove(grant);
        db.RoleGrants.Remove(grant);
        user.SecurityStamp = NewStamp();
        await db.SaveChangesAsync(cancellationToken);
        return ToAccount(user);
    }

    private static async Task<UserRow> UserAsync(ParIndexDbContext db, string userName, CancellationToken cancellationToken) =>
        await db.Users.Include(u => u.Grants).FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken)
        ?? throw new NotFoundException($"Không có người dùng \"{userName}\".");

    /// <summary>One statement, also for a name without an account (it changes nothing then, at the same cost).</summary>
    private static Task RenewStampAsync(ParIndexDbContext db, string userName, CancellationToken cancellationToken)
    {
        var stamp = NewStamp();
        return db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.SecurityStamp, stamp), cancellationToken);
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
