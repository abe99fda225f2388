using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Cluster;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// A scorecard's values, result, status and audit, written in one transaction (shared with other
/// scorecards' writes by group commit); the scorecard's version is the ETag, so a writer holding a stale
/// version fails instead of overwriting.
/// </summary>
public sealed class EfScorecardStorage(IDbContextFactory<ParIndexDbContext> contexts, GroupCommitWriter writer, ScoreTelemetry telemetry) : IStateStore<ScorecardState>
{
    public async Task<(ScorecardState State, string? Etag)> ReadAsync(string grainKey, CancellationToken cancellationToken)
    {
        var (cycleId, unitCode) = GrainKeys.Split(grainKey);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var card = await db.Scorecards.AsNoTracking().FirstOrDefaultAsync(s => s.CycleId == cycleId && s.UnitCode == unitCode, cancellationToken);
        var values = await db.ItemValues.AsNoTracking().Where(v => v.CycleId == cycleId && v.UnitCode == unitCode).ToListAsync(cancellationToken);
        var state = new ScorecardState
        {
            GroupCode = card?.GroupCode ?? "",
            Status = card is null ? ScorecardStatus.Draft : Enum.Parse<ScorecardStatus>(card.Status),
            Round = card?.Round ?? 1,
            Returns = card is null ? new(StringComparer.Ordinal) : RowMapping.ToReturns(card.Returns),
            DeadlineException = card?.DeadlineException ?? false,
            // Item codes interned: they are the same few hundred strings in every scorecard, and a national
            // hot set holds 1.8 million of them.
            Items = values.ToDictionary(v => string.Intern(v.ItemCode), RowMapping.ToValues, StringComparer.Ordinal),
        };
        return (state, card?.Version.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Queued for the next group commit (<see cref="GroupCommitWriter"/>); completes once committed.</summary>
    public async Task<string> WriteAsync(string grainKey, ScorecardState state, string? expectedEtag, CancellationToken cancellationToken)
    {
        var origin = state.PendingAudit.Count > 0 ? state.PendingAudit[0].Origin : "grain";
        var count = state.PendingAudit.Count;
        try
        {
            var etag = await writer.WriteScorecardAsync(grainKey, state, expectedEtag, cancellationToken);
            if (count > 0) telemetry.Written(count, "grain", origin);
            return etag;
        }
        catch (InconsistentStateException)
        {
            telemetry.Conflict();
            throw;
        }
    }

    internal static AuditRow ToAuditRow(string cycleId, string unitCode, AuditEntry a) => a.Step is { } step ? new()
    {
        At = a.At, User = a.User, Origin = a.Origin, CycleId = cycleId, UnitCode = unitCode, ItemCode = a.ItemCode,
        Kind = step, OldValue = a.OldNote, NewValue = a.Note, Note = null,
    } : new()
    {
        At = a.At, User = a.User, Origin = a.Origin, CycleId = cycleId, UnitCode = unitCode, ItemCode = a.ItemCode,
        Kind = a.Kind.ToFileName(),
        // A mark's reason stands for its value: marked (old → new reason), lifted (the old reason → none; the note says why).
        OldValue = a.Kind is ScoreKind.NotApplicable or ScoreKind.Applicable ? a.OldNote : a.OldValue is { } o ? ScoreText.Format(o) : null,
        NewValue = a.Kind switch { ScoreKind.NotApplicable => a.Note, ScoreKind.Applicable => null, _ => a.NewValue is { } n ? ScoreText.Format(n) : null },
        Note = a.Note,
    };
}
