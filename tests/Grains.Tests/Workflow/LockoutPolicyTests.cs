using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Tests.Workflow;

/// <summary>The lockout's pure rules: the time as people in Việt Nam read it.</summary>
public class LockoutPolicyTests
{
    [Theory]
    [InlineData("2021-02-09T01:15:00+00:00", "08:15")] // a server on UTC
    [InlineData("2021-02-09T17:30:00+00:00", "00:30")] // past midnight in Hà Nội
    [InlineData("2021-02-09T10:15:00+09:00", "08:15")] // a server elsewhere: the same moment, the same answer
    public void The_lockout_message_says_the_time_in_Viet_Nam(string until, string expected) =>
        Assert.Equal($"Tài khoản tạm khóa do đăng nhập sai nhiều lần; thử lại sau {expected}.", LockoutPolicy.LockedMessage(DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture)));
}
