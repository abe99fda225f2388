using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParIndex.Grains.Abstractions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Cluster;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// A scorecard's values, result and audit, written in one transaction; the scorecard's version is
/// the ETag, so a writer holding a stale version fails instead of overwriting. On PostgreSQL the
/// commit also tells the other nodes (ChangeFeed), so that their grains reload it.
/// </summary>
public sealed class EfScorecardStorage(IDbContextFactory<ParIndexDbContext> contexts, NodeIdentity node, ScoreTelemetry telemetry) : IGrainStorage<ScorecardState>
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
            Items = values.ToDictionary(v => v.ItemCode, RowMapping.ToValues, StringComparer.Ordinal),
        };
        return (state, card?.Version.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<string> WriteAsync(string grainKey, ScorecardState state, string? expectedEtag, CancellationToken cancellationToken)
    {
        var (cycleId, unitCode) = GrainKeys.Split(grainKey);
        var at = DateTimeOffset.UtcNow;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var card = await db.Scorecards.FirstOrDefaultAsync(s => s.CycleId == cycleId && s.UnitCode == unitCode, cancellationToken);
        var stored = card?.Version.ToString(CultureInfo.InvariantCulture);
        if (stored != expectedEtag)
        {
            telemetry.Conflict();
            throw new InconsistentStateException(grainKey, expectedEtag, stored);
        }
        if (card is null)
            db.Scorecards.Add(card = new ScorecardRow { CycleId = cycleId, UnitCode = unitCode, GroupCode = state.GroupCode });
        card.Version++;
        card.UpdatedAt = at;
        card.Status = state.Status.ToString();
        card.Round = state.Round;
        card.Returns = RowMapping.FromReturns(state.Returns);
        card.DeadlineException = state.DeadlineException;

        var changed = state.PendingAudit.Where(a => a.Step is null).Select(a => a.ItemCode).ToHashSet(StringComparer.Ordinal);
        var rows = await db.ItemValues.Where(v => v.CycleId == cycleId && v.UnitCode == unitCode && changed.Contains(v.ItemCode))
            .ToDictionaryAsync(v => v.ItemCode, cancellationToken);
        foreach (var itemCode in changed)
        {
            if (!rows.TryGetValue(itemCode, out var row))
                db.ItemValues.Add(row = new ItemValueRow { CycleId = cycleId, UnitCode = unitCode, ItemCode = itemCode });
            RowMapping.CopyTo(state.Items.GetValueOrDefault(itemCode) ?? ItemValues.Empty, row);
        }
        db.Audit.AddRange(state.PendingAudit.Select(a => ToAuditRow(cycleId, unitCode, a)));

        if (state.Result is { } result)
        {
            var resultRow = await db.Results.FirstOrDefaultAsync(r => r.CycleId == cycleId && r.UnitCode == unitCode, cancellationToken);
            if (resultRow is null) db.Results.Add(resultRow = new ResultRow { CycleId = cycleId, UnitCode = unitCode, GroupCode = state.GroupCode });
            RowMapping.CopyTo(result, resultRow, at);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another node committed between our read and our write (an update, or the first insert of this scorecard).
            telemetry.Conflict();
            throw new InconsistentStateException(grainKey, expectedEtag, null);
        }
        await ChangeFeed.NotifyAsync(db, node, [grainKey], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (state.PendingAudit.Count > 0) telemetry.Written(state.PendingAudit.Count, "grain", state.PendingAudit[0].Origin);
        return card.Version.ToString(CultureInfo.InvariantCulture);
    }

    internal static AuditRow ToAuditRow(string cycleId, string unitCode, AuditEntry a) => a.Step is { } step ? new()
    {
        At = a.At, User = a.User, Origin = a.Origin, CycleId = cycleId, UnitCode = unitCode, ItemCode = a.ItemCode,
        Kind = step, OldValue = a.OldNote, NewValue = a.Note, Note = null,
    } : new()
    {
        At = a.At, User = a.User, Origin = a.Origin, CycleId = cycleId, UnitCode = unitCode, ItemCode = a.ItemCode,
        Kind = a.Kind.ToFileName(),
        OldValue = a.Kind == ScoreKind.NotApplicable ? a.OldNote : a.OldValue is { } o ? ScoreText.Format(o) : null,
        NewValue = a.Kind == ScoreKind.NotApplicable ? a.Note : a.NewValue is { } n ? ScoreText.Format(n) : null,
        Note = a.Note,
    };
}
