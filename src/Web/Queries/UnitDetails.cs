using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Queries;

/// <summary>One item of a unit's scorecard as people read it.</summary>
public sealed record ItemDetail(
    string Code, string Title, string FieldCode, string CriterionCode, decimal Max, string Source, bool EvidenceRequired,
    decimal? Self, decimal? Appraised, decimal? Survey, decimal? Bonus, decimal? Penalty,
    bool NotApplicable, string? NotApplicableReason, string? SelfNote, string? AppraisedNote,
    /// <summary>What counts: appraised (else self) or survey; bonus positive, penalty negative; null when not applicable.</summary>
    decimal? Counted,
    /// <summary>Maximum minus what counts, for items in the maximum.</summary>
    decimal? PointsLost);

/// <summary>A unit's result in a cycle: its ranking line, component indices, and every item (API: GET /api/cycles/{cycle}/units/{unit}).</summary>
public sealed record UnitDetails(
    string Cycle, string Group, string GroupName, string Assessor, ResultLine Result,
    IReadOnlyList<ComponentIndex> Fields, IReadOnlyList<ComponentIndex> Criteria, IReadOnlyList<ItemDetail> Items, string Version)
{
    public static async Task<UnitDetails> ReadAsync(ParIndexReader reader, string cycleId, string unitCode)
    {
        var card = await reader.ScorecardAsync(cycleId, unitCode);
        var line = await reader.LineAsync(cycleId, unitCode);
        var cycle = await reader.CycleAsync(cycleId);
        var group = cycle.GroupOf(unitCode)!;
        var framework = cycle.Cycle.FrameworkOf(group);
        var items = framework.Fields.SelectMany(f => f.Criteria.SelectMany(c => c.Items.Select(i => Detail(f, c, i, card.Items.GetValueOrDefault(i.Code) ?? ItemValues.Empty)))).ToList();
        return new UnitDetails(cycleId, group.Code, group.Name, group.AssessorCode, line, card.Result.Fields, card.Result.Criteria, items, card.Version);
    }

    private static ItemDetail Detail(Field field, Criterion criterion, Item item, ItemValues v)
    {
        var counted = ScoringPolicy.Counted(item, v);
        decimal? lost = item.CountsInMaximum && counted is { } c ? item.Max - c : null;
        return new ItemDetail(item.Code, item.Title, field.Code, criterion.Code, item.Max, item.Source.ToString(), item.EvidenceRequired,
            v.Self, v.Appraised, v.Survey, v.Bonus, v.Penalty, v.IsNotApplicable, v.NotApplicableReason, v.SelfNote, v.AppraisedNote, counted, lost);
    }
}
