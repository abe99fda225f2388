namespace ParIndex.Grains.Domain;

/// <summary>
/// An item where the unit counted less than the best unit of its rank group: what it counted, the group's best
/// (and who scored it), and what scoring that best alone would add to the unit's exact index.
/// </summary>
public sealed record ItemGain(Item Item, string FieldCode, string CriterionCode, decimal Counted, decimal Best, IReadOnlyList<string> BestUnits, decimal IndexGain)
{
    /// <summary>Points the unit lost that another unit of the group did not.</summary>
    public decimal Points => Best - Counted;
}

/// <summary>One line of the plan: its item, and the index and rank reached with it and every item above it.</summary>
public sealed record PlanStep(ItemGain Gain, decimal? Index, int? Rank);

/// <summary>
/// Where a unit gains the most (issue 18, docs/rules.md): the appraisal items it can act on, ordered by what each
/// would add to its index, and the index and rank it would have reached scoring the group's best on all of them,
/// the others' scores unchanged. Index and rank come from <see cref="ScoringPolicy"/> and <see cref="RankingPolicy"/>,
/// so the plan never disagrees with the ranking.
/// </summary>
public sealed record GainPlan(string UnitCode, RankedResult Current, RankedResult Reached, IReadOnlyList<PlanStep> Steps, IReadOnlyList<ItemGain> Survey)
{
    /// <summary>Reached − current exact index; null when the unit has no index.</summary>
    public decimal? IndexGain => Reached.Result.Index - Current.Result.Index;

    /// <summary>
    /// The plan of <paramref name="unitCode"/> among the group's scorecards (unit code → its values). Only applicable
    /// <see cref="ItemSource.Appraisal"/> items make the plan: they are what the unit's own work earns. Survey items
    /// are the public's judgement, not a task, so they are listed apart (<see cref="Survey"/>, each alone) and left out
    /// of the reached index; bonus and penalty items are not part of the maximum (nothing is lost on them, as on the
    /// points-lost page) and stay as scored; a not-applicable item has nothing to gain.
    /// </summary>
    /// <exception cref="DomainException">The unit has no scorecard among the group's.</exception>
    public static GainPlan For(string unitCode, Framework framework, RankGroup group, IReadOnlyDictionary<string, IReadOnlyDictionary<string, ItemValues>> cards)
    {
        if (!cards.TryGetValue(unitCode, out var own))
            throw new DomainException($"Nhóm {group.Code} không có phiếu chấm của đơn vị {unitCode}.");
        var settings = group.Scoring;
        var others = cards.Where(c => c.Key != unitCode).Select(c => ScoringPolicy.Compute(c.Key, framework, c.Value, settings)).ToList();
        RankedResult Ranked(UnitResult result) => RankingPolicy.Rank(others.Append(result), group).Single(r => r.UnitCode == unitCode);
        UnitResult Score(IReadOnlyDictionary<string, ItemValues> values) => ScoringPolicy.Compute(unitCode, framework, values, settings);

        var current = Ranked(Score(own));
        var currentIndex = current.Result.Index ?? 0m;
        decimal GainAlone(ItemGain g) => (Score(Raise(own, [g])).Index ?? 0m) - currentIndex;

        // Framework order breaks equal gains, so the plan never depends on the order of the scorecards.
        List<ItemGain> Gains(ItemSource source) => [.. Below(unitCode, framework, source, own, cards)
            .Select(g => g with { IndexGain = GainAlone(g) })
            .Select((g, order) => (g, order))
            .OrderByDescending(x => x.g.IndexGain).ThenBy(x => x.order)
            .Select(x => x.g)];

        var plan = Gains(ItemSource.Appraisal);
        var steps = new List<PlanStep>(plan.Count);
        for (var n = 1; n <= plan.Count; n++)
        {
            var reachedThere = Ranked(Score(Raise(own, plan.Take(n))));
            steps.Add(new PlanStep(plan[n - 1], reachedThere.Result.Index, reachedThere.Rank));
        }
        var reached = plan.Count == 0 ? current : Ranked(Score(Raise(own, plan)));
        return new GainPlan(unitCode, current, reached, steps, Gains(ItemSource.Survey));
    }

    /// <summary>The items of a source that apply to the unit and on which the group's best counted more, in framework order.</summary>
    private static IEnumerable<ItemGain> Below(string unitCode, Framework framework, ItemSource source, IReadOnlyDictionary<string, ItemValues> own,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, ItemValues>> cards)
    {
        foreach (var field in framework.Fields)
        foreach (var criterion in field.Criteria)
        foreach (var item in criterion.Items.Where(i => i.Source == source))
        {
            if (ScoringPolicy.Counted(item, ValuesOf(own, item)) is not { } counted) continue;
            var scored = cards.Where(c => c.Key != unitCode)
                .Select(c => (Unit: c.Key, Counted: ScoringPolicy.Counted(item, ValuesOf(c.Value, item))))
                .Where(c => c.Counted is not null).ToList();
            if (scored.Count == 0) continue;
            var best = scored.Max(c => c.Counted!.Value);
            if (best <= counted) continue;
            var bestUnits = scored.Where(c => c.Counted == best).Select(c => c.Unit).Order(StringComparer.Ordinal).ToList();
            yield return new ItemGain(item, field.Code, criterion.Code, counted, best, bestUnits, 0m);
        }
    }

    /// <summary>The unit's values with the given items scored as the group's best (the appraised or the survey score).</summary>
    private static Dictionary<string, ItemValues> Raise(IReadOnlyDictionary<string, ItemValues> own, IEnumerable<ItemGain> gains)
    {
        var values = new Dictionary<string, ItemValues>(own, StringComparer.Ordinal);
        foreach (var g in gains)
        {
            var kind = g.Item.Source == ItemSource.Survey ? ScoreKind.Survey : ScoreKind.Appraised;
            values[g.Item.Code] = ValuesOf(own, g.Item).With(kind, g.Best, null);
        }
        return values;
    }

    private static ItemValues ValuesOf(IReadOnlyDictionary<string, ItemValues> values, Item item) =>
        values.GetValueOrDefault(item.Code) ?? ItemValues.Empty;
}
