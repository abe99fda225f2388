using Orleans;
namespace ParIndex.Grains.Domain.Survey;

/// <summary>An answer option and the fraction of the item's points it is worth; null ("không biết") is not counted.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.AnswerOption")]
public sealed record AnswerOption(string Code, string Label, decimal? Fraction)
{
    public bool IsCounted => Fraction is not null;
}

/// <summary>A question, mapped to one <see cref="ItemSource.Survey"/> item of the group's framework.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.SurveyQuestion")]
public sealed record SurveyQuestion(string Code, string ItemCode, string Text);

/// <summary>
/// A questionnaire (phiếu điều tra) for one respondent group about the units of one rank group, e.g.
/// "Phiếu 02 — đại biểu HĐND tỉnh đánh giá sở". <see cref="Quota"/> is how many respondents each unit
/// should have by default (a round may set another quota per unit).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Questionnaire")]
public sealed record Questionnaire(string Code, string Title, string GroupCode, IReadOnlyList<AnswerOption> Options, IReadOnlyList<SurveyQuestion> Questions)
{
    /// <summary>Who answers it (đối tượng điều tra), shown to people.</summary>
    public string Respondents { get; init; } = "";
    public int Quota { get; init; }

    /// <summary>The common mapping: A 100 %, B 60 %, C 20 %, D 0 %, and "không biết" not counted.</summary>
    public static IReadOnlyList<AnswerOption> CommonOptions { get; } =
    [
        new("A", "Rất tốt", 1.0m), new("B", "Tốt", 0.6m), new("C", "Chưa tốt", 0.2m), new("D", "Kém", 0m), new("E", "Không biết", null),
    ];

    public AnswerOption? FindOption(string code) => Options.FirstOrDefault(o => o.Code == code);
    public SurveyQuestion? FindQuestion(string code) => Questions.FirstOrDefault(q => q.Code == code);

    /// <summary>Everything wrong with the questionnaire in this cycle, each naming the questionnaire and what is wrong.</summary>
    public IEnumerable<string> Check(Cycle cycle) => CheckContent().Concat(CheckAgainst(cycle));

    /// <summary>What is wrong with the questionnaire on its own, whatever the cycle (what an editor can say before it is saved).</summary>
    public IEnumerable<string> CheckContent()
    {
        var where = $"Phiếu {Code}";
        if (string.IsNullOrWhiteSpace(Code)) yield return "Phiếu điều tra không có mã (code).";
        if (string.IsNullOrWhiteSpace(Title)) yield return $"{where}: thiếu tiêu đề (title).";
        if (Quota < 0) yield return $"{where}: chỉ tiêu số phiếu {Quota} âm.";
        foreach (var dup in Options.GroupBy(o => o.Code).Where(g => g.Count() > 1 && !string.IsNullOrWhiteSpace(g.Key))) yield return $"{where}: mã phương án {dup.Key} bị trùng.";
        foreach (var o in Options.Where(o => string.IsNullOrWhiteSpace(o.Code))) yield return $"{where}: có phương án trả lời không có mã.";
        foreach (var o in Options.Where(o => o.Fraction is < 0m or > 1m))
            yield return $"{where}: phương án {o.Code} có tỷ lệ điểm {ScoreText.Format(o.Fraction!.Value)} ngoài khoảng 0–1.";
        if (!Options.Any(o => o.IsCounted)) yield return $"{where}: cần ít nhất một phương án được tính điểm (fraction khác null).";
        if (Questions.Count == 0) yield return $"{where}: không có câu hỏi nào.";
        foreach (var dup in Questions.GroupBy(q => q.Code).Where(g => g.Count() > 1 && !string.IsNullOrWhiteSpace(g.Key))) yield return $"{where}: mã câu hỏi {dup.Key} bị trùng.";
        if (Questions.Any(q => string.IsNullOrWhiteSpace(q.Code))) yield return $"{where}: có câu hỏi không có mã.";
    }

    private IEnumerable<string> CheckAgainst(Cycle cycle)
    {
        var where = $"Phiếu {Code}";
        var group = cycle.FindGroup(GroupCode);
        if (group is null) { yield return $"{where}: kỳ {cycle.Id} không có nhóm xếp hạng \"{GroupCode}\"."; yield break; }
        var framework = cycle.Frameworks.FirstOrDefault(f => f.Code == group.FrameworkCode);
        if (framework is null) yield break; // the group's own check names the missing framework
        foreach (var q in Questions)
        {
            var item = framework.FindItem(q.ItemCode);
            if (item is null) yield return $"{where}, câu {q.Code}: bộ tiêu chí {framework.Code} không có tiêu chí {q.ItemCode}.";
            else if (item.Source != ItemSource.Survey)
                yield return $"{where}, câu {q.Code}: tiêu chí {q.ItemCode} có nguồn điểm {item.Source}, không phải Survey (điều tra xã hội học).";
        }
    }
}
