using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Tests.Support;

/// <summary>
/// The figures the pages show, computed here again straight from the rules of docs/rules.md over a scorecard's values, so
/// that the tests do not take them from the code they check.
/// </summary>
public static class Independent
{
    /// <summary>Rule 3: what counts for an item that makes up the maximum; null when it does not apply.</summary>
    public static decimal? Counted(Item item, ItemValues v) =>
        v.NotApplicableReason is not null ? null
        : item.Source == ItemSource.Appraisal ? v.Appraised ?? v.Self ?? 0m
        : item.Source == ItemSource.Survey ? v.Survey ?? 0m
        : null;

    private static ItemValues Values(ScorecardView card, Item item) => card.Items.GetValueOrDefault(item.Code) ?? ItemValues.Empty;

    /// <summary>Rules 4 and 6 over some items: obtained (bonus adds, penalty subtracts), maximum, and the component index.</summary>
    public static (decimal Obtained, decimal Maximum, decimal? Index) Component(ScorecardView card, IEnumerable<Item> items)
    {
        decimal obtained = 0m, maximum = 0m;
        foreach (var item in items)
        {
            var v = Values(card, item);
            switch (item.Source)
            {
                case ItemSource.Bonus: obtained += v.Bonus ?? 0m; break;
                case ItemSource.Penalty: obtained -= v.Penalty ?? 0m; break;
                default:
                    if (Counted(item, v) is not { } counted) break;
                    obtained += counted;
                    maximum += item.Max;
                    break;
            }
        }
        return (obtained, maximum, maximum == 0m ? null : obtained * 100m / maximum);
    }

    /// <summary>Σ over the cards where the item applies of maximum − counted, per item in the maximum.</summary>
    public static IReadOnlyList<(string Item, decimal Lost)> PointsLost(Framework framework, IReadOnlyList<ScorecardView> cards) =>
        framework.Items.Where(i => i.Source is ItemSource.Appraisal or ItemSource.Survey)
            .Select(i => (i.Code, cards.Sum(c => Counted(i, Values(c, i)) is { } counted ? i.Max - counted : 0m)))
            .ToList();

    /// <summary>Σ over the cards of self − appraised where both are set and the item applies, per appraisal item.</summary>
    public static IReadOnlyList<(string Item, decimal Difference)> SelfOverAppraised(Framework framework, IReadOnlyList<ScorecardView> cards) =>
        framework.Items.Where(i => i.Source == ItemSource.Appraisal)
            .Select(i => (i.Code, cards.Select(c => Values(c, i))
                .Where(v => v.NotApplicableReason is null && v.Self is not null && v.Appraised is not null)
                .Sum(v => v.Self!.Value - v.Appraised!.Value)))
            .ToList();
}
