using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Survey;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;

namespace ParIndex.Web.Pages.Survey;

/// <summary>
/// What the survey's staff pages share: the cycle as stored now (questionnaires change while the round is a
/// draft, so not the grains' cached definition), and the groups the person may survey (Permission.RunSurvey).
/// </summary>
public abstract class SurveyPage(SurveyQueries queries) : AnalysisPage
{
    public SurveyOverview Overview { get; private set; } = null!;
    public CycleDefinition Definition => Overview.Cycle;
    public SurveyRound Round => Overview.Round;
    /// <summary>Groups whose survey this person runs.</summary>
    public IReadOnlyList<RankGroup> Groups { get; private set; } = [];
    /// <summary>Opening and closing the round is for whoever runs the survey of every group that has a questionnaire.</summary>
    public bool CanRunRound { get; private set; }

    public IEnumerable<Questionnaire> Questionnaires => Definition.Cycle.Questionnaires.Where(q => Groups.Any(g => g.Code == q.GroupCode));

    public bool Manages(string groupCode) => Groups.Any(g => g.Code == groupCode);

    /// <summary>Loads the survey; false when the person runs no group's survey (unknown cycles are 404s).</summary>
    protected async Task<bool> LoadAsync(string cycle, string title)
    {
        Overview = await queries.OverviewAsync(cycle, HttpContext.RequestAborted) ?? throw new NotFoundException($"Không có kỳ đánh giá \"{cycle}\".");
        var crumbs = Breadcrumbs.Cycle(Definition);
        crumbs.Add(new("Điều tra xã hội học", Links.Survey(cycle)));
        if (title != "") crumbs.Add(new(title));
        SetPage($"{(title == "" ? "Điều tra xã hội học" : title)} — {Definition.Cycle.Title}", crumbs, cycle);
        Groups = Definition.Cycle.Groups.Where(g => Access.CanOnGroup(User, Permission.RunSurvey, Definition, g)).ToList();
        var surveyed = Definition.Cycle.Questionnaires.Select(q => q.GroupCode).Distinct().ToList();
        CanRunRound = Groups.Count > 0 && surveyed.All(Manages);
        return Groups.Count > 0;
    }

    public string GroupName(string code) => Definition.Cycle.FindGroup(code)?.Name ?? code;

    public static string Status(SurveyRoundStatus status) => status switch
    {
        SurveyRoundStatus.Draft => "Đang chuẩn bị",
        SurveyRoundStatus.Open => "Đang điều tra",
        SurveyRoundStatus.Closed => "Đã kết thúc",
        _ => status.ToString(),
    };
}
