namespace ParIndex.Web.Tests.Support;

/// <summary>The system clock, moved forward when a test says so: steps past a cache or a time window without waiting for it.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _aheadTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _aheadTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _aheadTicks, by.Ticks);
}
