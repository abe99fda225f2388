using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Evidence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Workflow;

/// <summary>Uploads through the work page: what the store refuses is refused on the page, and leaves nothing behind.</summary>
public class EvidenceUploadTests
{
    private const string Work = "/cycles/par-2020-06/units/01834/cham-diem";

    private static int FilesIn(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "bao-cao-day-du.pdf", [.. Files.Pdf(), .. new byte[2048]], "vượt quá dung lượng cho phép" },
        { "ghi-chu.txt", "Báo cáo tóm tắt"u8.ToArray(), "chỉ nhận PDF, DOCX, XLSX, JPG, PNG" },
        { "bao-cao.pdf", Files.Executable(), "nội dung không phải là tệp PDF hợp lệ" },
        { "anh-chup.png", Files.Pdf(), "nội dung không phải là tệp PNG hợp lệ" },
        { "../../bao-cao.pdf", Files.Pdf(), "không hợp lệ (không được chứa đường dẫn hay \"..\"" },
        { "tai-lieu/../../../etc/passwd.pdf", Files.Pdf(), "không hợp lệ (không được chứa đường dẫn hay \"..\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public Task A_refused_file_is_named_on_the_page_and_nothing_is_stored(string name, byte[] content, string message) => OwnDemoApp.RunUnpublishedAsync(async demo =>
    {
        // A small limit (1 KB) for this app: registered after AddParIndexSilo's TryAdd, it is the one resolved.
        var folder = Path.Combine(Path.GetDirectoryName(demo.DatabasePath)!, "evidence-1kb");
        using var app = demo.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(new EvidenceOptions(folder, 1024))));
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");

        var response = await unit.UploadAsync(Work, "1.1", name, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await Staff.HtmlAsync(response);
        var refusal = html[html.IndexOf("data-testid=\"refusal\"", StringComparison.Ordinal)..];
        Assert.Contains(message, refusal[..refusal.IndexOf("</div>", StringComparison.Ordinal)]);
        Assert.Empty(await app.Services.GetRequiredService<EvidenceStore>().ListAsync("par-2020-06", "01834"));
        Assert.Equal(0, FilesIn(folder));
        Assert.DoesNotContain("data-testid=\"evidence-link\"", await unit.OkAsync(Work)); // no file listed

        // The same app takes a good file: the refusal was the file's, not the setup's.
        Assert.Equal(HttpStatusCode.Redirect, (await unit.UploadAsync(Work, "1.1", "ke-hoach.pdf", Files.Pdf())).StatusCode);
        Assert.Equal(1, FilesIn(folder));
    });

    [Fact]
    public Task No_file_or_an_unknown_item_is_refused_too() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        var unit = await Staff.SignInAsync(app, "phuong.ntmk");
        Assert.Contains("Chưa chọn tệp", await Staff.HtmlAsync(await unit.UploadAsync(Work, "1.1", "rong.pdf", [])));
        Assert.Contains("Không có tiêu chí \"9.9.9\"", await Staff.HtmlAsync(await unit.UploadAsync(Work, "9.9.9", "a.pdf", Files.Pdf())));
        Assert.Contains("Không có tiêu chí \"8.1\"", await Staff.HtmlAsync(await unit.UploadAsync(Work, "8.1", "a.pdf", Files.Pdf()))); // a survey item has no evidence
        Assert.Empty(await app.Services.GetRequiredService<EvidenceStore>().ListAsync("par-2020-06", "01834"));
    });

    /// <summary>On real Kestrel (which limits request bodies): a file of the full 20 MB goes through; a larger one is refused whole.</summary>
    [Fact]
    public Task A_file_of_the_full_limit_goes_through_Kestrel_and_a_larger_one_is_refused() => OwnDemoApp.RunUnpublishedAsync(async app =>
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() }) { BaseAddress = new Uri(address) };
        client.Timeout = TimeSpan.FromMinutes(2);
        var unit = await Staff.SignInAsync(client, "phuong.ntmk");
        var store = app.Services.GetRequiredService<EvidenceStore>();

        byte[] Pdf(long size) { var bytes = new byte[size]; Files.Pdf().CopyTo(bytes, 0); return bytes; }

        Assert.Equal(HttpStatusCode.Redirect, (await unit.UploadAsync(Work, "1.1", "ho-so-day-du.pdf", Pdf(EvidenceOptions.DefaultMaxBytes))).StatusCode);
        var justOver = await unit.UploadAsync(Work, "1.2", "qua-lon.pdf", Pdf(EvidenceOptions.DefaultMaxBytes + 1));
        Assert.Equal(HttpStatusCode.BadRequest, justOver.StatusCode);
        Assert.Contains("vượt quá dung lượng cho phép 20 MB", await Staff.HtmlAsync(justOver));
        // Past the request limit (20 MB and a margin) the form cannot be read: the page says the file is too large
        // (a client that waits for "100 Continue", as curl does, reads that page without sending the file).
        client.DefaultRequestHeaders.ExpectContinue = true;
        var overLimit = await unit.UploadAsync(Work, "1.3", "qua-gioi-han.pdf", Pdf(26L * 1000 * 1000));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, overLimit.StatusCode);
        Assert.Contains("Tệp tải lên vượt quá dung lượng cho phép (20 MB mỗi tệp)", await Staff.HtmlAsync(overLimit));
        client.DefaultRequestHeaders.ExpectContinue = false;
        // Far past it Kestrel answers 413 and may close the connection before the client has sent everything.
        try
        {
            var huge = await unit.UploadAsync(Work, "1.3", "rat-lon.pdf", Pdf(40L * 1024 * 1024));
            Assert.True((int)huge.StatusCode is 400 or 413, $"{(int)huge.StatusCode}");
        }
        catch (HttpRequestException) { }
        Assert.Equal(["1.1"], (await store.ListAsync("par-2020-06", "01834")).Select(f => f.ItemCode));
    });
}
