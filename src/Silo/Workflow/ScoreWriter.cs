using ParIndex.Grains.Abstractions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Workflow;

/// <summary>What a write of values gave: the scorecard as it now stands, and how many tries it took.</summary>
public sealed record ScoresWriteResult(ScorecardView View, int Attempts);

/// <summary>
/// Values written to a scorecard outside the workflow's steps (the score API; the command line's single writes), with
/// one rule for conflicts: based on a version someone read, a stale one fails (nothing written, the caller reloads);
/// based on no version, a write that lost a race to another writer is applied again on top of the winner's values.
/// </summary>
public sealed class ScoreWriter(IGrainFactory grains)
{
    /// <summary>Tries for a write without a version that keeps losing races to other writers.</summary>
    public const int MaxAttempts = 20;

    /// <exception cref="DomainValidationException">A value broke a rule; nothing was stored.</exception>
    /// <exception cref="InconsistentStateException">The expected version is stale (or every try lost its race); nothing was stored.</exception>
    public async Task<ScoresWriteResult> WriteAsync(string cycleId, string unitCode, IReadOnlyList<ScoreEntry> entries, string user, string origin,
        string? expectedVersion, CancellationToken cancellationToken = default)
    {
        var grain = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycleId, unitCode));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new(await grain.SetValuesAsync(new ScoreChange(entries, user, origin, expectedVersion)), attempt);
            }
            catch (InconsistentStateException) when (expectedVersion is null && attempt < MaxAttempts)
            {
                // The grain has read the winner's values; ours go on top of them. A short random pause keeps two
                // writers that keep colliding from colliding in step.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }
}
