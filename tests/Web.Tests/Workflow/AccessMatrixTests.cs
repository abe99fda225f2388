using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Demo;
using ParIndex.Silo.Evidence;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>
/// The demo before its decisions (every scorecard a draft, nothing published), with one evidence file on every unit of
/// the matrix; nothing in the matrix changes anything.
/// </summary>
public sealed class MatrixApp : IAsyncLifetime
{
    public DemoApp App { get; } = new UnpublishedDemoApp();
    /// <summary>Per unit of the matrix: the first appraisal item of its framework, and the id of its evidence file.</summary>
    public Dictionary<string, (string Item, long Evidence)> Units { get; } = [];

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        var grains = App.Services.GetRequiredService<IGrainFactory>();
        var store = App.Services.GetRequiredService<EvidenceStore>();
        foreach (var unit in AccessMatrixTests.Units)
        {
            var definition = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(unit.Cycle)).GetDefinitionAsync();
            var item = definition.FrameworkOf(unit.Code).Items.First(i => i.Source == ItemSource.Appraisal).Code;
            var file = await store.AddAsync(unit.Cycle, unit.Code, item, $"minh-chung-{unit.Code}.pdf", new MemoryStream(Files.Pdf(unit.Code)), "test");
            Units[unit.Key] = (item, file.Id);
        }
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// Every demo account (and an anonymous visitor) × every workflow page and action × units in and out of
/// their scope: allowed exactly when AccessPolicy allows (the unit contexts are written out here, not
/// derived by the code under test); anonymous visitors are sent to sign in; refusals are a 403 page.
/// Allowed actions are made to stop short of changing anything (a wrong number, a stale version, no
/// decision number), so that one copy of the demo serves the whole matrix.
/// </summary>
public class AccessMatrixTests(MatrixApp fixture) : IClassFixture<MatrixApp>
{
    public sealed record Unit(string Cycle, string Code, UnitContext Context)
    {
        public string Key => $"{Cycle}/{Code}";
        public string Work => $"/cycles/{Cycle}/units/{Code}/cham-diem";
        /// <summary>The unit's result page: unpublished here, so for those who may read its scorecard.</summary>
        public string Page => $"/cycles/{Cycle}/units/{Code}";
        public string Audit => $"/cycles/{Cycle}/units/{Code}/nhat-ky";
    }

    public sealed record Group(string Cycle, string Code, IReadOnlyList<UnitContext> Members)
    {
        public string Publish => $"/cycles/{Cycle}/groups/{Code}/cong-bo";
        /// <summary>The group's ranking: unpublished here, so for those who may read every member's scorecard.</summary>
        public string Ranking => $"/cycles/{Cycle}/groups/{Code}";
    }

    /// <summary>A cycle with (some of) its groups' assessors: opening it, and reading its own audit, needs ManageCycle on every one.</summary>
    public sealed record CycleAssessors(string Cycle, IReadOnlyList<UnitContext> Assessors, string Group)
    {
        public string Deadline => $"/cycles/{Cycle}/han-tu-danh-gia";
        public string Audit => $"/cycles/{Cycle}/nhat-ky";
        /// <summary>A group's framework: its page, template, export and upload are the cycle's, like its deadline.</summary>
        public string Framework => $"/cycles/{Cycle}/groups/{Group}/bo-tieu-chi";
    }

    private static UnitContext Ctx(string unit, string group, string assessor, params string[] ancestors) => new(unit, ancestors, group, assessor);

    public static readonly Unit[] Units =
    [
        new("par-2020-06", "01834", Ctx("01834", "xa-058", "058", "058", "06")),       // the editor's own ward, in Thành phố Bắc Kạn
        new("par-2020-06", "01837", Ctx("01837", "xa-058", "058", "058", "06")),       // another ward of the same city
        new("par-2020-06", "01858", Ctx("01858", "xa-060", "060", "060", "06")),       // a commune of Pác Nặm (another district)
        new("par-2020-06", "058-PNV", Ctx("058-PNV", "phong-058", "058", "058", "06")), // an office of the city (not the appraiser's group)
        new("par-2020-06", "058", Ctx("058", "huyen", "06", "06")),                     // the city itself, assessed by the province
        new("par-2025-19", "01840", Ctx("01840", "xa", "19", "19")),                    // Thái Nguyên after the reform
    ];

