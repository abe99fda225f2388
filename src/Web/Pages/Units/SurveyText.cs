using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Units;

/// <summary>The survey's words on the results pages.</summary>
public static class SurveyText
{
    /// <summary>The flag of an item with fewer counted answers than the round's minimum (SurveyScoring decides which).</summary>
    public static string BelowMinimum(ItemSurveyTally tally, SurveyRound round) =>
        $"Chưa đủ số phiếu tối thiểu (n = {tally.Counted} < {round.MinimumAnswers})";

    public static string Round(SurveyRound round) => round.Status switch
    {
        SurveyRoundStatus.Draft => "Đợt điều tra chưa mở",
        SurveyRoundStatus.Open => round.ClosesOn is { } last ? $"Đang điều tra (đến hết ngày {Vn.Date(last)})" : "Đang điều tra",
        _ => "Đợt điều tra đã kết thúc",
    };
}

/// <summary>What the unit page's items table marks: the survey items below the minimum, and where the survey is shown.</summary>
public sealed record SurveyFlags(IReadOnlyDictionary<string, string> BelowMinimum, string Href)
{
    /// <summary>No flag before the round opens: every item is short of answers then, and saying so tells nobody anything.</summary>
    public static SurveyFlags Of(UnitSurvey survey, string href) =>
        new(survey.Items.Where(i => i.BelowMinimum && survey.Round.Status != SurveyRoundStatus.Draft).ToDictionary(i => i.ItemCode, i => SurveyText.BelowMinimum(i, survey.Round), StringComparer.Ordinal), href);
}
