using Orleans.Storage;
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
    /// <exception cref="StaleVersionException">The expected version is stale; nothing was stored.</exception>
    /// <exception cref="InconsistentStateException">Every try lost its race with another writer; nothing was stored.</exception>
    /// <exception cref="OrleansMessageRejectionException">
    /// A node of the cluster went away (the scorecard's, or the ranking's the scorecard tells after storing): not
    /// retried here, since the values may already be stored; the caller reads the scorecard again to know.
    /// </exception>
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
            // Another writer stored first: nothing of ours was stored, the grain has read the winner's values and ours go
            // on top of them. A short random pause keeps two writers that keep colliding from colliding in step.
            // A call Orleans refused (a node went away) is not tried again: the refusal may come from a call the grain
            // made after storing the values (telling the ranking), so a second try would store them twice, or, with a
            // version, answer that it is stale because the first try moved it on.
            catch (InconsistentStateException) when (attempt < MaxAttempts && expectedVersion is null)
            {
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }
}