    public static readonly Group[] Groups =
    [
        new("par-2020-06", "xa-058", [Ctx("01834", "xa-058", "058", "058", "06"), Ctx("01837", "xa-058", "058", "058", "06")]),
        new("par-2020-06", "xa-060", [Ctx("01858", "xa-060", "060", "060", "06")]),
        new("par-2020-06", "phong-058", [Ctx("058-PNV", "phong-058", "058", "058", "06")]),
        new("par-2020-06", "huyen", [Ctx("058", "huyen", "06", "06")]),
        new("par-2025-19", "xa", [Ctx("01840", "xa", "19", "19")]),
    ];

    public static readonly CycleAssessors[] Cycles =
    [
        new("par-2020-06", [Ctx("06", "", ""), Ctx("058", "huyen", "06", "06"), Ctx("060", "huyen", "06", "06")], "xa-058"), // the province and its districts assess
        new("par-2025-19", [Ctx("19", "", "")], "xa"),
    ];

    public static TheoryData<string> People() => new(["anonymous", .. DemoSeeder.Accounts.Select(a => a.UserName)]);

    private static IReadOnlyList<RoleGrant> GrantsOf(string person) =>
        DemoSeeder.Accounts.Where(a => a.UserName == person).SelectMany(a => a.Grants).ToList();

