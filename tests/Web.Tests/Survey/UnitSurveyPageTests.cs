using System.Net;
using System.Text.RegularExpressions;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;
using ParIndex.Web.Tests.Workflow;
using static ParIndex.Web.Tests.Survey.SurveyDemo;

namespace ParIndex.Web.Tests.Survey;

/// <summary>A unit's survey results: on its own page (distribution, tallies, the minimum-answers flag) and flagged on the unit page.</summary>
public class UnitSurveyPageTests
{
    /// <summary>Two people answer about 01834: (A, B) and (B, "không biết").</summary>
    private static async Task TwoAnswersAsync(DemoApp app)
    {
        var links = await StartAsync(app, links: 3);
        var client = Visitor(app);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, AnswerPage(links[0]), ("1", "A"), ("2", "B"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(client, AnswerPage(links[1]), ("1", "B"), ("2", "E"))).StatusCode);
    }

    [Fact]
    public Task The_survey_score_shows_on_the_unit_page_with_each_item_below_the_minimum_flagged() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var before = WebUtility.HtmlDecode(await (await app.ReaderAsync()).GetStringAsync(UnitPage));
        Assert.DoesNotContain("data-testid=\"survey-flag\"", before); // no questionnaire for the group yet: nothing to flag
        Assert.DoesNotContain("data-testid=\"survey-link\"", before);
        Assert.Equal("1,703", SurveyCell(before, "1.6")); // the demo's survey value (1.7027)

        await TwoAnswersAsync(app);
        var html = WebUtility.HtmlDecode(await (await app.ReaderAsync()).GetStringAsync(UnitPage));

        // 1.6: (100 % + 60 %) / 2 × 2 = 1,6 from two answers; 3.6.1: "không biết" not counted, 60 % × 1 = 0,6 from one.
        Assert.Equal(1.6m, await SurveyValueAsync(app, "1.6"));
        Assert.Equal(0.6m, await SurveyValueAsync(app, "3.6.1"));
        Assert.Equal("1,6", SurveyCell(html, "1.6"));
        Assert.Equal("0,6", SurveyCell(html, "3.6.1"));
        Assert.Contains($"href=\"{UnitSurveyPage}\" title=\"Chưa đủ số phiếu tối thiểu (n = 2 < 5)\" data-testid=\"survey-flag\" data-item=\"1.6\"", html);
        Assert.Contains($"href=\"{UnitSurveyPage}\" title=\"Chưa đủ số phiếu tối thiểu (n = 1 < 5)\" data-testid=\"survey-flag\" data-item=\"3.6.1\"", html);
        Assert.Equal(2, Regex.Matches(html, "data-testid=\"survey-flag\"").Count); // appraisal items and unasked survey items are not flagged
        Assert.Contains($"href=\"{UnitSurveyPage}\" data-testid=\"survey-link\"", html);

        // Another group has no questionnaire: its units' pages are as before.
        Assert.DoesNotContain("survey-flag", await (await app.ReaderAsync()).GetStringAsync("/cycles/par-2020-06/units/06-SCT"));
    });

    [Fact]
    public Task Before_the_round_opens_no_item_is_flagged_but_the_survey_is_linked() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        await StartAsync(app, links: 1, open: false);
        var html = WebUtility.HtmlDecode(await (await app.ReaderAsync()).GetStringAsync(UnitPage));
        Assert.DoesNotContain("data-testid=\"survey-flag\"", html); // every item is short of answers in a draft: no news
        Assert.Contains($"href=\"{UnitSurveyPage}\" data-testid=\"survey-link\"", html);
    });

    [Fact]
    public Task The_unit_survey_page_shows_each_questions_answers_and_each_items_tally_with_the_flag() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        await TwoAnswersAsync(app);
        var html = await (await Staff.SignInAsync(app, "pnv.tpbackan")).OkAsync(UnitSurveyPage);

        Assert.Contains("Điều tra xã hội học — " + UnitName, html);
        Assert.Contains(P01.Title, html);
        Assert.Contains("data-testid=\"respondents\">2</span>", html);
        var q1 = Element(html, "tr", "data-question=\"1\"");
        Assert.Equal(("1", "50,0 %"), Option(q1, "A"));
        Assert.Equal(("1", "50,0 %"), Option(q1, "B"));
        Assert.Equal(("0", "0,0 %"), Option(q1, "C"));
        var q2 = Element(html, "tr", "data-question=\"2\"");
        Assert.Equal(("1", "50,0 %"), Option(q2, "B"));
        Assert.Equal(("1", "50,0 %"), Option(q2, "E")); // shown…
        Assert.Contains("E. Không biết", html);
        Assert.Contains("data-testid=\"not-counted\">(không tính điểm)</div>", html); // …and marked as not counted

        var item = Element(html, "tr", "data-item=\"1.6\"");
        Assert.Contains("data-testid=\"counted\">2</td>", item);
        Assert.Contains("data-testid=\"mean\">80,0 %</td>", item);
        Assert.Contains("data-testid=\"score\">1,6</td>", item);
        Assert.Contains("data-testid=\"below-minimum\">Chưa đủ số phiếu tối thiểu (n = 2 < 5)</span>", item);
        item = Element(html, "tr", "data-item=\"3.6.1\"");
        Assert.Contains("data-testid=\"counted\">1</td>", item);
        Assert.Contains("data-testid=\"mean\">60,0 %</td>", item);
        Assert.Contains("data-testid=\"score\">0,6</td>", item);
        Assert.Contains("(n = 1 < 5)", item);
    });

    [Fact]
    public Task The_unit_survey_page_is_read_as_the_scorecard_is_until_the_group_is_published_then_by_anyone() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var link = (await StartAsync(app, links: 1)).Single();
        var anonymous = await Staff.SignInAsync(app, null);
        Assert.True(Staff.IsSignIn(await anonymous.Client.GetAsync(UnitSurveyPage)));

        var editor = await Staff.SignInAsync(app, "phuong.ntmk");
        await editor.OkAsync(UnitSurveyPage); // its own ward
        var (status, _) = await editor.GetAsync($"/cycles/par-2020-06/units/{OtherUnit}/khao-sat");
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/cycles/par-2020-06/units/khong-co/khao-sat")).Status);

        // Published: anyone reads it, and the link no longer answers (the result is frozen).
        var district = await Staff.SignInAsync(app, "pnv.tpbackan");
        var published = await district.PostAsync($"/cycles/par-2020-06/groups/{SurveyDemo.Group}/cong-bo", ("Number", "15/QĐ-UBND"), ("Date", "2021-01-25"), ("Signer", "Chủ tịch UBND thành phố Bắc Kạn"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        await anonymous.OkAsync(UnitSurveyPage);
        await anonymous.OkAsync($"/cycles/par-2020-06/units/{OtherUnit}/khao-sat");
        var refused = await AnswerAsync(Visitor(app), AnswerPage(link), ("1", "A"), ("2", "A"));
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Contains("đã được công bố", await HtmlAsync(refused));
        Assert.Equal(0, await RespondentsAsync(app));
    });

    [Fact]
    public Task A_unit_whose_group_has_no_questionnaire_has_a_survey_page_that_says_so() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        await StartAsync(app, links: 1); // xa-058's, not the departments'
        var html = await (await Staff.SignInAsync(app, "snv.backan")).OkAsync("/cycles/par-2020-06/units/06-SCT/khao-sat");
        Assert.Contains("data-testid=\"no-survey\">Kỳ đánh giá này chưa có phiếu điều tra cho nhóm Sở, ban, ngành.", html);
        Assert.DoesNotContain("data-testid=\"survey-items\"", html);
    });

    /// <summary>The survey column of an item's row on the unit page.</summary>
    private static string SurveyCell(string html, string item)
    {
        var row = Regex.Match(html, $"<tr[^>]*data-item=\"{Regex.Escape(item)}\">\\s*<td class=\"text-nowrap\"><a href=\"{Regex.Escape(UnitPage)}/items/{Regex.Escape(item)}\">.*?</tr>", RegexOptions.Singleline).Value;
        var cell = Regex.Match(row, "data-testid=\"survey-value\">([^<]*)<");
        Assert.True(cell.Success, $"no row for {item}");
        return cell.Groups[1].Value; // the column Điều tra XHH
    }

    /// <summary>An option's count and share in a question's row.</summary>
    private static (string Count, string Share) Option(string row, string option)
    {
        var m = Regex.Match(row, $"data-option=\"{option}\">\\s*<span class=\"num\">([^<]*)</span>\\s*<div class=\"small text-secondary\">([^<]*)</div>");
        Assert.True(m.Success, $"no option {option}");
        return (m.Groups[1].Value, m.Groups[2].Value);
    }
}
