using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Tests.Workflow;

/// <summary>The lockout's pure rules: which attempt locks, for how long, and the time as people in Việt Nam read it.</summary>
public class LockoutPolicyTests
{
    [Fact]
    public void The_fifth_attempt_in_a_row_locks_for_fifteen_minutes()
    {
        Assert.Equal([false, false, false, false, true, true], Enumerable.Range(1, 6).Select(LockoutPolicy.Locks));
        var now = new DateTimeOffset(2021, 2, 9, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddMinutes(15), LockoutPolicy.LockedUntil(now));
        Assert.True(LockoutPolicy.IsLocked(LockoutPolicy.LockedUntil(now), now.AddMinutes(14)));
        Assert.False(LockoutPolicy.IsLocked(LockoutPolicy.LockedUntil(now), now.AddMinutes(15)));
    }

    [Theory]
    [InlineData("2021-02-09T01:15:00+00:00", "08:15")] // a server on UTC
    [InlineData("2021-02-09T17:30:00+00:00", "00:30")] // past midnight in Hà Nội
    [InlineData("2021-02-09T10:15:00+09:00", "08:15")] // a server elsewhere: the same moment, the same answer
    public void The_lockout_message_says_the_time_in_Viet_Nam(string until, string expected) =>
        Assert.Equal($"Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {expected}.", LockoutPolicy.LockedMessage(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture)));
}