    [Theory]
    [MemberData(nameof(People))]
    public async Task Each_page_and_action_is_allowed_exactly_as_AccessPolicy_says(string person)
    {
        var anonymous = person == "anonymous";
        var staff = await Staff.SignInAsync(fixture.App, anonymous ? null : person);
        var grants = GrantsOf(person);
        var wrong = new List<string>();

        async Task Check(string what, Permission permission, IReadOnlyList<UnitContext> contexts, Func<Task<HttpResponseMessage>> request, HttpStatusCode allowedStatus,
            string refused = "403")
        {
            var allowed = contexts.All(c => AccessPolicy.Can(grants, permission, c));
            var response = await request();
            var outcome = Staff.IsSignIn(response) ? "sign-in" : response.StatusCode == HttpStatusCode.Forbidden ? "403" : ((int)response.StatusCode).ToString();
            var expected = anonymous ? "sign-in" : allowed ? ((int)allowedStatus).ToString() : refused;
            if (outcome != expected) wrong.Add($"{what}: expected {expected}, got {outcome}");
            if (outcome == "403")
            {
                var html = await Staff.HtmlAsync(response);
                if (!html.Contains("Không có quyền truy cập") || !html.Contains("lang=\"vi\"")) wrong.Add($"{what}: the 403 page is not the Vietnamese one");
            }
        }

        foreach (var unit in Units)
        {
            var (item, evidence) = fixture.Units[unit.Key];
            IReadOnlyList<UnitContext> ctx = [unit.Context];
            await Check($"GET {unit.Work}", Permission.ReadScorecard, ctx, () => staff.Client.GetAsync(unit.Work), HttpStatusCode.OK);
            await Check($"GET {unit.Page}", Permission.ReadScorecard, ctx, () => staff.Client.GetAsync(unit.Page), HttpStatusCode.OK);
            await Check($"GET {unit.Audit}", Permission.ReadScorecard, ctx, () => staff.Client.GetAsync(unit.Audit), HttpStatusCode.OK);
            await Check($"GET /evidence/{evidence} of {unit.Key}", Permission.ReadScorecard, ctx, () => staff.Client.GetAsync($"/evidence/{evidence}"), HttpStatusCode.OK,
                refused: "404"); // out of scope looks like missing: ids cannot be probed
            // A score that is no number: refused by the form, after the permission.
            await Check($"save self {unit.Key}", Permission.EnterSelfScores, ctx,
                () => staff.PostAsync(unit.Work + "?handler=SaveSelf", ("version", "1"), ($"self-{item}", "abc")), HttpStatusCode.BadRequest);
            await Check($"appraise {unit.Key}", Permission.Appraise, ctx,
                () => staff.PostAsync(unit.Work + "?handler=Appraise", ("version", "1"), ($"appraised-{item}", "abc")), HttpStatusCode.BadRequest);
            // A stale version: the step is refused (reload) before anything happens.
            await Check($"submit {unit.Key}", Permission.EnterSelfScores, ctx,
                () => staff.PostAsync(unit.Work + "?handler=Submit", ("version", "stale")), HttpStatusCode.Conflict);
            await Check($"return {unit.Key}", Permission.Appraise, ctx,
                () => staff.PostAsync(unit.Work + "?handler=Return", ("version", "stale"), ($"return-{item}", "on"), ($"question-{item}", "?")), HttpStatusCode.Conflict);
            await Check($"answer {unit.Key}", Permission.EnterSelfScores, ctx,
                () => staff.PostAsync(unit.Work + "?handler=Answer", ("version", "stale")), HttpStatusCode.Conflict);
            await Check($"complete {unit.Key}", Permission.Appraise, ctx,
                () => staff.PostAsync(unit.Work + "?handler=Complete", ("version", "stale")), HttpStatusCode.Conflict);
            await Check($"upload to {unit.Key}", Permission.EnterSelfScores, ctx,
                () => staff.UploadAsync(unit.Work, item, "chuong-trinh.exe", Files.Executable()), HttpStatusCode.BadRequest);
        }
        foreach (var group in Groups)
        {
            await Check($"GET {group.Publish}", Permission.Publish, group.Members, () => staff.Client.GetAsync(group.Publish), HttpStatusCode.OK);
            await Check($"GET {group.Ranking}", Permission.ReadScorecard, group.Members, () => staff.Client.GetAsync(group.Ranking), HttpStatusCode.OK);
            // No decision number: refused by the form, after the permission.
            await Check($"POST {group.Publish}", Permission.Publish, group.Members,
                () => staff.PostAsync(group.Publish, ("Number", ""), ("Date", "2021-02-09"), ("Signer", "Chủ tịch")), HttpStatusCode.BadRequest);
        }

        foreach (var cycle in Cycles)
        {
            await Check($"GET {cycle.Deadline}", Permission.ManageCycle, cycle.Assessors, () => staff.Client.GetAsync(cycle.Deadline), HttpStatusCode.OK);
            await Check($"GET {cycle.Audit}", Permission.ManageCycle, cycle.Assessors, () => staff.Client.GetAsync(cycle.Audit), HttpStatusCode.OK);
            // A date that is no date: refused by the form, after the permission.
            await Check($"POST {cycle.Deadline}", Permission.ManageCycle, cycle.Assessors, () => staff.PostAsync(cycle.Deadline, ("Deadline", "abc")), HttpStatusCode.BadRequest);
            foreach (var page in new[] { cycle.Framework, cycle.Framework + "/mau", cycle.Framework + "/xuat" })
                await Check($"GET {page}", Permission.ManageCycle, cycle.Assessors, () => staff.Client.GetAsync(page), HttpStatusCode.OK);
            // No file: refused by the form, after the permission.
            await Check($"POST {cycle.Framework}", Permission.ManageCycle, cycle.Assessors, () => staff.PostAsync(cycle.Framework), HttpStatusCode.BadRequest);
        }

        Assert.True(wrong.Count == 0, $"{person}:\n" + string.Join("\n", wrong));
    }

