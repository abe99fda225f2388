using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Evidence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>One commune's cycle through the work page over HTTP, each illegal step refused with the domain's message.</summary>
public class ScorecardWorkflowTests
{
    private const string Work = "/cycles/par-2020-06/units/01834/cham-diem";
    private const string Audit = "/cycles/par-2020-06/units/01834/nhat-ky";

    private static Task<ScorecardView> CardAsync(DemoApp app) =>
        app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard("par-2020-06", "01834")).GetAsync();

    private static async Task AssertRedirectedWithAsync(Staff staff, HttpResponseMessage response, string flash)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await Staff.HtmlAsync(response)}");
        Assert.StartsWith(Work, response.Headers.Location!.OriginalString);
        Assert.Contains(flash, await staff.OkAsync(Work));
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string message)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        Assert.Contains("data-testid=\"refusal\"", html);
        Assert.Contains(message, html);
    }

    [Fact]
    public Task A_commune_self_assesses_is_appraised_with_a_return_answers_and_is_settled() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        var appraiser = await Staff.SignInAsync(app, "thamdinh.xa058");

        // Draft: the unit sees inputs for its self scores; the appraiser only reads.
        var page = await unit.OkAsync(Work);
        Assert.Contains("data-status=\"Draft\"", page);
        Assert.Contains("Dự thảo", page);
        Assert.Contains("name=\"self-1.2\"", page);
        Assert.DoesNotContain("name=\"appraised-1.2\"", await appraiser.OkAsync(Work));

        // Self-assessment with a file and a note; "1,25" as Vietnamese write it.
        var upload = await unit.UploadAsync(Work, "1.1", "Kế hoạch CCHC 2020.pdf", Files.Pdf());
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.EndsWith("#item-1.1", upload.Headers.Location!.OriginalString);
        await AssertRedirectedWithAsync(unit, await unit.ActAsync(Work, "SaveSelf", ("self-1.2", "1,25"), ("note-1.2", "Hoàn thành 9/10 nhiệm vụ")), "Đã lưu nháp 1 thay đổi.");
        var draft = await CardAsync(app);
        Assert.Equal(1.25m, draft.Items["1.2"].Self);
        Assert.Equal("Hoàn thành 9/10 nhiệm vụ", draft.Items["1.2"].SelfNote);
        var files = await app.Services.GetRequiredService<EvidenceStore>().ListAsync("par-2020-06", "01834");
        var file = Assert.Single(files);
        Assert.Equal(("1.1", "Kế hoạch CCHC 2020.pdf", "application/pdf"), (file.ItemCode, file.FileName, file.ContentType));
        // The appraiser downloads it, as stored, as an attachment.
        var download = await appraiser.Client.GetAsync($"/evidence/{file.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Kế hoạch CCHC 2020.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(Files.Pdf(), await download.Content.ReadAsByteArrayAsync());

        // Appraising a draft is illegal.
        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Appraise", ("appraised-1.2", "1")), "Đơn vị chưa gửi tự đánh giá; chưa thể thẩm định.");
        Assert.Equal(draft.Version, (await CardAsync(app)).Version);

        // Submitted: the self scores are locked.
        await AssertRedirectedWithAsync(unit, await unit.ActAsync(Work, "Submit"), "Đã gửi thẩm định");
        Assert.Equal(ScorecardStatus.Submitted, (await CardAsync(app)).Workflow.Status);
        Assert.Contains("Đã gửi thẩm định (vòng 1)", await unit.OkAsync(Work));
        await AssertRefusedAsync(await unit.ActAsync(Work, "SaveSelf", ("self-1.2", "2")), "Điểm tự đánh giá đã chốt (đã gửi thẩm định); không thể sửa.");
        await AssertRefusedAsync(await unit.UploadAsync(Work, "1.2", "bo-sung.pdf", Files.Pdf("bổ sung")), "Điểm tự đánh giá đã chốt");
        Assert.Equal(1.25m, (await CardAsync(app)).Items["1.2"].Self);

        // Round 1: the appraiser scores, comments, and returns 1.2 with a question.
        page = await appraiser.OkAsync(Work);
        Assert.Contains("name=\"appraised-1.2\"", page);
        Assert.Contains("name=\"return-1.2\"", page);
        await AssertRedirectedWithAsync(appraiser, await appraiser.ActAsync(Work, "Appraise", ("appraised-1.2", "1"), ("comment-1.2", "Chưa có báo cáo kết quả")), "Đã lưu 1 thay đổi của thẩm định.");
        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Return"), "Chưa chọn tiêu chí nào để trả lại.");
        await AssertRedirectedWithAsync(appraiser, await appraiser.ActAsync(Work, "Return", ("return-1.2", "on"), ("question-1.2", "Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch.")),
            "Đã trả lại 1 tiêu chí");
        var returned = await CardAsync(app);
        Assert.Equal(ScorecardStatus.Returned, returned.Workflow.Status);
        Assert.Equal("Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch.", returned.Returns["1.2"].Question);
        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Complete"), "Chỉ chốt được thẩm định của phiếu đang thẩm định.");
        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Appraise", ("appraised-1.3", "1")), "Đang chờ đơn vị giải trình các tiêu chí bị trả lại.");

        // Returned: the unit sees the question, may change only the returned item, and answers with new evidence.
        page = await unit.OkAsync(Work);
        Assert.Contains("Bị trả lại để giải trình", page);
        Assert.Contains("Đề nghị bổ sung báo cáo kết quả thực hiện kế hoạch.", page);
        Assert.Contains("name=\"answer-1.2\"", page);
        Assert.DoesNotContain("name=\"self-1.3\"", page);
        await AssertRefusedAsync(await unit.ActAsync(Work, "SaveSelf", ("self-1.3", "1")), "Tiêu chí 1.3 không được trả lại để giải trình");
        await AssertRefusedAsync(await unit.UploadAsync(Work, "1.3", "khac.pdf", Files.Pdf("khác")), "Tiêu chí 1.3 không được trả lại để giải trình");
        Assert.Equal(HttpStatusCode.Redirect, (await unit.UploadAsync(Work, "1.2", "Báo cáo kết quả.pdf", Files.Pdf("kết quả"))).StatusCode);
        await AssertRefusedAsync(await unit.ActAsync(Work, "Answer", ("answer-1.2", " ")), "Cần giải trình mọi tiêu chí bị trả lại; còn thiếu: 1.2.");
        await AssertRedirectedWithAsync(unit, await unit.ActAsync(Work, "Answer", ("answer-1.2", "Đã bổ sung báo cáo số 45/BC-UBND."), ("self-1.2", "1,5")),
            "Đã gửi giải trình");
        var answered = await CardAsync(app);
        Assert.Equal((ScorecardStatus.Submitted, 2), (answered.Workflow.Status, answered.Workflow.Round));
        Assert.Equal(1.5m, answered.Items["1.2"].Self);
        Assert.Equal("Đã bổ sung báo cáo số 45/BC-UBND.", answered.Returns["1.2"].Answer);

        // Round 2: no more returns; the appraiser settles 1.2 and completes.
        page = await appraiser.OkAsync(Work);
        Assert.Contains("Đã gửi thẩm định (vòng 2)", page);
        Assert.Contains("Đã bổ sung báo cáo số 45/BC-UBND.", page);
        Assert.DoesNotContain("name=\"return-1.2\"", page);
        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Return", ("return-1.2", "on"), ("question-1.2", "Lại?")), "Vòng thẩm định 2 không trả lại tiêu chí nữa");
        await AssertRedirectedWithAsync(appraiser, await appraiser.ActAsync(Work, "Complete", ("appraised-1.2", "1,5"), ("comment-1.2", "Đã bổ sung đủ")), "Đã chốt điểm thẩm định.");
        var settled = await CardAsync(app);
        Assert.Equal(ScorecardStatus.Appraised, settled.Workflow.Status);
        Assert.Equal((1.5m, "Đã bổ sung đủ"), (settled.Items["1.2"].Appraised, settled.Items["1.2"].AppraisedNote));
        Assert.Contains("Đã thẩm định", await unit.OkAsync(Work));
        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Appraise", ("appraised-1.2", "1")), "Phiếu đã thẩm định xong.");

        // The audit, newest first: every step and change, by whom.
        var audit = await unit.OkAsync(Audit);
        string[] steps = ["Chốt thẩm định", "Gửi giải trình", "Trả lại để giải trình", "Gửi thẩm định"];
        var positions = steps.Select(s => audit.IndexOf($">{s}<", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Tổ thẩm định cấp xã thành phố Bắc Kạn", audit);
        Assert.Contains("Báo cáo kết quả.pdf", audit);
        var ofItem = await unit.OkAsync(Audit + "?item=1.2");
        Assert.Contains("1,25", ofItem);
        Assert.DoesNotContain("Kế hoạch CCHC 2020.pdf", ofItem); // that file is 1.1's
    });

    [Fact]
    public Task The_appraisers_mark_an_item_not_applicable_with_its_reason_and_set_bonus_and_penalty() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        await AssertRedirectedWithAsync(unit, await unit.ActAsync(Work, "Submit"), "Đã gửi thẩm định");
        var appraiser = await Staff.SignInAsync(app, "thamdinh.xa058");

        await AssertRefusedAsync(await appraiser.ActAsync(Work, "Appraise", ("na-1.4", "on"), ("nareason-1.4", " ")), "đánh dấu không phát sinh phải có lý do");
        await AssertRedirectedWithAsync(appraiser, await appraiser.ActAsync(Work, "Appraise",
            ("na-1.4", "on"), ("nareason-1.4", "Năm 2020 không có đài truyền thanh cơ sở"), ("appraised-9.1.1", "1"), ("appraised-9.2", "0,5")), "Đã lưu 3 thay đổi của thẩm định.");
        var card = await CardAsync(app);
        Assert.Equal("Năm 2020 không có đài truyền thanh cơ sở", card.Items["1.4"].NotApplicableReason);
        Assert.Equal((1m, 0.5m), (card.Items["9.1.1"].Bonus, card.Items["9.2"].Penalty));

        // The mark stays (shown ticked and locked); its reason can still be corrected.
        var page = await appraiser.OkAsync(Work);
        var mark = page[page.IndexOf("id=\"na-1.4\"", StringComparison.Ordinal)..];
        mark = mark[..mark.IndexOf("/>", StringComparison.Ordinal)];
        Assert.Contains("checked=\"checked\"", mark);
        Assert.Contains("disabled=\"disabled\"", mark);
        await AssertRedirectedWithAsync(appraiser, await appraiser.ActAsync(Work, "Appraise", ("nareason-1.4", "Không có đài truyền thanh cơ sở")), "Đã lưu 1 thay đổi");
        Assert.Equal("Không có đài truyền thanh cơ sở", (await CardAsync(app)).Items["1.4"].NotApplicableReason);
        Assert.Contains("Đánh dấu không phát sinh", await appraiser.OkAsync(Audit + "?item=1.4"));
    });

    [Fact]
    public Task Typed_values_are_checked_all_at_once_and_kept_on_the_page() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        var before = await CardAsync(app);
        var response = await unit.ActAsync(Work, "SaveSelf", ("self-1.2", "nhiều"), ("self-1.3", "9"), ("self-1.4", "1,2345"), ("self-1.5", "2"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        Assert.Contains("Tiêu chí 1.2: điểm tự đánh giá \"nhiều\" không phải là số", html);
        Assert.Contains("tiêu chí 1.3: điểm tự đánh giá 9 vượt điểm tối đa 1.5", html);
        Assert.Contains("tiêu chí 1.4: điểm tự đánh giá 1.2345 có quá 3 chữ số thập phân", html);
        Assert.Contains("name=\"self-1.2\" inputmode=\"decimal\" autocomplete=\"off\"", html);
        Assert.Contains("value=\"nhiều\"", html); // what was typed is still there
        Assert.Equal(before.Version, (await CardAsync(app)).Version); // and nothing was stored, not even 1.5
    });

    [Fact]
    public Task A_save_based_on_an_older_version_asks_to_reload_and_stores_nothing() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        var admin = await Staff.SignInAsync(app, "snv.backan");
        var seen = Staff.Version(await unit.OkAsync(Work));
        var before = (await CardAsync(app)).Items["1.3"].Self;
        Assert.NotEqual(0.5m, before);
        await AssertRedirectedWithAsync(admin, await admin.ActAsync(Work, "SaveSelf", ("self-1.2", "1")), "Đã lưu nháp");

        var response = await unit.ActAsync(Work, "SaveSelf", ("version", seen), ("self-1.3", "0,5"));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Phiếu vừa được người khác cập nhật", await Staff.HtmlAsync(response));
        var submit = await unit.ActAsync(Work, "Submit", ("version", seen));
        Assert.Equal(HttpStatusCode.Conflict, submit.StatusCode);
        var card = await CardAsync(app);
        Assert.Equal((1m, before, ScorecardStatus.Draft), (card.Items["1.2"].Self, card.Items["1.3"].Self, card.Workflow.Status));
    });

    [Fact]
    public Task The_province_may_let_a_unit_enter_after_the_deadline_and_a_district_may_not() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var district = await Staff.SignInAsync(app, "pnv.tpbackan");
        Assert.Equal(HttpStatusCode.Forbidden, (await district.ActAsync(Work, "GrantException")).StatusCode);
        Assert.DoesNotContain("Cho phép nhập sau hạn", await district.OkAsync(Work));

        var province = await Staff.SignInAsync(app, "snv.backan");
        Assert.Contains("Cho phép nhập sau hạn", await province.OkAsync(Work));
        await AssertRedirectedWithAsync(province, await province.ActAsync(Work, "GrantException"), "Đã cho phép đơn vị nhập sau hạn.");
        Assert.True((await CardAsync(app)).Workflow.DeadlineException);
        Assert.Contains("Được phép nhập sau hạn", await province.OkAsync(Work));
        Assert.Contains("Cho phép nhập sau hạn", await province.OkAsync(Audit));
    });
}
