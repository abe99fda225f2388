using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Accounts;

/// <summary>
/// The failed sign-ins under a name (sign_in_failures), changed by single statements so that parallel
/// attempts cannot all read "not locked yet". The SQL is the same on SQLite and PostgreSQL.
/// </summary>
internal static class SignInFailures
{
    /// <summary>A valid name has at most 64 characters: anything longer is kept short, it cannot be an account anyway.</summary>
    public static string Key(string userName) => userName.Length > 65 ? userName[..65] : userName;

    public static Task<DateTimeOffset?> LockedUntilAsync(ParIndexDbContext db, string key, CancellationToken cancellationToken) =>
        db.SignInFailures.AsNoTracking().Where(f => f.UserName == key).Select(f => f.LockedUntil).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Counts one more attempt, unless the limit is reached: its number, or null when the name is locked.
    /// The attempt that reaches the limit takes the lock at once (as LockoutPolicy.Locks says); a right
    /// password lifts it (<see cref="ClearAsync"/>).
    /// </summary>
    public static async Task<int?> ClaimAsync(ParIndexDbContext db, string key, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        var max = LockoutPolicy.MaxFailedAttempts;
        var taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO sign_in_failures ("UserName", "FailedAttempts", "LockedUntil")
            VALUES ({key}, 1, CASE WHEN 1 >= {max} THEN {lockUntil} END)
            ON CONFLICT ("UserName") DO UPDATE SET
                "FailedAttempts" = sign_in_failures."FailedAttempts" + 1,
                "LockedUntil" = CASE WHEN sign_in_failures."FailedAttempts" + 1 >= {max} THEN {lockUntil} ELSE sign_in_failures."LockedUntil" END
            WHERE sign_in_failures."FailedAttempts" < {max}
            RETURNING "FailedAttempts" AS "Value"
            """).ToListAsync(cancellationToken);
        return taken.Count == 0 ? null : taken[0];
    }

    /// <summary>Forgets a lock that has run out; only that lock (a newer one, taken meanwhile by another attempt, stays).</summary>
    public static Task ExpireAsync(ParIndexDbContext db, string key, DateTimeOffset lockedUntil, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""DELETE FROM sign_in_failures WHERE "UserName" = {key} AND "LockedUntil" = {lockedUntil}""", cancellationToken);

    public static Task ClearAsync(ParIndexDbContext db, string key, CancellationToken cancellationToken) =>
        db.SignInFailures.Where(f => f.UserName == key).ExecuteDeleteAsync(cancellationToken);
}
