using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using ParIndex.Web.Tests.Api;
using static ParIndex.Web.Tests.Survey.SurveyDemo;

namespace ParIndex.Web.Tests.Survey;

/// <summary>The respondents' pages: a one-time link answered without an account, once, and only when complete.</summary>
public class SurveyAnswerPageTests
{
    [Fact]
    public Task A_link_shows_the_questionnaire_about_its_unit_without_signing_in_and_not_for_search_engines() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1)).Single();
        var response = await Visitor(app).GetAsync(AnswerPage(link));
        var html = await HtmlAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"vi\">", html);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html);
        Assert.Contains("Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn", html);
        Assert.Contains($"data-testid=\"questionnaire\">{P01.Title}</h1>", html);
        Assert.Contains($"data-testid=\"unit\">{UnitName}</strong>", html);
        foreach (var q in P01.Questions) Assert.Contains($"Câu {q.Code}. {q.Text}", html);
        Assert.Equal("A. Rất tốt", LabelText(html, "q0-o0"));
        Assert.Equal("D. Kém", LabelText(html, "q1-o3"));
        Assert.Equal("E. Không biết không tính điểm", LabelText(html, "q1-o4"));
        Assert.Contains("<input type=\"radio\" class=\"btn-check\" name=\"cau-2\" id=\"q1-o1\" value=\"B\"", html);
        Assert.DoesNotContain("/dang-nhap", html); // no sign-in, and no menu that would lead there
        Assert.True(response.Headers.CacheControl?.NoStore, "the page may be kept in a cache");
    });

    [Fact]
    public Task The_code_page_takes_a_typed_code_to_its_link_and_refuses_what_cannot_be_a_code() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1)).Single();
        var client = Visitor(app);
        var page = await client.GetStringAsync("/khao-sat");
        Assert.Contains("noindex", page);

        var typed = link.Code.ToLowerInvariant().Replace("-", " "); // as copied from paper
        var response = await client.PostAsync("/khao-sat", Form(page, ("ma", typed)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AnswerPage(link), response.Headers.Location!.OriginalString);

        response = await client.PostAsync("/khao-sat", Form(page, ("ma", "12345")));
        var html = await HtmlAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Mã phiếu không đúng hoặc không tồn tại.", html);
        Assert.Contains("value=\"12345\"", html);
    });

    [Fact]
    public Task A_complete_answer_is_stored_and_scored_thanks_without_the_code_and_the_link_is_then_used_up() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1)).Single();
        var client = Visitor(app);

        var response = await AnswerAsync(client, AnswerPage(link), ("1", "A"), ("2", "B"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/khao-sat/cam-on", response.Headers.Location!.OriginalString);
        var thanks = await client.GetStringAsync("/khao-sat/cam-on");
        Assert.Contains("Cảm ơn ông/bà đã trả lời phiếu điều tra", thanks);
        Assert.DoesNotContain(link.Code, thanks);

        Assert.Equal(1, await RespondentsAsync(app));
        Assert.Equal(2m, await SurveyValueAsync(app, "1.6"));     // A: 100 % of 2
        Assert.Equal(0.6m, await SurveyValueAsync(app, "3.6.1")); // B: 60 % of 1

        // Once used, the link refuses: shown (410 Gone) and posted again (nothing more stored).
        response = await client.GetAsync(AnswerPage(link));
        var html = await HtmlAsync(response);
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("mỗi đường dẫn chỉ dùng được một lần", html);
        Assert.DoesNotContain("name=\"cau-1\"", html);
        response = await AnswerAsync(client, AnswerPage(link), ("1", "D"), ("2", "D"));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("mỗi đường dẫn chỉ dùng được một lần", await HtmlAsync(response));
        Assert.Equal(1, await RespondentsAsync(app));
        Assert.Equal(2m, await SurveyValueAsync(app, "1.6"));
    });

    [Fact]
    public Task A_forged_code_is_not_found_shown_or_posted() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        await StartAsync(app, links: 1);
        var client = Visitor(app);
        foreach (var response in new[] { await client.GetAsync("/khao-sat/ABCD-EFGH-JKMN"), await AnswerAsync(client, "/khao-sat/ABCD-EFGH-JKMN", ("1", "A"), ("2", "A")) })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Mã phiếu không đúng hoặc không tồn tại.", await HtmlAsync(response));
        }
        Assert.Equal(0, await RespondentsAsync(app));
    });

    [Fact]
    public Task A_missing_answer_is_refused_next_to_its_question_with_the_choices_kept_and_nothing_stored() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1)).Single();
        var client = Visitor(app);

        var response = await AnswerAsync(client, AnswerPage(link), ("1", "C"));
        var html = await HtmlAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Phiếu chưa gửi được:", html);
        var second = Element(html, "fieldset", "data-question=\"2\"");
        Assert.Contains("pi-question-error", second);
        Assert.Contains("Câu 2: chưa chọn câu trả lời.", second);
        Assert.DoesNotContain("chưa chọn", Element(html, "fieldset", "data-question=\"1\""));
        Assert.Contains("name=\"cau-1\" id=\"q0-o2\" value=\"C\" autocomplete=\"off\" required checked=\"checked\"", html); // C kept
        Assert.DoesNotContain("checked", second);

        Assert.Equal(0, await RespondentsAsync(app));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AnswerPage(link))).StatusCode); // the link is not used up
    });

    [Fact]
    public Task Links_are_refused_before_the_round_opens_and_after_it_closes() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1, open: false)).Single();
        var client = Visitor(app);
        var response = await client.GetAsync(AnswerPage(link));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode); // not yet: the same link works once the round opens
        Assert.Contains("Đợt điều tra chưa mở.", await HtmlAsync(response));

        await app.Service().OpenAsync(CycleId, null, 5, "snv.backan");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(AnswerPage(link))).StatusCode);
        await app.Service().CloseAsync(CycleId, "snv.backan");
        response = await AnswerAsync(client, AnswerPage(link), ("1", "A"), ("2", "A"));
        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("Đợt điều tra đã kết thúc; không nhận thêm câu trả lời.", await HtmlAsync(response));
        Assert.Equal(0, await RespondentsAsync(app));
    });

    [Fact]
    public Task The_request_log_writes_the_route_of_a_link_never_its_code() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1)).Single();
        var client = Visitor(app);
        await client.GetAsync(AnswerPage(link));
        await AnswerAsync(client, AnswerPage(link), ("1", "B"), ("2", "E"));

        var logs = await Observability.TelemetryTests.Eventually(() =>
        {
            var text = LogText(app);
            return text.Split('\n').Count(l => l.Contains("\"RequestPath\":\"/khao-sat/{code}\"", StringComparison.Ordinal)) >= 3 ? text : null; // GET, GET, POST
        });
        Assert.True(!logs.Contains(link.Code, StringComparison.Ordinal), string.Join("\n", logs.Split('\n').Where(l => l.Contains(link.Code, StringComparison.Ordinal))));
        Assert.DoesNotContain(link.Code.Replace("-", ""), logs);
    });

    [Fact]
    public Task Lines_logged_during_a_link_request_carry_its_route_as_request_path() => OwnDemoApp.RunUnpublishedAsync(async demo =>
    {
        // ASP.NET Core's endpoint lines (Information) carry its request scope, whose RequestPath would be the raw path.
        await using var app = demo.WithWebHostBuilder(b => b.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore.Routing", "Information"));
        var link = (await StartAsync(app, links: 1)).Single();
        await Visitor(app).GetAsync(AnswerPage(link));

        var logs = await Observability.TelemetryTests.Eventually(() =>
        {
            var text = LogText(demo);
            return text.Contains("Microsoft.AspNetCore.Routing.EndpointMiddleware", StringComparison.Ordinal) && text.Contains("\"StatusCode\":200", StringComparison.Ordinal) ? text : null;
        });
        var executing = logs.Split('\n').Where(l => l.Contains("\"SourceContext\":\"Microsoft.AspNetCore.Routing.EndpointMiddleware\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(executing);
        Assert.All(executing, l => Assert.Contains("\"RequestPath\":\"/khao-sat/{code}\"", l));
        Assert.DoesNotContain(link.Code, logs);
    });

    [Fact]
    public Task The_server_span_of_a_link_names_its_route_never_its_code() => OwnDemoApp.RunUnpublishedAsync(async demo =>
    {
        var spans = new Observability.Exported();
        await using var app = demo.WithWebHostBuilder(b => b.ConfigureServices(spans.AddTo));
        var link = (await StartAsync(app, links: 1)).Single();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, AnswerPage(link));
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await Visitor(app).SendAsync(request)).StatusCode);

        var server = await Observability.TelemetryTests.Eventually(() => spans.Of(trace).SingleOrDefault(s => s.Source.Name == "Microsoft.AspNetCore"));
        Assert.Matches("^GET /?khao-sat/{code}$", server.DisplayName); // a page's route template as Razor Pages writes it (no leading slash)
        Assert.Equal("/khao-sat/{code}", server.GetTagItem("url.path"));
        Assert.DoesNotContain(spans.Of(trace).SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(link.Code, StringComparison.Ordinal) == true);
    });

    private static string LogText(Support.DemoApp app)
    {
        if (!Directory.Exists(app.LogFolder)) return "";
        return string.Concat(Directory.GetFiles(app.LogFolder).Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", Workflow.Staff.Token(page)), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
}
