using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Demo;

/// <summary>A demo account as the sign-in page offers it: its name, who it is, its roles and the names of their scopes.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, IReadOnlyList<(RoleGrant Grant, string ScopeName)> Grants);

/// <summary>
/// The demo's accounts that the sign-in page may offer, asked of the database itself rather than of a setting: only
/// while it holds the demo (its three cycles), and of the demo's accounts only those that still exist with the demo's
/// password. A database that began as the demo and was then taken into use, or one that merely has an account with a
/// demo account's name, offers nothing.
/// </summary>
public sealed class DemoAccounts(IDbContextFactory<ParIndexDbContext> contexts)
{
    private static readonly PasswordHasher<UserRow> Hasher = new();

    /// <summary>Whether a stored hash is of the demo's password, by the hash: a password check is slow, and a hash changes with its password.</summary>
    private readonly ConcurrentDictionary<string, bool> _isDemoPassword = new(StringComparer.Ordinal);

    /// <summary>The accounts to offer, in the seeder's order (one per role); none when the database does not hold the demo.</summary>
    public async Task<IReadOnlyList<DemoAccount>> OfferedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cycles = DemoSeeder.CycleIds.ToList();
        if (await db.Cycles.CountAsync(c => cycles.Contains(c.Id), cancellationToken) < cycles.Count) return [];

        var names = DemoSeeder.Accounts.Select(a => a.UserName).ToList();
        var users = await db.Users.AsNoTracking().Include(u => u.Grants).Where(u => names.Contains(u.UserName)).ToListAsync(cancellationToken);
        var scopes = users.SelectMany(u => u.Grants).Select(g => g.Scope).Distinct().ToList();
        // A code may have had several names over time (a merger): the latest names the scope.
        var scopeNames = (await db.Units.AsNoTracking().Where(u => scopes.Contains(u.Code)).ToListAsync(cancellationToken))
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.OrderBy(u => u.ValidFrom ?? DateOnly.MinValue).Last().Name, StringComparer.Ordinal);

        return users.Where(IsDemoPassword).OrderBy(u => names.IndexOf(u.UserName)).Select(u => new DemoAccount(u.UserName, u.DisplayName,
            u.Grants.OrderBy(g => g.Id).Select(g => (new RoleGrant(Enum.Parse<Role>(g.Role), g.Scope,
                g.Groups is null ? null : RowMapping.Split(g.Groups).ToHashSet(StringComparer.Ordinal)), scopeNames.GetValueOrDefault(g.Scope) ?? g.Scope)).ToList())).ToList();
    }

    private bool IsDemoPassword(UserRow user) => _isDemoPassword.GetOrAdd(user.PasswordHash,
        hash => Hasher.VerifyHashedPassword(user, hash, DemoSeeder.DemoPassword) != PasswordVerificationResult.Failed);
}
