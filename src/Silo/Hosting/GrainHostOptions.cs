namespace ParIndex.Silo.Hosting;

/// <summary>Settings of the in-process grain host.</summary>
public sealed class GrainHostOptions
{
    /// <summary>
    /// An activation that has served no call for this long is deactivated, so memory follows the
    /// working set rather than every grain ever touched. Orleans' default collection age is similar.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often the host looks for idle activations. <see cref="Timeout.InfiniteTimeSpan"/> turns the
    /// sweep off (tests then call <see cref="GrainHost.DeactivateIdleAsync(TimeSpan, CancellationToken)"/>).
    /// </summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    internal void Validate()
    {
        if (IdleTimeout < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(IdleTimeout), IdleTimeout, "The idle timeout cannot be negative.");
        if (SweepInterval <= TimeSpan.Zero && SweepInterval != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(SweepInterval), SweepInterval, "The sweep interval must be positive or Timeout.InfiniteTimeSpan.");
    }
}
