using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Demo;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Account;

/// <summary>Sign-in: antiforgery on the form, hashed passwords, lockout (the same for names without an account), the account shown once signed in.</summary>
public class SignInTests(DemoApp app) : IClassFixture<DemoApp>
{
    private HttpClient Client() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/dang-nhap");
        return Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string token, string user, string password) =>
        client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = user, ["password"] = password, ["returnUrl"] = "/cycles/par-2020-06",
        }));

    [Fact]
    public async Task A_demo_account_signs_in_and_sees_its_name()
    {
        var client = Client();
        var response = await PostAsync(client, await TokenAsync(client), "pnv.tpbackan", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cycles/par-2020-06", response.Headers.Location?.OriginalString);
        Assert.Contains("HttpOnly", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Phòng Nội vụ thành phố Bắc Kạn", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var response = await PostAsync(Client(), "", "pnv.tpbackan", DemoSeeder.DemoPassword);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_says_so_without_telling_whether_the_name_exists()
    {
        var client = Client();
        var token = await TokenAsync(client);
        var wrongPassword = await (await PostAsync(client, token, "lanhdao.backan", "sai-mat-khau-99")).Content.ReadAsStringAsync();
        var noSuchUser = await (await PostAsync(client, token, "khong-co-ai", "sai-mat-khau-99")).Content.ReadAsStringAsync();
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", wrongPassword);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", noSuchUser);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = Client();
        var token = await TokenAsync(client);
        for (int i = 0; i < 5; i++) await PostAsync(client, token, "snv.thainguyen", "sai-mat-khau-" + i);
        var html = await (await PostAsync(client, token, "snv.thainguyen", DemoSeeder.DemoPassword)).Content.ReadAsStringAsync();
        Assert.Contains("tạm khóa", html);
    }

    [Fact]
    public Task An_unknown_name_gets_the_same_answers_as_a_real_one_lockout_included() => OwnDemoApp.RunAsync(async own =>
    {
        var client = own.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await TokenAsync(client);
        async Task<List<string>> AnswersAsync(string user)
        {
            var answers = new List<string>();
            for (int i = 0; i <= LockoutPolicy.MaxFailedAttempts; i++)
            {
                var html = WebUtility.HtmlDecode(await (await PostAsync(client, token, user, i == LockoutPolicy.MaxFailedAttempts ? DemoSeeder.DemoPassword : "sai-mat-khau-" + i)).Content.ReadAsStringAsync());
                // The refusal, its time left out (the two runs may straddle a minute).
                answers.Add(Regex.Replace(Regex.Match(html, "data-testid=\"sign-in-refusal\">([^<]*)<").Groups[1].Value, @"\d\d:\d\d", "hh:mm"));
            }
            return answers;
        }
        var real = await AnswersAsync("snv.backan");
        var unknown = await AnswersAsync("khong-co-ai");
        Assert.Contains("tạm khóa", real[^1]);
        Assert.Equal(real, unknown);
    });

    [Fact]
    public Task The_lockout_gives_the_time_in_Viet_Nam() => OwnDemoApp.RunAsync(async own =>
    {
        var client = own.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var token = await TokenAsync(client);
        var before = DateTimeOffset.UtcNow + LockoutPolicy.LockoutDuration;
        string html = "";
        for (int i = 0; i < LockoutPolicy.MaxFailedAttempts; i++) html = await (await PostAsync(client, token, "pnv.tpbackan", "sai-mat-khau-" + i)).Content.ReadAsStringAsync();
        var after = DateTimeOffset.UtcNow + LockoutPolicy.LockoutDuration;
        var vietnam = TimeSpan.FromHours(7);
        Assert.Contains("tạm khóa", html);
        Assert.True(html.Contains($"{before.ToOffset(vietnam):HH:mm}") || html.Contains($"{after.ToOffset(vietnam):HH:mm}"),
            $"expected {before.ToOffset(vietnam):HH:mm} (Việt Nam) in: {Regex.Match(html, "sign-in-refusal\">([^<]*)").Groups[1].Value}");
    });

    [Fact]
    public async Task A_return_address_on_another_site_is_ignored()
    {
        var client = Client();
        var token = await TokenAsync(client);
        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["username"] = "lanhdao.backan", ["password"] = DemoSeeder.DemoPassword, ["returnUrl"] = "https://example.org/",
        }));
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
