using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Survey;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ParIndex.Web.Tests.Survey;

/// <summary>
/// A survey on the demo before its decisions (OwnDemoApp.RunUnpublishedAsync): the communes of Thành phố Bắc Kạn in
/// 2020 (group xa-058, not yet published there) asked about two of their survey items, 1.6 (max 2) and 3.6.1 (max 1),
/// through one-time links.
/// </summary>
public static partial class SurveyDemo
{
    public const string CycleId = "par-2020-06";
    public const string Group = "xa-058";
    /// <summary>Phường Nguyễn Thị Minh Khai, whose editor is phuong.ntmk.</summary>
    public const string Unit = "01834";
    public const string UnitName = "Phường Nguyễn Thị Minh Khai";
    /// <summary>Phường Xuất Hóa, in the same group: not phuong.ntmk's.</summary>
    public const string OtherUnit = "01855";
    public const string UnitPage = "/cycles/par-2020-06/units/01834";
    public const string UnitSurveyPage = UnitPage + "/khao-sat";

    public static readonly Questionnaire P01 = new("P01", "Phiếu 01 — người dân, doanh nghiệp đánh giá UBND phường, xã", Group, Questionnaire.CommonOptions,
        [
            new SurveyQuestion("1", "1.6", "Ông/bà đánh giá thế nào về sự chỉ đạo, điều hành cải cách hành chính của UBND phường?"),
            new SurveyQuestion("2", "3.6.1", "Thủ tục hành chính có được công khai đầy đủ, dễ tìm hiểu không?"),
        ])
    { Respondents = "Người dân, doanh nghiệp", Quota = 10 };

    public static SurveyService Service(this WebApplicationFactory<Program> app) => app.Services.GetRequiredService<SurveyService>();

    /// <summary>Saves P01, opens the round (unless told not to: a draft) and makes links for a unit.</summary>
    public static async Task<IReadOnlyList<IssuedLink>> StartAsync(WebApplicationFactory<Program> app, int links = 2, string unit = Unit, bool open = true)
    {
        await app.Service().SaveQuestionnaireAsync(CycleId, P01);
        if (open) await app.Service().OpenAsync(CycleId, null, SurveyScoring.DefaultMinimumAnswers, "snv.backan");
        return await app.Service().GenerateLinksAsync(CycleId, "P01", [unit], links, "snv.backan");
    }

    public static string AnswerPage(IssuedLink link) => "/khao-sat/" + link.Code;

    /// <summary>The survey value of an item on the unit's scorecard.</summary>
    public static async Task<decimal?> SurveyValueAsync(WebApplicationFactory<Program> app, string item, string unit = Unit) =>
        (await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(CycleId, unit)).GetAsync())
        .Items.GetValueOrDefault(item)?.Survey;

    /// <summary>How many people answered P01 about the unit, as stored.</summary>
    public static async Task<int> RespondentsAsync(WebApplicationFactory<Program> app, string unit = Unit) =>
        (await app.Services.GetRequiredService<SurveyQueries>().UnitAsync(CycleId, unit))!.Questionnaires.Single().Respondents;

    /// <summary>A visitor without an account: cookies kept (antiforgery), redirects not followed.</summary>
    public static HttpClient Visitor(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts answers ("1" → "A") to a link's page with the token of its form, as a browser would.</summary>
    public static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string page, params (string Question, string Option)[] answers)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        // A refused link shows no form: the token of the code page then (antiforgery tokens are per visitor, not per page).
        if (!TokenPattern().IsMatch(html)) html = await client.GetStringAsync("/khao-sat");
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", TokenPattern().Match(html).Groups[1].Value) };
        fields.AddRange(answers.Select(a => new KeyValuePair<string, string>("cau-" + a.Question, a.Option)));
        return await client.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>A label's text without its tags: "A. Rất tốt".</summary>
    public static string LabelText(string html, string forId)
    {
        var m = Regex.Match(html, $"<label[^>]*for=\"{Regex.Escape(forId)}\">(.*?)</label>", RegexOptions.Singleline);
        Assert.True(m.Success, $"no label for {forId}");
        return Regex.Replace(Regex.Replace(m.Groups[1].Value, "<[^>]+>", " "), @"\s+", " ").Trim();
    }

    /// <summary>The markup of one element marked with an attribute (e.g. data-question="2") up to its closing tag.</summary>
    public static string Element(string html, string tag, string attribute)
    {
        var start = html.IndexOf(attribute, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {attribute}");
        var end = html.IndexOf($"</{tag}>", start, StringComparison.Ordinal);
        return html[start..end];
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
