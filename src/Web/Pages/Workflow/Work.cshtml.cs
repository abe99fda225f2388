using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Evidence;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Pages.Analysis;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>What the work page offers the person reading it, given the status and their permissions.</summary>
public enum WorkMode
{
    /// <summary>Reading only.</summary>
    ReadOnly,
    /// <summary>The unit self-assesses a draft.</summary>
    SelfAssess,
    /// <summary>The unit answers returned items.</summary>
    Answer,
    /// <summary>The appraisers score a submitted scorecard.</summary>
    Appraise,
}

/// <summary>
/// /cycles/{cycle}/units/{unit}/cham-diem: one unit's scorecard as a piece of work. The unit
/// self-assesses with notes and evidence and submits; the appraisers score, return items with
/// questions, and complete; the unit answers. Every step is the grain's (WorkflowPolicy decides what
/// is legal, and its message is shown when it is not); who may act is AccessPolicy's.
/// </summary>
[Authorize]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class WorkModel(ParIndexReader reader, IGrainFactory grains, EvidenceStore evidence, EvidenceUploads uploads, TimeProvider clock) : AnalysisPage
{
    /// <summary>An evidence file of the default limit (20 MB) with room for the rest of the form.</summary>
    public const long MaxRequestBytes = EvidenceOptions.DefaultMaxBytes + 4 * 1024 * 1024;

    public CycleDefinition Definition { get; private set; } = null!;
    public RankGroup Group { get; private set; } = null!;
    public Framework Framework { get; private set; } = null!;
    public ScorecardView Card { get; private set; } = null!;
    public IReadOnlyDictionary<string, IReadOnlyList<EvidenceFile>> Evidence { get; private set; } = new Dictionary<string, IReadOnlyList<EvidenceFile>>();
    public string CycleId => Definition.Cycle.Id;
    public string UnitCode { get; private set; } = "";
    public string UnitName => Definition.NameOf(UnitCode);
    public WorkflowState State => Card.Workflow;

    public bool CanRead { get; private set; }
    public bool CanEnterSelf { get; private set; }
    public bool CanAppraise { get; private set; }
    public bool CanGrantException { get; private set; }
    public WorkMode Mode { get; private set; }
    /// <summary>Why the unit cannot enter now (the deadline), shown to whoever could otherwise.</summary>
    public string? SelfRefusal { get; private set; }

    /// <summary>The version the form was rendered with (ETag); a save based on an older one is refused.</summary>
    public string Version { get; private set; } = "";

    [TempData]
    public string? Flash { get; set; }

    public List<string> Errors { get; } = [];
    /// <summary>Someone else saved since the form was rendered.</summary>
    public bool Stale { get; private set; }

    /// <summary>The inputs as posted, shown again after a refusal so that nothing typed is lost.</summary>
    private IReadOnlyDictionary<string, string?>? _posted;

    public async Task<IActionResult> OnGetAsync(string cycle, string unit)
    {
        await LoadAsync(cycle, unit);
        return CanRead ? Page() : Access.Refuse(this);
    }

    public Task<IActionResult> OnPostSaveSelfAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.EnterSelfScores, async (grain, form, user) =>
        {
            var entries = Checked(form, form.SelfEntries(SelfItems()));
            if (entries.Count == 0) return "Không có thay đổi nào để lưu.";
            await SaveAsync(() => grain.EnterSelfScoresAsync(new ScoreChange(entries, user, "web", Version)));
            return $"Đã lưu nháp {entries.Count} thay đổi.";
        });

    public Task<IActionResult> OnPostSubmitAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.EnterSelfScores, async (grain, form, user) =>
        {
            var entries = Checked(form, form.SelfEntries(SelfItems()));
            if (entries.Count > 0) await SaveAsync(() => grain.EnterSelfScoresAsync(new ScoreChange(entries, user, "web", Version)));
            await StepAsync(grain, g => g.SubmitAsync(user, Version));
            return "Đã gửi thẩm định: điểm tự đánh giá đã chốt.";
        });

    public Task<IActionResult> OnPostAnswerAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.EnterSelfScores, async (grain, form, user) =>
        {
            var returned = Card.Returns.Keys.ToList();
            var entries = Checked(form, form.SelfEntries(SelfItems()));
            if (entries.Count > 0) await SaveAsync(() => grain.EnterSelfScoresAsync(new ScoreChange(entries, user, "web", Version)));
            await StepAsync(grain, g => g.AnswerAsync(form.Answers(returned), user, Version));
            return "Đã gửi giải trình; phiếu chuyển sang thẩm định vòng 2.";
        });

    public Task<IActionResult> OnPostAppraiseAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.Appraise, async (grain, form, user) =>
        {
            var entries = Checked(form, form.AppraisalEntries());
            if (entries.Count == 0) return "Không có thay đổi nào để lưu.";
            await SaveAsync(() => grain.AppraiseAsync(new ScoreChange(entries, user, "web", Version)));
            return $"Đã lưu {entries.Count} thay đổi của thẩm định.";
        });

    public Task<IActionResult> OnPostReturnAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.Appraise, async (grain, form, user) =>
        {
            var entries = Checked(form, form.AppraisalEntries());
            var questions = form.Questions();
            if (entries.Count > 0) await SaveAsync(() => grain.AppraiseAsync(new ScoreChange(entries, user, "web", Version)));
            await StepAsync(grain, g => g.ReturnItemsAsync(questions, user, Version));
            return $"Đã trả lại {questions.Count} tiêu chí để đơn vị giải trình.";
        });

    public Task<IActionResult> OnPostCompleteAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.Appraise, async (grain, form, user) =>
        {
            var entries = Checked(form, form.AppraisalEntries());
            if (entries.Count > 0) await SaveAsync(() => grain.AppraiseAsync(new ScoreChange(entries, user, "web", Version)));
            await StepAsync(grain, g => g.CompleteAppraisalAsync(user, Version));
            return "Đã chốt điểm thẩm định.";
        });

    public Task<IActionResult> OnPostGrantExceptionAsync(string cycle, string unit) =>
        ActAsync(cycle, unit, Permission.GrantException, async (grain, _, user) =>
        {
            await StepAsync(grain, g => g.GrantDeadlineExceptionAsync(user, Version));
            return "Đã cho phép đơn vị nhập sau hạn.";
        });

    /// <summary>An evidence file for one item: while the unit may enter that item's self score (a draft, or a returned item).</summary>
    public Task<IActionResult> OnPostUploadAsync(string cycle, string unit, string? item, IFormFile? file) =>
        ActAsync(cycle, unit, Permission.EnterSelfScores, async (_, _, user) =>
        {
            if (item is null) throw new DomainException("Chưa chọn tiêu chí để gắn tài liệu kiểm chứng.");
            // The form takes one file: more would otherwise be dropped without a word.
            if (Request.Form.Files.Count > 1)
                throw new DomainException($"Mỗi lần chỉ tải lên một tệp cho một tiêu chí; yêu cầu có {Request.Form.Files.Count} tệp nên không tệp nào được lưu.");
            if (file is null || file.Length == 0) throw new DomainException("Chưa chọn tệp để tải lên (hoặc tệp rỗng).");
            await using var content = file.OpenReadStream();
            var stored = await uploads.AddAsync(CycleId, UnitCode, item, file.FileName, content, user, HttpContext.RequestAborted);
            // Back to where the file was chosen: the returned item's answer, or the item's row.
            _anchor = (Mode == WorkMode.Answer ? "return-" : "item-") + item;
            return $"Đã tải lên tệp \"{stored.FileName}\" cho tiêu chí {item}.";
        });

    /// <summary>Where the page scrolls to after an action (an element id), if anywhere.</summary>
    private string? _anchor;

    /// <summary>
    /// Loads, checks the permission (anonymous: sign in; others: 403), runs the action and redirects with
    /// its message; a refusal shows the page again with the message and what was typed.
    /// </summary>
    private async Task<IActionResult> ActAsync(string cycle, string unit, Permission permission,
        Func<IScorecardGrain, ScorecardForm, string, Task<string>> action)
    {
        await LoadAsync(cycle, unit);
        if (!CanRead || !Access.Can(User, permission, Definition, UnitCode)) return Access.Refuse(this);

        var posted = Request.HasFormContentType
            ? Request.Form.Where(f => !f.Key.StartsWith("__", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => (string?)f.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string?>();
        Version = posted.GetValueOrDefault("version") ?? Card.Version;
        var form = new ScorecardForm(posted, Framework, UnitCode, Card.Items);
        var grain = grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(CycleId, UnitCode));
        try
        {
            Flash = await action(grain, form, Access.UserName(User));
            return Redirect(Links.Work(CycleId, UnitCode) + (_anchor is null ? "" : "#" + _anchor));
        }
        catch (Exception e) when (StaleVersion.Of(e) is not null)
        {
            Stale = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        catch (FormRefused)
        {
            Errors.AddRange(form.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainValidationException e)
        {
            Errors.Add(e.Message.Split(Environment.NewLine)[0]);
            Errors.AddRange(e.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (DomainException e)
        {
            Errors.Add(e.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        // Shown again as it now stands (a save may have gone through before a step was refused), with what was typed.
        var version = Version;
        await LoadAsync(cycle, unit);
        Version = version;
        _posted = posted;
        return Page();
    }

    private sealed class FormRefused : Exception;

    private static List<ScoreEntry> Checked(ScorecardForm form, List<ScoreEntry> entries) =>
        form.Errors.Count > 0 ? throw new FormRefused() : entries;

    /// <summary>A value change based on <see cref="Version"/>; what follows builds on the version it wrote.</summary>
    private async Task SaveAsync(Func<Task<ScorecardView>> save) => Version = (await save()).Version;

    /// <summary>A step acts on the scorecard as it was read: the grain refuses it (reload) when someone saved since.</summary>
    private async Task StepAsync(IScorecardGrain grain, Func<IScorecardGrain, Task<ScorecardView>> step) =>
        Version = (await step(grain)).Version;

    /// <summary>Every appraisal item: what may change now (a draft, or only returned items) is the grain's to decide, with its message.</summary>
    private IEnumerable<string> SelfItems() => Framework.Items.Where(i => i.Source == ItemSource.Appraisal).Select(i => i.Code);

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task LoadAsync(string cycle, string unit)
    {
        Definition = await reader.CycleAsync(cycle);
        Group = Definition.GroupOf(unit) ?? throw new NotFoundException($"Đơn vị \"{unit}\" không được đánh giá trong kỳ {cycle}.");
        UnitCode = unit;
        Framework = Definition.Cycle.FrameworkOf(Group);
        CanRead = Access.Can(User, Permission.ReadScorecard, Definition, unit);
        SetPage($"Chấm điểm — {UnitName} — {Definition.Cycle.Title}", Crumbs(), cycle);
        if (!CanRead) return;

        CanEnterSelf = Access.Can(User, Permission.EnterSelfScores, Definition, unit);
        CanAppraise = Access.Can(User, Permission.Appraise, Definition, unit);
        CanGrantException = Access.Can(User, Permission.GrantException, Definition, unit);
        Card = await reader.ScorecardAsync(cycle, unit);
        Version = Card.Version;
        Evidence = (await evidence.ListAsync(cycle, unit, HttpContext.RequestAborted))
            .GroupBy(e => e.ItemCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<EvidenceFile>)g.ToList(), StringComparer.Ordinal);

        var deadline = Definition.Cycle.SelfAssessmentDeadline;
        SelfRefusal = State.Status is ScorecardStatus.Draft ? WorkflowPolicy.Check(State, WorkflowAction.EnterSelfScore, Today, deadline) : null;
        Mode = State.Status switch
        {
            ScorecardStatus.Draft when CanEnterSelf && SelfRefusal is null => WorkMode.SelfAssess,
            ScorecardStatus.Returned when CanEnterSelf => WorkMode.Answer,
            ScorecardStatus.Submitted when CanAppraise => WorkMode.Appraise,
            _ => WorkMode.ReadOnly,
        };
    }

    private List<Crumb> Crumbs()
    {
        var crumbs = Breadcrumbs.Unit(Definition, UnitCode);
        crumbs.Add(new("Chấm điểm"));
        return crumbs;
    }

    // What the page shows in its inputs: what was posted (after a refusal), else what is stored.

    public string Input(string name, string? stored) => _posted is not null && _posted.TryGetValue(name, out var v) ? v ?? "" : stored ?? "";

    public bool Ticked(string name, bool stored) => _posted is not null ? _posted.ContainsKey(name) : stored;

    public ItemValues ValuesOf(string item) => Card.Items.GetValueOrDefault(item) ?? ItemValues.Empty;

    public IReadOnlyList<EvidenceFile> EvidenceOf(string item) => Evidence.GetValueOrDefault(item) ?? [];

    /// <summary>Whether the unit may add evidence to this item now (a draft, or an item returned to it).</summary>
    public bool CanUpload(string item) => Mode switch
    {
        WorkMode.SelfAssess => true,
        WorkMode.Answer => Card.Returns.ContainsKey(item),
        _ => false,
    };

    public int AppraisalItems => Framework.Items.Count(i => i.Source == ItemSource.Appraisal);
    public int SelfScored => Framework.Items.Count(i => i.Source == ItemSource.Appraisal && ValuesOf(i.Code).Self is not null);
    public int Appraised => Framework.Items.Count(i => i.Source == ItemSource.Appraisal && (ValuesOf(i.Code).Appraised is not null || ValuesOf(i.Code).IsNotApplicable));
}
