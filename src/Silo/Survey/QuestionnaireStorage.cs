using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Files;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Survey;

/// <summary>A questionnaire as a row: its whole definition in one column, in cycle.json's own form (QuestionnaireJson).</summary>
internal static class QuestionnaireStorage
{
    public static QuestionnaireRow ToRow(string cycleId, int ordinal, Questionnaire questionnaire) => new()
    {
        CycleId = cycleId, Code = questionnaire.Code, Ordinal = ordinal, GroupCode = questionnaire.GroupCode,
        Definition = QuestionnaireJson.Write(questionnaire),
    };

    public static Questionnaire FromRow(QuestionnaireRow row)
    {
        var read = QuestionnaireJson.Read(row.Definition, $"phiếu {row.Code} của kỳ {row.CycleId}");
        return read.IsValid ? read.Value : throw new InvalidDataException(string.Join("; ", read.Problems));
    }
}
