using ParIndex.Grains.Domain;

namespace ParIndex.Web.Infrastructure;

/// <summary>Every page's address, in one place, so that links and routes never disagree.</summary>
public static class Links
{
    private static string E(string s) => Uri.EscapeDataString(s);

    public static string Home => "/";
    public static string Cycle(string cycle) => $"/cycles/{E(cycle)}";
    public static string Group(string cycle, string group) => $"/cycles/{E(cycle)}/groups/{E(group)}";
    public static string HeatMap(string cycle, string group) => $"{Group(cycle, group)}/heatmap";
    public static string PointsLost(string cycle, string group) => $"{Group(cycle, group)}/points-lost";
    public static string SelfVsAppraisal(string cycle, string group) => $"{Group(cycle, group)}/self-vs-appraisal";
    public static string ExportCsv(string cycle, string group) => $"{Group(cycle, group)}/export.csv";
    public static string ExportXlsx(string cycle, string group) => $"{Group(cycle, group)}/export.xlsx";
    /// <summary>The decision's annex (Phụ lục) of a published version, as Word.</summary>
    public static string ExportDocx(string cycle, string group, int version) => $"{Group(cycle, group)}/export.docx?version={version}";
    public static string District(string cycle, string unit) => $"/cycles/{E(cycle)}/districts/{E(unit)}";
    /// <summary>Where the communes and offices a district assesses gain the most, side by side.</summary>
    public static string DistrictGainPlan(string cycle, string unit) => $"{District(cycle, unit)}/gain-plan";
    public static string Unit(string cycle, string unit) => $"/cycles/{E(cycle)}/units/{E(unit)}";
    public static string Field(string cycle, string unit, string field) => $"{Unit(cycle, unit)}/fields/{E(field)}";
    public static string Criterion(string cycle, string unit, string criterion) => $"{Unit(cycle, unit)}/criteria/{E(criterion)}";
    public static string Item(string cycle, string unit, string item) => $"{Unit(cycle, unit)}/items/{E(item)}";
    /// <summary>Where the unit gains the most: the items below its group's best, and the index and rank reached.</summary>
    public static string GainPlan(string cycle, string unit) => $"{Unit(cycle, unit)}/gain-plan";

    // The workflow: signed-in staff only, except the list of publications.
    public static string SignIn => "/dang-nhap";
    public static string MyWork => "/cham-diem";
    public static string Work(string cycle, string unit) => $"{Unit(cycle, unit)}/cham-diem";
    public static string Audit(string cycle, string unit) => $"{Unit(cycle, unit)}/nhat-ky";
    public static string AuditOfItem(string cycle, string unit, string item) => $"{Audit(cycle, unit)}?item={E(item)}";
    public static string AuditPage(string cycle, string unit, string? item, int page) =>
        item is null ? $"{Audit(cycle, unit)}?trang={page}" : $"{AuditOfItem(cycle, unit, item)}&trang={page}";
    /// <summary>An import batch as seen from a unit's history, with the unit's (or one item's) lines of its file.</summary>
    public static string ImportBatch(string cycle, string unit, long batch, string? item = null) =>
        item is null ? $"{Audit(cycle, unit)}/lo/{batch}" : $"{Audit(cycle, unit)}/lo/{batch}?item={E(item)}";
    public static string Publish(string cycle, string group) => $"{Group(cycle, group)}/cong-bo";
    public static string Publications => "/cong-bo";
    /// <summary>A published version as it was (public): 1 as first published, 2, 3 … after each adjustment.</summary>
    public static string PublishedVersion(string cycle, string group, int version) => $"{Publish(cycle, group)}/phien-ban/{version}";
    public static string CycleDeadline(string cycle) => $"{Cycle(cycle)}/han-tu-danh-gia";
    /// <summary>A group's framework: upload, and beside it the template (mau) and the current one (xuat) as .xlsx.</summary>
    public static string Framework(string cycle, string group) => $"{Group(cycle, group)}/bo-tieu-chi";
    public static string FrameworkTemplate(string cycle, string group) => $"{Framework(cycle, group)}/mau";
    public static string FrameworkExport(string cycle, string group) => $"{Framework(cycle, group)}/xuat";
    /// <summary>The audit rows of the whole cycle (its deadline).</summary>
    public static string CycleAudit(string cycle) => $"{Cycle(cycle)}/nhat-ky";
    public static string Evidence(long id) => $"/evidence/{id}";

    // The survey: staff pages under the cycle; the answer pages need no account, only a one-time link's code (a credential).
    public static string Survey(string cycle) => $"/cycles/{E(cycle)}/dieu-tra";
    public static string SurveyLinks(string cycle) => $"{Survey(cycle)}/duong-dan";
    public static string Questionnaire(string cycle, string code) => $"{Survey(cycle)}/phieu/{E(code)}";
    public static string NewQuestionnaire(string cycle) => $"{Survey(cycle)}/phieu";
    public static string UnitSurvey(string cycle, string unit) => $"{Unit(cycle, unit)}/khao-sat";
    public static string SurveyStart => "/khao-sat";
    public static string SurveyAnswer(string code) => $"/khao-sat/{E(code)}";
    public static string SurveyThanks => "/khao-sat/cam-on";
}

/// <summary>Colours of classes: a label's position among its group's bands (0 = the top band).</summary>
public static class Bands
{
    public static int Position(RankGroup group, string? label)
    {
        if (label is null) return group.Bands.Bands.Count - 1;
        var labels = group.Bands.Bands.Select(b => b.Label).ToList();
        var index = labels.IndexOf(label);
        if (index < 0) return 4;
        // Five colours from best to worst; a group with fewer bands spreads them (Nhóm A/B/C → 0, 2, 4).
        return labels.Count <= 1 ? 0 : (int)Math.Round(index * 4.0 / (labels.Count - 1));
    }

    public static string Badge(RankGroup group, string? label) => $"band {Vn.BandClass(Position(group, label))}";

    public static string Cell(RankGroup group, string? label) => $"cell-{Vn.BandClass(Position(group, label))}";
}