    /// <summary>The matrix above, read aloud: the cases the issue names.</summary>
    [Theory]
    [InlineData("phuong.ntmk", "/cycles/par-2020-06/units/01834/cham-diem", HttpStatusCode.OK)]
    [InlineData("phuong.ntmk", "/cycles/par-2020-06/units/01837/cham-diem", HttpStatusCode.Forbidden)] // commune A never reads commune B's draft
    [InlineData("phuong.ntmk", "/cycles/par-2020-06/units/01837/nhat-ky", HttpStatusCode.Forbidden)]
    [InlineData("phuong.ntmk", "/cycles/par-2020-06/units/01837/nhat-ky/lo/2", HttpStatusCode.Forbidden)] // the demo's batch 2: scores-2020.csv
    [InlineData("lanhdao.backan", "/cycles/par-2020-06/units/01858/nhat-ky/lo/2", HttpStatusCode.OK)]
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/groups/xa-058/cong-bo", HttpStatusCode.OK)]
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/groups/phong-058/cong-bo", HttpStatusCode.OK)]
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/groups/xa-060/cong-bo", HttpStatusCode.Forbidden)] // district X never publishes district Y's communes
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/groups/huyen/cong-bo", HttpStatusCode.Forbidden)]  // nor its own result among the districts
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/units/058/cham-diem", HttpStatusCode.Forbidden)]
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/units/01858/cham-diem", HttpStatusCode.Forbidden)]
    [InlineData("thamdinh.xa058", "/cycles/par-2020-06/units/01837/cham-diem", HttpStatusCode.OK)]
    [InlineData("thamdinh.xa058", "/cycles/par-2020-06/units/058-PNV/cham-diem", HttpStatusCode.Forbidden)] // limited to the communes' group
    [InlineData("thamdinh.xa058", "/cycles/par-2020-06/groups/xa-058/cong-bo", HttpStatusCode.Forbidden)]
    [InlineData("lanhdao.backan", "/cycles/par-2020-06/units/01858/nhat-ky", HttpStatusCode.OK)]
    [InlineData("lanhdao.backan", "/cycles/par-2020-06/groups/so/cong-bo", HttpStatusCode.Forbidden)]
    [InlineData("snv.backan", "/cycles/par-2020-06/groups/so/cong-bo", HttpStatusCode.OK)]
    [InlineData("snv.backan", "/cycles/par-2025-19/units/01840/cham-diem", HttpStatusCode.Forbidden)] // Bắc Kạn's accounts never reach Thái Nguyên
    [InlineData("snv.backan", "/cycles/par-2025-19/groups/xa/cong-bo", HttpStatusCode.Forbidden)]
    [InlineData("snv.thainguyen", "/cycles/par-2025-19/units/01840/cham-diem", HttpStatusCode.OK)]
    [InlineData("snv.thainguyen", "/cycles/par-2020-06/units/01834/cham-diem", HttpStatusCode.Forbidden)]
    [InlineData("snv.backan", "/cycles/par-2020-06/han-tu-danh-gia", HttpStatusCode.OK)]
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/han-tu-danh-gia", HttpStatusCode.Forbidden)] // a district never sets the province's deadline
    [InlineData("snv.thainguyen", "/cycles/par-2020-06/han-tu-danh-gia", HttpStatusCode.Forbidden)]
    [InlineData("snv.backan", "/cycles/par-2020-06/nhat-ky", HttpStatusCode.OK)]                 // the cycle's audit: as its deadline
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/nhat-ky", HttpStatusCode.Forbidden)]
    [InlineData("lanhdao.backan", "/cycles/par-2020-06/nhat-ky", HttpStatusCode.Forbidden)]       // reading every result is not running the cycle
    [InlineData("snv.thainguyen", "/cycles/par-2025-19/nhat-ky", HttpStatusCode.OK)]
    [InlineData("snv.backan", "/cycles/par-2020-06/groups/xa-058/bo-tieu-chi", HttpStatusCode.OK)]
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/groups/xa-058/bo-tieu-chi", HttpStatusCode.Forbidden)] // the framework is the province's, even for a district's communes
    [InlineData("pnv.tpbackan", "/cycles/par-2020-06/groups/xa-058/bo-tieu-chi/mau", HttpStatusCode.Forbidden)]
    [InlineData("snv.thainguyen", "/cycles/par-2020-06/groups/so/bo-tieu-chi/xuat", HttpStatusCode.Forbidden)]
    [InlineData("snv.backan", "/cycles/par-2025-19/nhat-ky", HttpStatusCode.Forbidden)]
    public async Task Named_cases(string person, string url, HttpStatusCode expected)
    {
        var staff = await Staff.SignInAsync(fixture.App, person);
        Assert.Equal(expected, (await staff.GetAsync(url)).Status);
    }

