namespace ParIndex.Grains.Domain;

/// <summary>Rules 2–7: from a scorecard to a result. Pure and exact (decimal).</summary>
public static class ScoringPolicy
{
    private const decimal Hundred = 100m;

    public static UnitResult Compute(Scorecard card, ScoringSettings settings) =>
        Compute(card.UnitCode, card.Framework, card.Items, settings);

    /// <summary>
    /// The same, straight from a unit's values (item code → values; an item without values has none yet),
    /// for callers that hold values already checked by <see cref="Scorecard"/>: no copy of them is made.
    /// </summary>
    public static UnitResult Compute(string unitCode, Framework framework, IReadOnlyDictionary<string, ItemValues> items, ScoringSettings settings)
    {
        bool provisional = false;
        decimal self = 0, appraisal = 0, survey = 0, bonus = 0, penalty = 0, max = 0;
        // Totals kept item by item in framework order (no lookups): a national recompute visits 1.8 million items.
        // Sized exactly: a national hot set keeps 20 k of each, and a list grown by doubling wastes a third.
        var fields = new ComponentIndex[framework.Fields.Count];
        var criteria = new ComponentIndex[framework.Criteria.Count];
        int fieldAt = 0, criterionAt = 0;
        var valuesOf = new InStep(items);

        // Indexed loops: a foreach over an IReadOnlyList boxes an enumerator for every field and criterion of every
        // scorecard (a third of a national recompute's 105 MB of garbage).
        var allFields = framework.Fields;
        for (int f = 0; f < allFields.Count; f++)
        {
            var field = allFields[f];
            decimal fieldObtained = 0, fieldMaximum = 0;
            for (int c = 0; c < field.Criteria.Count; c++)
            {
                var criterion = field.Criteria[c];
                // Rule 4: the criterion's maximum is that of its items that apply, so start from all of them and take out
                // each one that does not (rare); sums per criterion, not per item, make the field's. Half the additions.
                decimal criterionObtained = 0, criterionMaximum = framework.CriterionMaximum(criterionAt);
                for (int i = 0; i < criterion.Items.Count; i++)
                {
                    var item = criterion.Items[i];
                    var values = valuesOf.Next(item);
                    provisional |= IsProvisional(item, values);
                    if (Counted(item, values) is not { } obtained)
                    {
                        criterionMaximum -= item.Max; // not applicable: an appraisal or survey item, which counts in the maximum
                        continue;
                    }
                    switch (item.Source)
                    {
                        case ItemSource.Appraisal:
                            appraisal += obtained;
                            if (values.Self is { } selfScore) self += selfScore;
                            break;
                        case ItemSource.Survey: survey += obtained; break;
                        case ItemSource.Bonus: bonus += obtained; break;
                        case ItemSource.Penalty: penalty -= obtained; break;
                    }
                    criterionObtained += obtained;
                }
                criteria[criterionAt++] = Component(criterion.Code, criterion.Title, (criterionObtained, criterionMaximum));
                fieldObtained += criterionObtained;
                fieldMaximum += criterionMaximum;
            }
            fields[fieldAt++] = Component(field.Code, field.Title, (fieldObtained, fieldMaximum));
            max += fieldMaximum;
        }

        var total = appraisal + survey + bonus - penalty;
        var index = IndexOf(total, max, settings.AllowOver100);
        var display = index is { } exact ? Display(exact, settings.DisplayDecimals) : (decimal?)null;

        return new UnitResult
        {
            UnitCode = unitCode,
            Obtained = total,
            Maximum = max,
            Index = index,
            DisplayIndex = display,
            DisplayDecimals = settings.DisplayDecimals,
            Classification = display is { } shown ? settings.Bands.Classify(shown) : null,
            Provisional = provisional,
            SelfSubtotal = self,
            AppraisalSubtotal = appraisal,
            SurveySubtotal = survey,
            BonusSubtotal = bonus,
            PenaltySubtotal = penalty,
            Fields = fields,
            Criteria = criteria,
        };
    }

    /// <summary>Rule 5: obtained / maximum × 100, exact, clamped; null when there is no maximum.</summary>
    public static decimal? IndexOf(decimal obtained, decimal maximum, bool allowOver100)
    {
        if (maximum == 0m) return null;
        var index = obtained * Hundred / maximum;
        if (index < 0m) return 0m;
        return !allowOver100 && index > Hundred ? Hundred : index;
    }

    /// <summary>Rounded half away from zero to the group's display precision.</summary>
    public static decimal Display(decimal exactIndex, int decimals) =>
        decimal.Round(exactIndex, decimals, MidpointRounding.AwayFromZero);

    /// <summary>
    /// Rules 2 and 3, the one place they live: what an item adds to obtained points (the appraised
    /// score, else the self score; the survey score; bonus; penalty negative; 0 when missing), or
    /// null when it is not applicable.
    /// </summary>
    public static decimal? Counted(Item item, ItemValues values) => item.Source switch
    {
        ItemSource.Appraisal or ItemSource.Survey when values.IsNotApplicable => null,
        ItemSource.Appraisal => values.Appraised ?? values.Self ?? 0m,
        ItemSource.Survey => values.Survey ?? 0m,
        ItemSource.Bonus => values.Bonus ?? 0m,
        ItemSource.Penalty => -(values.Penalty ?? 0m),
        _ => throw new ArgumentOutOfRangeException(nameof(item), item.Source, "Unknown item source."),
    };

    /// <summary>Rule 3: a counted appraisal item without its appraised score, or a survey item without a value.</summary>
    public static bool IsProvisional(Item item, ItemValues values) => !values.IsNotApplicable && item.Source switch
    {
        ItemSource.Appraisal => values.Appraised is null,
        ItemSource.Survey => values.Survey is null,
        _ => false,
    };

    /// <summary>
    /// An item's values, read in step with the framework when they are kept in its order with its own codes as keys
    /// (<see cref="Framework.InOrder"/>, as a scorecard grain keeps them): no hashing for the 1.8 million items of a
    /// national recompute. Any item out of step is looked up, so values in any order still score the same.
    /// </summary>
    private struct InStep
    {
        private readonly IReadOnlyDictionary<string, ItemValues> _items;
        private Dictionary<string, ItemValues>.Enumerator _walk;
        private bool _more;

        public InStep(IReadOnlyDictionary<string, ItemValues> items)
        {
            _items = items;
            if (items is Dictionary<string, ItemValues> ordered)
            {
                _walk = ordered.GetEnumerator();
                _more = _walk.MoveNext();
            }
        }

        public ItemValues Next(Item item)
        {
            if (_more && ReferenceEquals(_walk.Current.Key, item.Code))
            {
                var values = _walk.Current.Value;
                _more = _walk.MoveNext();
                return values;
            }
            return _items.GetValueOrDefault(item.Code) ?? ItemValues.Empty;
        }
    }

    /// <summary>A field's or criterion's totals; its index (rule 6) is <see cref="ComponentIndex.Index"/>.</summary>
    private static ComponentIndex Component(string code, string title, (decimal Obtained, decimal Maximum) t) =>
        new(code, title, t.Obtained, t.Maximum);
}
