using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ParIndex.Silo.Demo;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>
/// A person using the site over HTTP, as a browser would: signed in through the form (or anonymous),
/// cookies kept, redirects not followed, every form posted with its antiforgery token.
/// </summary>
public sealed partial class Staff
{
    private Staff(HttpClient client, string? user)
    {
        Client = client;
        User = user;
    }

    public HttpClient Client { get; }
    /// <summary>The demo account; null for an anonymous visitor.</summary>
    public string? User { get; }

    public static Task<Staff> SignInAsync(WebApplicationFactory<Program> app, string? user) =>
        SignInAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), user);

    /// <param name="client">A client that keeps cookies and does not follow redirects.</param>
    public static async Task<Staff> SignInAsync(HttpClient client, string? user)
    {
        var staff = new Staff(client, user);
        if (user is null) return staff;
        var response = await client.PostAsync("/dang-nhap", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await staff.TokenAsync("/dang-nhap"), ["username"] = user, ["password"] = DemoSeeder.DemoPassword, ["returnUrl"] = "/",
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} did not sign in: {(int)response.StatusCode}");
        return staff;
    }

    /// <summary>An antiforgery token for this person, from a page with a form (the sign-out page has one for everybody).</summary>
    public async Task<string> TokenAsync(string page = "/dang-xuat") => Token(await Client.GetStringAsync(page));

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "no antiforgery token on the page");
        return match.Groups[1].Value;
    }

    /// <summary>The scorecard version a work page was rendered with.</summary>
    public static string Version(string html)
    {
        var match = VersionPattern().Match(html);
        Assert.True(match.Success, "no version on the page");
        return match.Groups[1].Value;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    public async Task<string> OkAsync(string url)
    {
        var (status, html) = await GetAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"{User ?? "anonymous"}: GET {url} answered {(int)status}");
        return html;
    }

    /// <summary>Posts a form with a fresh token; <paramref name="fields"/> as "name=value" pairs.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, params (string Name, string Value)[] fields)
    {
        var form = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", await TokenAsync()) };
        form.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await Client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Posts the work page's handler with the version the page shows now, unless one is given.</summary>
    public async Task<HttpResponseMessage> ActAsync(string workUrl, string handler, params (string Name, string Value)[] fields)
    {
        var list = fields.ToList();
        if (list.All(f => f.Name != "version")) list.Add(("version", Version(await OkAsync(workUrl))));
        return await PostAsync($"{workUrl}?handler={handler}", [.. list]);
    }

    public async Task<HttpResponseMessage> UploadAsync(string workUrl, string item, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await TokenAsync()), "__RequestVerificationToken" },
            { new StringContent(item), "item" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await Client.PostAsync($"{workUrl}?handler=Upload", form);
    }

    public static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>Whether a response sends the visitor to the sign-in page.</summary>
    public static bool IsSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/dang-nhap", StringComparison.Ordinal) == true;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("name=\"version\" value=\"([^\"]*)\"")]
    private static partial Regex VersionPattern();
}

/// <summary>Small files as people upload them.</summary>
public static class Files
{
    public static byte[] Pdf(string text = "Báo cáo CCHC") =>
        System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n1 0 obj\n<< /Title ({text}) >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a Windows executable ("MZ"), whatever it is named.</summary>
    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, .. new byte[64]];
}