    [Theory]
    [InlineData("/cycles/par-2020-06/units/01834/cham-diem")]
    [InlineData("/cycles/par-2020-06/units/01834/nhat-ky")]
    [InlineData("/cycles/par-2020-06/groups/xa-058/cong-bo")]
    [InlineData("/cycles/par-2020-06/han-tu-danh-gia")]
    [InlineData("/cycles/par-2020-06/nhat-ky")]
    [InlineData("/cycles/par-2020-06/groups/xa-058/bo-tieu-chi")]
    [InlineData("/cycles/par-2020-06/groups/xa-058/bo-tieu-chi/mau")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back(string url)
    {
        var response = await (await Staff.SignInAsync(fixture.App, null)).Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dang-nhap?ReturnUrl=" + Uri.EscapeDataString(url), response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Unknown_units_cycles_groups_and_files_are_404s()
    {
        var staff = await Staff.SignInAsync(fixture.App, "snv.backan");
        foreach (var url in new[]
        {
            "/cycles/par-2020-06/units/99999/cham-diem", "/cycles/khong-co/units/01834/cham-diem", "/cycles/par-2020-06/units/06/cham-diem",
            "/cycles/par-2020-06/units/99999/nhat-ky", "/cycles/par-2020-06/groups/khong-co/cong-bo", "/evidence/987654",
            "/cycles/khong-co/han-tu-danh-gia", "/cycles/khong-co/nhat-ky", "/cycles/par-2020-06/groups/khong-co/bo-tieu-chi", "/cycles/par-2020-06/groups/so/cong-bo/phien-ban/1", // nothing published here
        })
            Assert.True((await staff.GetAsync(url)).Status == HttpStatusCode.NotFound, url);
    }

    [Fact]
    public async Task The_public_list_of_publications_needs_no_account()
    {
        var html = await (await Staff.SignInAsync(fixture.App, null)).OkAsync("/cong-bo");
        Assert.Contains("Kết quả đã công bố", html);
        Assert.Contains("Chưa có kết quả nào được công bố.", html); // nothing published here
    }

    [Fact]
    public async Task The_unit_page_links_to_the_work_page_only_for_those_who_may_read_the_scorecard()
    {
        const string unitPage = "/cycles/par-2020-06/units/01834";
        Assert.Contains("Chấm điểm", await (await Staff.SignInAsync(fixture.App, "phuong.ntmk")).OkAsync(unitPage));
        Assert.Contains("Chấm điểm", await (await Staff.SignInAsync(fixture.App, "thamdinh.xa058")).OkAsync(unitPage));
        Assert.Contains("Phiếu chấm điểm", await (await Staff.SignInAsync(fixture.App, "lanhdao.backan")).OkAsync(unitPage));
        // Unpublished results: who may not read the scorecard does not see the unit page at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(fixture.App, "snv.thainguyen")).GetAsync(unitPage)).Status);
        Assert.True(Staff.IsSignIn(await (await Staff.SignInAsync(fixture.App, null)).Client.GetAsync(unitPage)));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(fixture.App, "phuong.ntmk")).GetAsync("/cycles/par-2020-06/units/01837")).Status);
    }

    [Fact]
    public async Task Each_person_sees_the_scorecards_and_groups_that_wait_for_them()
    {
        var ward = await (await Staff.SignInAsync(fixture.App, "phuong.ntmk")).OkAsync("/cham-diem");
        Assert.Contains("href=\"/cycles/par-2020-06/units/01834/cham-diem\"", ward);
        Assert.Contains("href=\"/cycles/par-2019-06/units/01834/cham-diem\"", ward);
        Assert.Contains("Tự đánh giá", ward);
        Assert.DoesNotContain("01837", ward);
        Assert.DoesNotContain("/groups/", ward); // no group to publish

        var city = await (await Staff.SignInAsync(fixture.App, "pnv.tpbackan")).OkAsync("/cham-diem");
        Assert.Contains("href=\"/cycles/par-2020-06/groups/xa-058/cong-bo\"", city);
        Assert.Contains("href=\"/cycles/par-2020-06/groups/phong-058/cong-bo\"", city);
        Assert.Contains("href=\"/cycles/par-2020-06/units/058-PNV/cham-diem\"", city);
        Assert.DoesNotContain("xa-060", city);
        Assert.DoesNotContain("/units/058/cham-diem", city);

        var appraiser = await (await Staff.SignInAsync(fixture.App, "thamdinh.xa058")).OkAsync("/cham-diem");
        Assert.Contains("href=\"/cycles/par-2020-06/units/01837/cham-diem\"", appraiser);
        Assert.DoesNotContain("058-PNV", appraiser);

        Assert.Contains("chỉ được xem", await (await Staff.SignInAsync(fixture.App, "lanhdao.backan")).OkAsync("/cham-diem"));
        Assert.True(Staff.IsSignIn(await (await Staff.SignInAsync(fixture.App, null)).Client.GetAsync("/cham-diem")));
    }
}
