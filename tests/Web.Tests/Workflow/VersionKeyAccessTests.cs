using ParIndex.Grains.Contracts;
using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Workflow;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>The demo before its decisions, then Thành phố Bắc Kạn's communes, its offices and the districts published (version 1 each); the rest not.</summary>
public sealed class PartlyPublishedApp : IAsyncLifetime
{
    public DemoApp App { get; } = new UnpublishedDemoApp();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)App).InitializeAsync();
        var publications = App.Services.GetRequiredService<PublicationService>();
        foreach (var (group, number) in new[] { ("xa-058", "15/QĐ-UBND"), ("phong-058", "16/QĐ-UBND"), ("huyen", "202/QĐ-UBND") })
            await publications.PublishAsync("par-2020-06", group, new Decision(number, new DateOnly(2021, 2, 9), "Chủ tịch"), "snv.backan");
    }

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();
}

/// <summary>
/// Issue 13, point 1: who reads a result never depends on which query keys the request carries. Every route of
/// the application that has a {cycle} is listed here (a new one fails the first test until it is), and every
/// results route is asked with no key, a published version, a version the group lacks and a malformed one, by an
/// anonymous visitor, an account out of scope and one in scope. Publicness is written out from the fixture's
/// publications, not asked of the code under test.
/// </summary>
public class VersionKeyAccessTests(PartlyPublishedApp fixture) : IClassFixture<PartlyPublishedApp>
{
    private const string C = "/cycles/par-2020-06";

    /// <summary>
    /// A results route: its address for a published target (null: none can be) and an unpublished one. PublishedOnly: it
    /// shows published versions only, so an unpublished group is a 404 even to whoever may read it.
    /// </summary>
    private sealed record ReadRoute(string Pattern, string? Published, string Unpublished, bool TakesVersion = false, bool Api = false, bool PublishedOnly = false);

    private static readonly ReadRoute[] ReadRoutes =
    [
        new("cycles/{cycle}", null, C),
        new("cycles/{cycle}/districts/{unit}", $"{C}/districts/058", $"{C}/districts/060"),
        new("cycles/{cycle}/districts/{unit}/gain-plan", $"{C}/districts/058/gain-plan", $"{C}/districts/060/gain-plan"),
        new("cycles/{cycle}/groups/{group}", $"{C}/groups/xa-058", $"{C}/groups/xa-060"),
        new("cycles/{cycle}/groups/{group}/heatmap", $"{C}/groups/xa-058/heatmap", $"{C}/groups/xa-060/heatmap"),
        new("cycles/{cycle}/groups/{group}/points-lost", $"{C}/groups/xa-058/points-lost", $"{C}/groups/xa-060/points-lost"),
        new("cycles/{cycle}/groups/{group}/self-vs-appraisal", $"{C}/groups/xa-058/self-vs-appraisal", $"{C}/groups/xa-060/self-vs-appraisal"),
        new("cycles/{cycle}/groups/{group}/export.csv", $"{C}/groups/xa-058/export.csv", $"{C}/groups/xa-060/export.csv", TakesVersion: true),
        new("cycles/{cycle}/groups/{group}/export.xlsx", $"{C}/groups/xa-058/export.xlsx", $"{C}/groups/xa-060/export.xlsx", TakesVersion: true),
        new("cycles/{cycle}/groups/{group}/export.docx", $"{C}/groups/xa-058/export.docx", $"{C}/groups/xa-060/export.docx", TakesVersion: true, PublishedOnly: true),
        new("cycles/{cycle}/units/{unit}", $"{C}/units/01834", $"{C}/units/01858"),
        new("cycles/{cycle}/units/{unit}/fields/{field}", $"{C}/units/01834/fields/1", $"{C}/units/01858/fields/1"),
        new("cycles/{cycle}/units/{unit}/criteria/{criterion}", $"{C}/units/01834/criteria/1.1", $"{C}/units/01858/criteria/1.1"),
        new("cycles/{cycle}/units/{unit}/items/{item}", $"{C}/units/01834/items/1.1", $"{C}/units/01858/items/1.1"),
        new("cycles/{cycle}/units/{unit}/khao-sat", $"{C}/units/01834/khao-sat", $"{C}/units/01858/khao-sat"),
        new("cycles/{cycle}/units/{unit}/gain-plan", $"{C}/units/01834/gain-plan", $"{C}/units/01858/gain-plan"),
        new("api/cycles/{cycle}/groups/{group}/ranking", $"/api{C}/groups/xa-058/ranking", $"/api{C}/groups/xa-060/ranking", TakesVersion: true, Api: true),
        new("api/cycles/{cycle}/units/{unit}", $"/api{C}/units/01834", $"/api{C}/units/01858", Api: true),
    ];

