using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Evidence;
using ParIndex.Web.Tests.Api;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>Issue 13, point 11: uploads and notes as an attacker sends them.</summary>
public class UploadHardeningTests
{
    private const string Work = "/cycles/par-2020-06/units/01834/cham-diem";

    [Fact]
    public Task Forty_files_in_one_upload_are_refused_with_a_message_and_none_is_stored() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Staff.Token(await unit.OkAsync(Work))), "__RequestVerificationToken" },
            { new StringContent("1.1"), "item" },
        };
        for (var i = 0; i < 40; i++) form.Add(new ByteArrayContent(Files.Pdf($"tệp {i}")), "file", $"tep-{i}.pdf");
        var response = await unit.Client.PostAsync($"{Work}?handler=Upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mỗi lần chỉ tải lên một tệp cho một tiêu chí; yêu cầu có 40 tệp nên không tệp nào được lưu.", await Staff.HtmlAsync(response));
        Assert.Empty(await app.Services.GetRequiredService<EvidenceStore>().ListAsync("par-2020-06", "01834"));
    });

    [Fact]
    public Task Bidirectional_controls_are_taken_out_of_file_names_and_notes() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        Assert.Equal(HttpStatusCode.Redirect, (await unit.UploadAsync(Work, "1.1", "hoa-don\u202Efdp.pdf", Files.Pdf())).StatusCode);
        Assert.Equal("hoa-donfdp.pdf", Assert.Single(await app.Services.GetRequiredService<EvidenceStore>().ListAsync("par-2020-06", "01834")).FileName);

        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "01834"));
        await grain.SetValuesAsync(new ScoreChange([new ParIndex.Grains.Domain.ScoreEntry("01834", "1.1", ParIndex.Grains.Domain.ScoreKind.Self, 1m, "Đã ban hành \u2067kế hoạch\u2069 \u202Bđúng hạn")], "snv.backan"));
        Assert.Equal("Đã ban hành kế hoạch đúng hạn", (await grain.GetAsync()).Items["1.1"].SelfNote);
    });

    [Fact]
    public Task An_evidence_file_out_of_scope_answers_404_like_a_missing_one() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var file = await app.Services.GetRequiredService<EvidenceStore>().AddAsync("par-2020-06", "01834", "1.1", "ke-hoach.pdf", new MemoryStream(Files.Pdf()), "phuong.ntmk");
        var other = await Staff.SignInAsync(app, "snv.thainguyen");
        var outOfScope = await other.Client.GetAsync($"/evidence/{file.Id}");
        var missing = await other.Client.GetAsync($"/evidence/{file.Id + 1000}");
        Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        Assert.Equal(missing.StatusCode, outOfScope.StatusCode);
        Assert.Equal(await missing.Content.ReadAsStringAsync(), await outOfScope.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await Staff.SignInAsync(app, "phuong.ntmk")).Client.GetAsync($"/evidence/{file.Id}")).StatusCode);
    });
}
