using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>Small frameworks for tests, built through the real validation.</summary>
internal static class Frameworks
{
    /// <summary>A framework of one field per source: A (appraisal items), S (survey items), B (bonus), P (penalty).</summary>
    public static Framework Of(decimal[] appraisal, decimal[]? survey = null, decimal bonusMax = 0, decimal penaltyMax = 0)
    {
        var fields = new List<Field>
        {
            new("A", "Thẩm định", [new Criterion("A.1", "Tiêu chí thẩm định", appraisal.Select((m, i) => new Item($"A.1.{i + 1}", $"Mục {i + 1}", m, ItemSource.Appraisal)).ToList())]),
        };
        if (survey is { Length: > 0 })
            fields.Add(new("S", "Điều tra", [new Criterion("S.1", "Tiêu chí điều tra", survey.Select((m, i) => new Item($"S.1.{i + 1}", $"Câu {i + 1}", m, ItemSource.Survey)).ToList())]));
        var extra = new List<Criterion>();
        if (bonusMax > 0) extra.Add(Framework.CriterionAsItem("B.1", "Điểm thưởng", bonusMax, ItemSource.Bonus));
        if (penaltyMax > 0) extra.Add(Framework.CriterionAsItem("P.1", "Điểm trừ", penaltyMax, ItemSource.Penalty));
        if (extra.Count > 0) fields.Add(new("X", "Thưởng, trừ", extra));
        return Framework.Create("test", "Bộ tiêu chí thử", fields);
    }

    /// <summary>One appraisal item of the given maximum: the index is the appraised score / max × 100.</summary>
    public static Framework SingleItem(decimal max) => Of([max]);

    public static UnitResult Score(Framework framework, string unit, ScoringSettings? settings = null, params ScoreEntry[] entries)
    {
        var card = new Scorecard(unit, framework);
        card.Apply(entries);
        return ScoringPolicy.Compute(card, settings ?? ScoringSettings.Default);
    }

    /// <summary>A result whose exact index is given, for ranking tests.</summary>
    public static UnitResult WithIndex(string unit, decimal? index, decimal appraisal = 0, decimal survey = 0) => new()
    {
        UnitCode = unit, Obtained = index ?? 0, Maximum = index is null ? 0 : 100, Index = index,
        DisplayIndex = index is { } i ? ScoringPolicy.Display(i, 2) : null, DisplayDecimals = 2,
        Classification = null, Provisional = false, SelfSubtotal = 0, AppraisalSubtotal = appraisal, SurveySubtotal = survey,
        BonusSubtotal = 0, PenaltySubtotal = 0, Fields = [], Criteria = [],
    };
}
