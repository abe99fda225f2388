using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;
using ParIndex.Tests.Support;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;

namespace ParIndex.Web.Tests.Exports;

/// <summary>
/// The decision's annex as Word (issue 18), downloaded as a visitor would: public once published, refused like the other
/// annex downloads before; every row checked against the published version as stored, formatted by WordAnnex's own code.
/// </summary>
public class AnnexDocxExportTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string So = "/cycles/par-2020-06/groups/so";

    private Task<IReadOnlyList<ResultLine>> PublishedAsync(string group, int version) =>
        app.Services.GetRequiredService<StoredResults>().VersionAsync("par-2020-06", group, version)!;

    [Fact]
    public async Task Anyone_downloads_a_published_version_s_annex_as_a_Word_attachment()
    {
        var anonymous = (await Staff.SignInAsync(app, null)).Client;
        var response = await anonymous.GetAsync($"{So}/export.docx?version=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Docx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("phu-luc-par-2020-06-so-v1.docx", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
    }

    [Theory]
    [InlineData("so")]
    [InlineData("huyen")]
    [InlineData("xa-058")]
    public async Task Every_row_is_the_published_version_s_in_Times_New_Roman_13_on_A4(string group)
    {
        var bytes = await (await app.ReaderAsync()).GetByteArrayAsync($"/cycles/par-2020-06/groups/{group}/export.docx?version=1");
        var annex = new WordAnnex(bytes);

        Assert.Empty(annex.ValidationErrors);
        Assert.Equal(WordAnnex.ExpectedRows(await PublishedAsync(group, 1)), WordAnnex.Rows(Assert.Single(annex.Tables)));
        Assert.Equal(("Times New Roman", "26", 0), (annex.Font, annex.FontSize, annex.Overrides));
        Assert.Equal((16838u, 11906u, true), annex.Page);
        Assert.Equal((1134, 1134, 1701u, 1134u), annex.Margins); // 2 cm, 2 cm, 3 cm on the binding side, 2 cm
        Assert.True(annex.HeaderRowsRepeat);
    }

    [Fact]
    public async Task The_heading_names_the_decision_and_the_cycle_and_numbers_are_written_the_Vietnamese_way()
    {
        var annex = new WordAnnex(await (await app.ReaderAsync()).GetByteArrayAsync($"{So}/export.docx"));

        Assert.Equal(["PHỤ LỤC", "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2020 — TỈNH BẮC KẠN", "(Kèm theo Quyết định số 202/QĐ-UBND ngày 09/02/2021)", "I. Sở, ban, ngành"],
            annex.Paragraphs);
        // What Bắc Kạn published (README): Sở Công Thương first at 93,44.
        var first = annex.Tables[0][1];
        Assert.Equal(("1", "Sở Công Thương", "93,44", "1"), (first[0], first[1], first[7], first[8]));
        Assert.All(annex.Tables[0].Skip(1), r => Assert.Matches(@"^\d{1,3},\d{2}$", r[6]));
    }

    [Fact]
    public async Task The_published_version_page_and_the_publish_page_link_the_annex()
    {
        var anonymous = await Staff.SignInAsync(app, null);
        var version = await anonymous.OkAsync($"{So}/cong-bo/phien-ban/1");
        Assert.Contains($"href=\"{So}/export.docx?version=1\"", version);
        Assert.Contains("Tải Phụ lục (Word)", version);
        var province = await Staff.SignInAsync(app, "snv.backan");
        Assert.Contains($"href=\"{So}/export.docx?version=1\"", await province.OkAsync($"{So}/cong-bo"));
        Assert.Contains($"href=\"{So}/export.docx?version=1\"", await anonymous.OkAsync("/cong-bo"));
    }

    [Fact]
    public async Task Unpublished_results_have_no_annex_and_are_refused_like_the_other_downloads()
    {
        const string Draft = "/cycles/par-2025-19/groups/so/export.docx";
        var anonymous = (await Staff.SignInAsync(app, null)).Client;
        Assert.True(Staff.IsSignIn(await anonymous.GetAsync(Draft)));
        Assert.True(Staff.IsSignIn(await anonymous.GetAsync(Draft + "?version=1")));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await Staff.SignInAsync(app, "snv.backan")).Client.GetAsync(Draft)).StatusCode);

        // Whoever may read the drafts learns that there is no annex yet, and why.
        var reader = await Staff.SignInAsync(app, DemoApp.Reader);
        var (status, html) = await reader.GetAsync(Draft);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("chưa được công bố", WebUtility.HtmlDecode(html));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"{So}/export.docx?version=9")).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await reader.GetAsync($"{So}/export.docx?version=abc")).Status);
    }

    [Fact]
    public Task An_adjustment_s_annex_lists_the_changed_units_old_to_new() => OwnDemoApp.RunAsync(async own =>
    {
        await own.Services.GetRequiredService<PublicationService>().AdjustAsync("par-2020-06",
            [.. Enumerable.Range(1, 3).Select(i => new ScoreEntry("06-SCT", $"1.1.{i}", ScoreKind.Appraised, 0m))],
            new Decision("1243/QĐ-UBND", new DateOnly(2021, 7, 30), Reason: "Thẩm định lại lĩnh vực 1"), "snv.backan");
        var annex = new WordAnnex(await (await Staff.SignInAsync(own, null)).Client.GetByteArrayAsync($"{So}/export.docx?version=2"));

        var stored = own.Services.GetRequiredService<StoredResults>();
        var before = (await stored.VersionAsync("par-2020-06", "so", 1))!.ToDictionary(l => l.UnitCode);
        var after = (await stored.VersionAsync("par-2020-06", "so", 2))!;
        Assert.Contains("(Kèm theo Quyết định số 1243/QĐ-UBND ngày 30/07/2021)", annex.Paragraphs);
        Assert.Equal(2, annex.Tables.Count);
        var moved = after.Where(a => before[a.UnitCode] is var b && (b.Index != a.Index || b.Rank != a.Rank)).ToList();
        Assert.Equal(moved.Select(a => a.UnitName), annex.Tables[0].Skip(1).Select(r => r[1]));
        var sct = annex.Tables[0].Single(r => r[1] == "Sở Công Thương");
        var (old, now) = (before["06-SCT"], after.Single(l => l.UnitCode == "06-SCT"));
        Assert.Equal($"{WordAnnex.Vi(old.IndexDisplay!.Value, 2)} → {WordAnnex.Vi(now.IndexDisplay!.Value, 2)}", sct[3]);
        Assert.Equal($"1 → {now.Rank}", sct[4]);
        Assert.Equal(WordAnnex.ExpectedRows(after), WordAnnex.Rows(annex.Tables[1]));
    });
}
