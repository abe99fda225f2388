using System.Text.Json;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Survey;

/// <summary>A questionnaire as a row: its whole definition in one JSON column, so that it is edited and stored whole.</summary>
internal static class QuestionnaireStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static QuestionnaireRow ToRow(string cycleId, int ordinal, Questionnaire questionnaire) => new()
    {
        CycleId = cycleId, Code = questionnaire.Code, Ordinal = ordinal, GroupCode = questionnaire.GroupCode,
        Definition = JsonSerializer.Serialize(questionnaire, Json),
    };

    public static Questionnaire FromRow(QuestionnaireRow row) =>
        JsonSerializer.Deserialize<Questionnaire>(row.Definition, Json) ?? throw new InvalidDataException($"Phiếu {row.Code} của kỳ {row.CycleId} không đọc được.");
}
