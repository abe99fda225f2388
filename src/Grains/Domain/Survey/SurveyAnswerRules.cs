namespace ParIndex.Grains.Domain.Survey;

/// <summary>The one place an answer is judged against the cycle: its questionnaire, unit, question and option.</summary>
public static class SurveyAnswerRules
{
    /// <summary>Why the answer cannot be stored, naming the unit, questionnaire, question and option; null when it can.</summary>
    /// <param name="groupOf">The rank group of a unit in this cycle, or null.</param>
    public static string? Check(Cycle cycle, Func<string, RankGroup?> groupOf, SurveyAnswer answer)
    {
        if (string.IsNullOrWhiteSpace(answer.RespondentId)) return "thiếu mã người trả lời (respondent_id).";
        var questionnaire = cycle.FindQuestionnaire(answer.Questionnaire);
        if (questionnaire is null)
        {
            var known = cycle.Questionnaires.Count == 0 ? "kỳ này chưa có phiếu nào" : "các phiếu: " + string.Join(", ", cycle.Questionnaires.Select(q => q.Code));
            return $"kỳ {cycle.Id} không có phiếu điều tra \"{answer.Questionnaire}\" ({known}).";
        }
        var group = groupOf(answer.UnitCode);
        if (group is null) return $"đơn vị {answer.UnitCode} không thuộc nhóm nào của kỳ đánh giá.";
        if (group.Code != questionnaire.GroupCode)
            return $"phiếu {questionnaire.Code} dành cho nhóm {questionnaire.GroupCode}, còn đơn vị {answer.UnitCode} thuộc nhóm {group.Code}.";
        if (questionnaire.FindQuestion(answer.QuestionCode) is null)
            return $"phiếu {questionnaire.Code} không có câu hỏi \"{answer.QuestionCode}\".";
        if (questionnaire.FindOption(answer.OptionCode) is null)
            return $"câu {answer.QuestionCode}: phương án \"{answer.OptionCode}\" không có trong phiếu {questionnaire.Code} (các phương án: {string.Join(", ", questionnaire.Options.Select(o => o.Code))}).";
        return null;
    }
}
