using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Frameworks;

/// <summary>
/// /cycles/{cycle}/groups/{group}/bo-tieu-chi: the group's framework (Bộ tiêu chí), a workbook upload that replaces it while the cycle is
/// being prepared (FrameworkImporter, as `import framework`), the template (…/mau) and the current framework (…/xuat) to download.
/// Everything here is for whoever opens the cycle (Access.CanManageCycle: the province's Sở Nội vụ), as the deadline page.
/// </summary>
[Authorize]
public sealed class FrameworkModel(ParIndexReader reader, FrameworkImporter importer) : AnalysisPage
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public CycleDefinition Definition { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    /// <summary>Every group of the cycle using the same framework: an import changes them all.</summary>
    public IReadOnlyList<RankGroup> Sharing { get; private set; } = [];

    [TempData] public string? Flash { get; set; }
    public string? Refusal { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string cycle, string group) =>
        await LoadAsync(cycle, group) ? Page() : Access.Refuse(this);

    public async Task<IActionResult> OnGetMauAsync(string cycle, string group) =>
        await LoadAsync(cycle, group) ? File(FrameworkXlsxWriter.Template(), XlsxType, "mau-bo-tieu-chi.xlsx") : Access.Refuse(this);

    public async Task<IActionResult> OnGetXuatAsync(string cycle, string group) =>
        await LoadAsync(cycle, group) ? File(FrameworkXlsxWriter.Write(Framework), XlsxType, $"bo-tieu-chi-{cycle}-{group}.xlsx") : Access.Refuse(this);

    public async Task<IActionResult> OnPostAsync(string cycle, string group, IFormFile? file)
    {
        if (!await LoadAsync(cycle, group)) return Access.Refuse(this);
        if (file is null || file.Length == 0) return Refused("Chưa chọn tệp bộ tiêu chí (.xlsx); không có gì thay đổi.", []);
        var name = Path.GetFileName(file.FileName);
        try
        {
            await using var stream = file.OpenReadStream();
            var stored = await importer.ImportAsync(cycle, group, stream, name, HttpContext.RequestAborted);
            Flash = $"Đã nhập bộ tiêu chí {stored.Framework.Code} từ tệp {name}: {stored.Framework.Items.Count()} tiêu chí thành phần, điểm tối đa " +
                    $"{Vn.Score(stored.Framework.Maximum)}; áp dụng cho nhóm {string.Join(", ", stored.Sharing.Select(g => g.Name))}.";
            return Redirect(Links.Framework(cycle, group));
        }
        catch (ImportRefusedException e) { return Refused(e.Summary, e.Problems); }
    }

    private IActionResult Refused(string message, IReadOnlyList<string> problems)
    {
        Refusal = message;
        Problems = problems;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Loads the cycle and group (unknown: 404); false when the person may not open the cycle.</summary>
    private async Task<bool> LoadAsync(string cycle, string group)
    {
        Definition = await reader.CycleAsync(cycle);
        Group = ParIndexReader.GroupOf(Definition, group);
        Framework = Definition.Cycle.FrameworkOf(Group);
        Sharing = Definition.Cycle.Groups.Where(g => g.FrameworkCode == Group.FrameworkCode).ToList();
        var crumbs = Breadcrumbs.Cycle(Definition);
        crumbs.Add(new("Bộ tiêu chí"));
        SetPage($"Bộ tiêu chí — {Group.Name} — {Definition.Cycle.Title}", crumbs, cycle);
        return Access.CanManageCycle(User, Definition);
    }
}