    /// <summary>Routes with a {cycle} that show no results, with where their access is tested.</summary>
    private static readonly Dictionary<string, string> OtherRoutes = new()
    {
        ["cycles/{cycle}/groups/{group}/cong-bo/phien-ban/{version:int}"] = "public published versions: the last test here",
        ["cycles/{cycle}/units/{unit}/cham-diem"] = "workflow: AccessMatrixTests",
        ["cycles/{cycle}/units/{unit}/nhat-ky"] = "workflow: AccessMatrixTests",
        ["cycles/{cycle}/units/{unit}/nhat-ky/lo/{batch:long}"] = "an import batch from a unit's history: AccessMatrixTests, ImportBatchPageTests",
        ["cycles/{cycle}/groups/{group}/cong-bo"] = "workflow: AccessMatrixTests",
        ["cycles/{cycle}/han-tu-danh-gia"] = "workflow: AccessMatrixTests",
        ["cycles/{cycle}/groups/{group}/bo-tieu-chi/{handler?}"] = "workflow: AccessMatrixTests (page, mau, xuat, upload)",
        ["cycles/{cycle}/nhat-ky"] = "workflow: AccessMatrixTests",
        ["cycles/{cycle}/dieu-tra"] = "survey: SurveyAdminTests",
        ["cycles/{cycle}/dieu-tra/phieu/{code?}"] = "survey: SurveyAdminTests",
        ["cycles/{cycle}/dieu-tra/duong-dan"] = "survey: SurveyAdminTests",
        ["api/cycles/{cycle}/groups"] = "the list of groups, public: CyclesApiTests",
        ["api/cycles/{cycle}/units/{unit}/scores"] = "score writes: ScoreWriteApiTests",
    };

    private static readonly string[] People = ["anonymous", "snv.thainguyen", "lanhdao.backan"];
    private static readonly string?[] Keys = [null, "1", "2", "abc"];

    [Fact]
    public void Every_route_with_a_cycle_is_listed_here()
    {
        var routes = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText?.TrimStart('/') ?? "").Where(r => r.Contains("{cycle}", StringComparison.Ordinal)).ToHashSet();
        var listed = ReadRoutes.Select(r => r.Pattern).Concat(OtherRoutes.Keys).ToHashSet();
        Assert.Empty(routes.Except(listed));
        Assert.Empty(listed.Except(routes));
    }

    [Theory]
    [MemberData(nameof(PeopleData))]
    public async Task A_version_key_never_changes_who_reads(string person)
    {
        var staff = await Staff.SignInAsync(fixture.App, person == "anonymous" ? null : person);
        var wrong = new List<string>();
        foreach (var route in ReadRoutes)
        foreach (var (url, published) in new[] { (route.Published, true), (route.Unpublished, false) })
        {
            if (url is null) continue;
            var readable = published || person == "lanhdao.backan"; // the leaders of Bắc Kạn read everything of theirs
            foreach (var key in Keys)
            {
                var expected = !readable ? Refusal(person, route.Api)
                    : route.PublishedOnly && !published && key != "abc" ? "404"
                    : !route.TakesVersion || key is null ? "200"
                    : key == "abc" ? "400"
                    : key == "1" && published ? "200" : "404"; // only the published groups have a version 1
                var address = key is null ? url : $"{url}?version={key}";
                var response = await staff.Client.GetAsync(address);
                var outcome = Staff.IsSignIn(response) ? "sign-in" : ((int)response.StatusCode).ToString();
                if (outcome != expected) wrong.Add($"GET {address}: expected {expected}, got {outcome}");
                if (outcome == "400" && !WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).Contains("không hợp lệ", StringComparison.Ordinal))
                    wrong.Add($"GET {address}: the 400 does not say in Vietnamese what is wrong");
            }
        }
        Assert.True(wrong.Count == 0, $"{person}:\n" + string.Join("\n", wrong));
    }

    public static TheoryData<string> PeopleData() => new(People);

    private static string Refusal(string person, bool api) => (person, api) switch
    {
        ("anonymous", false) => "sign-in",
        ("anonymous", true) => "401",
        _ => "403",
    };

    [Fact]
    public async Task The_attack_of_the_issue_reads_nothing()
    {
        var anonymous = (await Staff.SignInAsync(fixture.App, null)).Client;
        var unit = await anonymous.GetAsync($"/api{C}/units/06-SCT?version=1");
        Assert.Equal(HttpStatusCode.Unauthorized, unit.StatusCode);
        Assert.DoesNotContain("appraised", await unit.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(Staff.IsSignIn(await anonymous.GetAsync($"{C}/groups/so/export.csv?version=x")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api{C}/groups/so/ranking?version=1")).StatusCode);
    }

    [Fact]
    public async Task A_published_version_as_it_was_is_public_and_only_where_it_exists()
    {
        foreach (var person in People)
        {
            var staff = await Staff.SignInAsync(fixture.App, person == "anonymous" ? null : person);
            Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"{C}/groups/xa-058/cong-bo/phien-ban/1")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{C}/groups/xa-058/cong-bo/phien-ban/2")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"{C}/groups/xa-060/cong-bo/phien-ban/1")).Status);
        }

        // The version's export holds the published lines: a unit of the group by name.
        var csv = await (await Staff.SignInAsync(fixture.App, null)).OkAsync($"{C}/groups/xa-058/export.csv?version=1");
        Assert.Contains("Nguyễn Thị Minh Khai", csv);
    }
}
