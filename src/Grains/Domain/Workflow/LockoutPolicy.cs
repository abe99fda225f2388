using System.Globalization;

namespace ParIndex.Grains.Domain.Workflow;

/// <summary>Repeated failed sign-ins lock an account for a while, so that passwords cannot be guessed.</summary>
public static class LockoutPolicy
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinPasswordLength = 10;

    /// <summary>Việt Nam keeps UTC+7 all year (as the web's Vn.Offset): the time a person reads, whatever the server's zone.</summary>
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static bool IsLocked(DateTimeOffset? lockedUntil, DateTimeOffset now) => lockedUntil is { } until && until > now;

    /// <summary>
    /// Whether the <paramref name="attempt"/>-th attempt in a row (1 = the first since the last success)
    /// locks the account: the lock is taken when that attempt starts and lifted if its password is right,
    /// so no attempt past the limit is ever checked, however many arrive at once.
    /// </summary>
    public static bool Locks(int attempt) => attempt >= MaxFailedAttempts;

    public static DateTimeOffset LockedUntil(DateTimeOffset now) => now + LockoutDuration;

    /// <summary>The refusal while locked, with the time in Việt Nam.</summary>
    public static string LockedMessage(DateTimeOffset until) =>
        $"Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {until.ToOffset(VietnamOffset).ToString("HH:mm", CultureInfo.InvariantCulture)}.";

    /// <summary>Why a password is refused, or null.</summary>
    public static string? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"Mật khẩu phải có ít nhất {MinPasswordLength} ký tự."
        : password.All(char.IsLetter) || password.All(char.IsDigit) ? "Mật khẩu phải có cả chữ và số hoặc ký tự đặc biệt."
        : null;
}
