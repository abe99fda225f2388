using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Queries;

/// <summary>How many points one unit lost on one item.</summary>
public sealed record UnitLoss(string UnitCode, decimal Lost);

/// <summary>
/// One item across a group: points lost (Σ over the units where it applies of maximum − counted), how many
/// units lost points on it, and what they could have obtained in all (maximum × units where it applies).
/// </summary>
public sealed record ItemLoss(
    Item Item, string FieldCode, string CriterionCode, decimal Lost, decimal Possible, int UnitsApplicable, int UnitsLosing,
    /// <summary>The units that lost the most on this item, most first (only units that lost something).</summary>
    IReadOnlyList<UnitLoss> WorstUnits)
{
    /// <summary>Points lost as a share (0–1) of the item's total possible points; null when it applies nowhere.</summary>
    public decimal? Share => Possible == 0m ? null : Lost / Possible;
}

/// <summary>Points lost in one field across a group.</summary>
public sealed record FieldLoss(string FieldCode, string Title, decimal Lost, decimal Possible)
{
    public decimal? Share => Possible == 0m ? null : Lost / Possible;
}

/// <summary>A unit's self-assessed points against the appraised ones (its result's subtotals).</summary>
public sealed record UnitGap(string UnitCode, decimal Self, decimal Appraisal, int ItemsOverScored, int ItemsUnderScored)
{
    /// <summary>Self subtotal − appraisal subtotal: positive when the unit scored itself higher than the appraisers did.</summary>
    public decimal Difference => Self - Appraisal;
}

/// <summary>
/// One item across a group: Σ over units of self − appraised, where both are set and the item applies, and how
/// many units scored themselves higher (or lower) than the appraisers.
/// </summary>
public sealed record ItemGap(Item Item, string FieldCode, string CriterionCode, decimal Self, decimal Appraised, int UnitsCompared, int UnitsOverScored, int UnitsUnderScored)
{
    public decimal Difference => Self - Appraised;
}

/// <summary>
/// What a group's scorecards say together: where the points were lost, and where units over-score themselves
/// (docs/rules.md, what people read off the results). Pure and exact: scorecards and the group's framework in,
/// figures out.
/// </summary>
public static class GroupAnalysis
{
    /// <summary>
    /// What counts for an item (rule 3): appraised, else self, for an appraisal item; the survey score for a
    /// survey item; a missing value counts 0. Null when the item does not apply or is not part of the maximum.
    /// </summary>
    public static decimal? CountedInMaximum(Item item, ItemValues values) =>
        item.CountsInMaximum ? ScoringPolicy.Counted(item, values) : null;

    /// <summary>
    /// Every item that makes up the maximum, most points lost first (then framework order). Bonus and penalty
    /// items are not part of the maximum, so nothing is "lost" on them.
    /// </summary>
    public static IReadOnlyList<ItemLoss> PointsLost(Framework framework, IEnumerable<ScorecardView> cards, int worstUnits = 3)
    {
        var list = cards.ToList();
        var order = 0;
        return framework.Fields
            .SelectMany(f => f.Criteria.SelectMany(c => c.Items.Where(i => i.CountsInMaximum).Select(i => (Field: f, Criterion: c, Item: i, Order: order++))))
            .Select(x =>
            {
                var losses = list
                    .Select(card => (card.UnitCode, Counted: CountedInMaximum(x.Item, card.Items.GetValueOrDefault(x.Item.Code) ?? ItemValues.Empty)))
                    .Where(u => u.Counted is not null)
                    .Select(u => new UnitLoss(u.UnitCode, x.Item.Max - u.Counted!.Value))
                    .ToList();
                var losing = losses.Where(l => l.Lost > 0m).OrderByDescending(l => l.Lost).ThenBy(l => l.UnitCode, StringComparer.Ordinal).ToList();
                return (x.Order, Loss: new ItemLoss(x.Item, x.Field.Code, x.Criterion.Code,
                    losses.Sum(l => l.Lost), x.Item.Max * losses.Count, losses.Count, losing.Count, losing.Take(worstUnits).ToList()));
            })
            .OrderByDescending(x => x.Loss.Lost)
            .ThenBy(x => x.Order)
            .Select(x => x.Loss)
            .ToList();
    }

    /// <summary>Points lost per field, in framework order (from <see cref="PointsLost"/>).</summary>
    public static IReadOnlyList<FieldLoss> PointsLostByField(Framework framework, IReadOnlyList<ItemLoss> items) =>
        framework.Fields.Select(f =>
        {
            var inField = items.Where(i => i.FieldCode == f.Code).ToList();
            return new FieldLoss(f.Code, f.Title, inField.Sum(i => i.Lost), inField.Sum(i => i.Possible));
        }).ToList();

    /// <summary>Units by self subtotal − appraisal subtotal, largest first (then unit code).</summary>
    public static IReadOnlyList<UnitGap> SelfVsAppraisalByUnit(Framework framework, IEnumerable<ScorecardView> cards) =>
        cards.Select(card =>
            {
                var compared = Compared(framework, card).ToList();
                return new UnitGap(card.UnitCode, card.Result.SelfSubtotal, card.Result.AppraisalSubtotal,
                    compared.Count(c => c.Self > c.Appraised), compared.Count(c => c.Self < c.Appraised));
            })
            .OrderByDescending(u => u.Difference)
            .ThenBy(u => u.UnitCode, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Appraisal items by Σ (self − appraised) over the units where both are set and the item applies, largest
    /// first (then framework order); items no unit has both scores for are left out.
    /// </summary>
    public static IReadOnlyList<ItemGap> SelfVsAppraisalByItem(Framework framework, IEnumerable<ScorecardView> cards)
    {
        var list = cards.ToList();
        var order = 0;
        return framework.Fields
            .SelectMany(f => f.Criteria.SelectMany(c => c.Items.Where(i => i.Source == ItemSource.Appraisal).Select(i => (Field: f, Criterion: c, Item: i, Order: order++))))
            .Select(x =>
            {
                var pairs = list.Select(card => Pair(x.Item, card)).OfType<(decimal Self, decimal Appraised)>().ToList();
                return (x.Order, Gap: new ItemGap(x.Item, x.Field.Code, x.Criterion.Code, pairs.Sum(p => p.Self), pairs.Sum(p => p.Appraised),
                    pairs.Count, pairs.Count(p => p.Self > p.Appraised), pairs.Count(p => p.Self < p.Appraised)));
            })
            .Where(x => x.Gap.UnitsCompared > 0)
            .OrderByDescending(x => x.Gap.Difference)
            .ThenBy(x => x.Order)
            .Select(x => x.Gap)
            .ToList();
    }

    private static IEnumerable<(decimal Self, decimal Appraised)> Compared(Framework framework, ScorecardView card) =>
        framework.Items.Where(i => i.Source == ItemSource.Appraisal).Select(i => Pair(i, card)).OfType<(decimal, decimal)>();

    /// <summary>The self and appraised scores of an applicable appraisal item when both are set.</summary>
    private static (decimal Self, decimal Appraised)? Pair(Item item, ScorecardView card) =>
        card.Items.GetValueOrDefault(item.Code) is { IsNotApplicable: false, Self: { } self, Appraised: { } appraised } ? (self, appraised) : null;
}
