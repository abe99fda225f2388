using Orleans;
namespace ParIndex.Grains.Domain.Survey;

/// <summary>One answer of one respondent about one unit (a row of answers.csv).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.SurveyAnswer")]
public sealed record SurveyAnswer(string RespondentId, string UnitCode, string Questionnaire, string QuestionCode, string OptionCode);

/// <summary>What a unit's answers make of one survey item: how many answered, how many counted, and the score.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ItemSurveyTally")]
public sealed record ItemSurveyTally(string ItemCode, decimal Max, int Answers, int Counted, decimal? MeanFraction, decimal? Score, bool BelowMinimum);

/// <summary>
/// The survey's arithmetic (docs/rules.md, the survey; answers.csv in docs/formats.md): an item's survey score =
/// mean fraction of the counted answers to every question mapped to it, over every questionnaire,
/// × the item's maximum, kept at full precision. "Không biết" answers are not counted; an item with no
/// counted answer has no score.
/// </summary>
public static class SurveyScoring
{
    /// <summary>Fewer counted answers than this flags an item on the unit's page (configurable per round).</summary>
    public const int DefaultMinimumAnswers = 5;

    /// <summary>Tallies every survey item that a questionnaire asks about, from one unit's answers.</summary>
    /// <param name="answers">The unit's answers (others are ignored), already validated.</param>
    public static IReadOnlyList<ItemSurveyTally> Tally(Framework framework, IReadOnlyList<Questionnaire> questionnaires, string unitCode,
        IEnumerable<SurveyAnswer> answers, int minimumAnswers = DefaultMinimumAnswers)
    {
        var itemOf = new Dictionary<(string, string), string>();
        var items = new List<string>();
        foreach (var q in questionnaires)
            foreach (var question in q.Questions)
            {
                itemOf[(q.Code, question.Code)] = question.ItemCode;
                if (!items.Contains(question.ItemCode) && framework.FindItem(question.ItemCode) is { Source: ItemSource.Survey }) items.Add(question.ItemCode);
            }
        var byCode = questionnaires.ToDictionary(q => q.Code, StringComparer.Ordinal);

        var sums = items.ToDictionary(i => i, _ => (Answers: 0, Counted: 0, Sum: 0m), StringComparer.Ordinal);
        foreach (var a in answers)
        {
            if (a.UnitCode != unitCode || !itemOf.TryGetValue((a.Questionnaire, a.QuestionCode), out var item) || !sums.TryGetValue(item, out var s)) continue;
            var fraction = byCode[a.Questionnaire].FindOption(a.OptionCode)?.Fraction;
            sums[item] = fraction is { } f ? (s.Answers + 1, s.Counted + 1, s.Sum + f) : (s.Answers + 1, s.Counted, s.Sum);
        }

        return items.Select(code =>
        {
            var max = framework.GetItem(code).Max;
            var (n, counted, sum) = sums[code];
            decimal? mean = counted == 0 ? null : sum / counted;
            return new ItemSurveyTally(code, max, n, counted, mean, mean * max, counted < minimumAnswers);
        }).ToList();
    }

    /// <summary>
    /// The values to put on the unit's scorecard, one per item the survey was answered about: its score, or none (a
    /// cleared value) when every answer was "không biết", so that no older value (an import's) stands for a survey
    /// that counted nothing. An item nobody answered about keeps whatever it has.
    /// </summary>
    public static IReadOnlyList<ScoreEntry> Entries(string unitCode, IEnumerable<ItemSurveyTally> tallies) =>
        tallies.Where(t => t.Answers > 0)
            .Select(t => new ScoreEntry(unitCode, t.ItemCode, ScoreKind.Survey, t.Score, t.Score is null
                ? $"Điều tra XHH: {t.Answers} phiếu đều \"không biết\", không có điểm"
                : $"Điều tra XHH: {t.Counted} phiếu được tính"))
            .ToList();
}
