using Orleans;
namespace ParIndex.Grains.Domain.Survey;

/// <summary>Where a cycle's survey round stands: questionnaires are edited while it is a draft, answered while open.</summary>
[GenerateSerializer, Alias("ParIndex.SurveyRoundStatus")]
public enum SurveyRoundStatus { Draft, Open, Closed }

/// <summary>A cycle's survey round (đợt điều tra): its status, last day, and the minimum answers an item should have.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.SurveyRound")]
public sealed record SurveyRound(string CycleId, SurveyRoundStatus Status, DateOnly? ClosesOn = null, int MinimumAnswers = SurveyScoring.DefaultMinimumAnswers)
{
    public static SurveyRound Initial(string cycleId) => new(cycleId, SurveyRoundStatus.Draft);

    public bool IsOpenOn(DateOnly today) => Status == SurveyRoundStatus.Open && (ClosesOn is null || today <= ClosesOn);
}

/// <summary>A one-time link (or printed code) as stored: for one questionnaire about one unit; whether that unit's result is published.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.SurveyLink")]
public sealed record SurveyLink(string CycleId, string Questionnaire, string UnitCode, DateTimeOffset? UsedAt, bool UnitPublished = false);

/// <summary>The round's rules, as pure functions: what may be done in which status, and whether a link may answer.</summary>
public static class SurveyRoundPolicy
{
    public static string? CheckEditQuestionnaires(SurveyRound round) => round.Status == SurveyRoundStatus.Draft ? null
        : "Đợt điều tra đã mở: không sửa được phiếu điều tra nữa (câu trả lời đã nhận phải giữ nguyên nghĩa).";

    public static SurveyRound Open(SurveyRound round, DateOnly today, DateOnly? closesOn, int minimumAnswers)
    {
        if (round.Status == SurveyRoundStatus.Closed) throw new DomainException("Đợt điều tra đã đóng; không mở lại được.");
        if (closesOn is { } last && last < today) throw new DomainException($"Ngày kết thúc {last:dd/MM/yyyy} đã qua.");
        if (minimumAnswers < 1) throw new DomainException($"Số phiếu tối thiểu mỗi tiêu chí phải từ 1 trở lên (đã nhập {minimumAnswers}).");
        return round with { Status = SurveyRoundStatus.Open, ClosesOn = closesOn, MinimumAnswers = minimumAnswers };
    }

    public static SurveyRound Close(SurveyRound round) => round.Status == SurveyRoundStatus.Open
        ? round with { Status = SurveyRoundStatus.Closed }
        : throw new DomainException(round.Status == SurveyRoundStatus.Draft ? "Đợt điều tra chưa mở." : "Đợt điều tra đã đóng.");

    /// <summary>Why a link cannot be used to answer now; null when it can. An unknown (or forged) code is null <paramref name="link"/>.</summary>
    public static string? CheckAnswer(SurveyLink? link, SurveyRound? round, DateOnly today)
    {
        if (link is null) return "Mã phiếu không đúng hoặc không tồn tại. Hãy kiểm tra lại đường dẫn hoặc mã in trên phiếu.";
        if (link.UsedAt is { } used) return $"Phiếu này đã được trả lời lúc {used.ToOffset(TimeSpan.FromHours(7)):HH:mm dd/MM/yyyy}; mỗi đường dẫn chỉ dùng được một lần.";
        if (round is null || round.Status == SurveyRoundStatus.Draft) return "Đợt điều tra chưa mở.";
        if (round.Status == SurveyRoundStatus.Closed) return "Đợt điều tra đã kết thúc; không nhận thêm câu trả lời.";
        if (link.UnitPublished) return "Kết quả của đơn vị này đã được công bố; đợt điều tra không nhận thêm câu trả lời.";
        if (!round.IsOpenOn(today)) return $"Đợt điều tra đã hết hạn ngày {round.ClosesOn:dd/MM/yyyy}; không nhận thêm câu trả lời.";
        return null;
    }

    /// <summary>Paper answers are taken while the round is open or after it closed (entered late), never before it opens.</summary>
    public static string? CheckImport(SurveyRound? round) =>
        round is null || round.Status == SurveyRoundStatus.Draft ? "Đợt điều tra chưa mở; hãy mở đợt điều tra trước khi nhập phiếu." : null;

    /// <summary>
    /// Checks one respondent's answers about one unit to one questionnaire: every question answered with an
    /// option of the questionnaire, nothing else.
    /// </summary>
    public static IReadOnlyList<string> CheckResponse(Questionnaire questionnaire, IReadOnlyDictionary<string, string?> answers)
    {
        var problems = new List<string>();
        foreach (var q in questionnaire.Questions)
        {
            if (!answers.TryGetValue(q.Code, out var option) || string.IsNullOrWhiteSpace(option)) problems.Add($"Câu {q.Code}: chưa chọn câu trả lời.");
            else if (questionnaire.FindOption(option) is null) problems.Add($"Câu {q.Code}: phương án \"{option}\" không có trong phiếu {questionnaire.Code}.");
        }
        foreach (var extra in answers.Keys.Where(k => questionnaire.FindQuestion(k) is null))
            problems.Add($"Phiếu {questionnaire.Code} không có câu {extra}.");
        return problems;
    }
}

/// <summary>A unit's target and answers for one questionnaire.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.QuotaProgress")]
public sealed record QuotaProgress(string UnitCode, string Questionnaire, int Target, int Respondents)
{
    /// <summary>Percent of the quota reached, capped at 100; null without a target.</summary>
    public decimal? Percent => Target <= 0 ? null : Math.Min(100m, decimal.Round(100m * Respondents / Target, 1, MidpointRounding.AwayFromZero));
    public bool IsMet => Target > 0 && Respondents >= Target;
}

/// <summary>How many respondents a sample needs: n = N / (1 + N·e²) (Yamane), rounded up.</summary>
public static class SampleSize
{
    public const decimal DefaultMargin = 0.05m;

    public static int Required(int population, decimal margin = DefaultMargin)
    {
        if (population < 0) throw new DomainException($"Quy mô tổng thể {population} âm.");
        if (margin is <= 0m or >= 1m) throw new DomainException($"Sai số {ScoreText.Format(margin)} phải lớn hơn 0 và nhỏ hơn 1 (ví dụ 0.05 = 5 %).");
        if (population == 0) return 0;
        var n = population / (1m + population * margin * margin);
        return (int)decimal.Ceiling(n);
    }
}
