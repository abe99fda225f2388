using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Grains.Tests.Domain;

namespace ParIndex.Grains.Tests.Survey;

/// <summary>
/// A small cycle for survey tests: group "so" (06-SNV, 06-SCT) and group "huyen" (06-H1) on one framework
/// with appraisal item A.1.1 (max 70) and survey items S.1.1 (max 2) and S.1.2 (max 3).
/// </summary>
internal static class SurveyCycles
{
    public static readonly Framework SurveyFramework = Frameworks.Of([70m], [2m, 3m]);

    public static UnitDirectory Units() => new(
    [
        new AdministrativeUnit { Code = "06", Name = "Tỉnh Bắc Kạn", Type = "Tỉnh", Level = 1 },
        new AdministrativeUnit { Code = "06-SNV", Name = "Sở Nội vụ", Type = "Sở", Level = 2, ParentCode = "06" },
        new AdministrativeUnit { Code = "06-SCT", Name = "Sở Công Thương", Type = "Sở", Level = 2, ParentCode = "06" },
        new AdministrativeUnit { Code = "06-H1", Name = "Huyện Ba Bể", Type = "Huyện", Level = 2, ParentCode = "06" },
    ]);

    public static RankGroup Group(string code, params string[] units) => new()
    {
        Code = code, Name = "Nhóm " + code, AssessorCode = "06", FrameworkCode = "test", Members = new UnitList(units),
    };

    public static Questionnaire MakeQuestionnaire(string code, params SurveyQuestion[] questions) =>
        new(code, "Phiếu " + code, "so", ParIndex.Grains.Domain.Survey.Questionnaire.CommonOptions, questions);

    /// <summary>P02 asks Q1 about S.1.1 and Q2 about S.1.2.</summary>
    public static readonly Questionnaire P02 = MakeQuestionnaire("P02", new SurveyQuestion("Q1", "S.1.1", "Câu 1"), new SurveyQuestion("Q2", "S.1.2", "Câu 2"));

    /// <summary>P03 asks its own Q1 about S.1.1 too.</summary>
    public static readonly Questionnaire P03 = MakeQuestionnaire("P03", new SurveyQuestion("Q1", "S.1.1", "Câu 1 của phiếu 03"));

    public static Cycle Cycle(params Questionnaire[] questionnaires) => new()
    {
        Id = "par-2024-06", Year = 2024, Title = "Chỉ số CCHC năm 2024",
        Frameworks = [SurveyFramework], Groups = [Group("so", "06-SNV", "06-SCT"), Group("huyen", "06-H1")],
        Questionnaires = questionnaires,
    };
}
