using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Silo.Cli;
using ParIndex.Silo.Demo;
using ParIndex.Silo.Persistence;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Account;

/// <summary>
/// Issue 16: while the database holds the demo, and only then, the sign-in page says which demo accounts there are, with
/// their role and scope, and a click fills the form (DemoStoryBrowserTests clicks). Asked of the database, not of a setting.
/// </summary>
public class DemoAccountsTests
{
    /// <summary>Each demo account and what it may do over which unit, as README lists them.</summary>
    private static readonly (string User, string[] Grants)[] Expected =
    [
        ("snv.backan", ["Quản trị cấp tỉnh (Sở Nội vụ) — Tỉnh Bắc Kạn"]),
        ("pnv.tpbackan", ["Quản trị cấp huyện (Phòng Nội vụ) — Thành Phố Bắc Kạn"]),
        ("thamdinh.xa058", ["Thẩm định — Thành Phố Bắc Kạn (nhóm xa-058)"]),
        ("phuong.ntmk", ["Tự đánh giá của đơn vị — Phường Nguyễn Thị Minh Khai"]),
        ("lanhdao.backan", ["Xem kết quả — Tỉnh Bắc Kạn"]),
        ("snv.thainguyen", ["Quản trị cấp tỉnh (Sở Nội vụ) — Tỉnh Thái Nguyên"]),
        ("xem.bnv", ["Xem kết quả — Tỉnh Bắc Kạn", "Xem kết quả — Tỉnh Thái Nguyên"]),
        ("quantri", ["Quản trị hệ thống — Tỉnh Bắc Kạn"]), // the installation is Bắc Kạn's
    ];

    private static async Task<string> SignInPageAsync(WebApplicationFactory<Program> app)
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/dang-nhap");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The accounts the page offers, each with the lines of its roles.</summary>
    private static List<(string User, string[] Grants)> Offered(string html) =>
        Regex.Matches(html, "data-demo-user=\"([^\"]+)\">(.*?)</button>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, Regex.Matches(m.Groups[2].Value, "data-testid=\"demo-grant\">([^<]*)<").Select(g => g.Groups[1].Value).ToArray())).ToList();

    [Fact]
    public Task The_demo_lists_its_accounts_with_role_and_scope_and_the_password_and_loads_the_script() => OwnDemoApp.RunAsync(async app =>
    {
        var html = await SignInPageAsync(app);
        var offered = Offered(html);
        Assert.Equal(Expected.Select(e => e.User), offered.Select(o => o.User));
        foreach (var (user, grants) in Expected) Assert.Equal(grants, offered.Single(o => o.User == user).Grants);
        Assert.Contains("data-demo-password=\"demo-ParIndex-2020\"", html);
        Assert.Contains("<code>demo-ParIndex-2020</code>", html);
        Assert.Matches("<script src=\"/js/demo-accounts\\.js\\?v=[^\"]+\"></script>", html);
        Assert.DoesNotMatch("<script>", html); // no inline script: the Content-Security-Policy would block it

        // An account whose password is no longer the demo's is not offered; the others still are.
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>().CreateDbContextAsync())
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "lanhdao.backan");
            user.PasswordHash = new PasswordHasher<UserRow>().HashPassword(user, "mat-khau-rieng-cua-lanh-dao-2021");
            await db.SaveChangesAsync();
        }
        Assert.Equal(Expected.Select(e => e.User).Where(u => u != "lanhdao.backan"), Offered(await SignInPageAsync(app)).Select(o => o.User));
    });

    [Fact]
    public async Task A_database_without_the_demo_lists_nothing_even_with_a_demo_accounts_name_and_password()
    {
        var folder = Path.Combine(Path.GetTempPath(), "parindex-web-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "no-demo.db");
        try
        {
            // Bắc Kạn's province and an administrator who happens to be called snv.backan, with the demo's password: no cycle of the demo.
            var units = Path.Combine(folder, "units.csv");
            await File.WriteAllTextAsync(units, "code,name,type,level,parent_code\n06,Tỉnh Bắc Kạn,Tỉnh,1,\n");
            await RunAsync("", "import", "units", "--db", path, units);
            await RunAsync(DemoSeeder.DemoPassword + "\n", "users", "add", "--db", path, "--username", "snv.backan", "--name", "Sở Nội vụ", "--role", "ProvinceAdmin", "--scope", "06");

            await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
            {
                b.UseEnvironment("Testing");
                b.UseSetting("ConnectionStrings:ParIndex", $"Data Source={path}");
                b.UseSetting("Demo:Seed", "false");
                b.UseSetting("Logs:Folder", Path.Combine(folder, "logs"));
                b.UseSetting("Logs:Console", "none");
            });
            var html = await SignInPageAsync(app);
            Assert.DoesNotContain("data-testid=\"demo-accounts\"", html);
            Assert.DoesNotContain("data-demo-user", html);
            Assert.DoesNotContain(DemoSeeder.DemoPassword, html);
            Assert.DoesNotContain("demo-accounts.js", html);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task RunAsync(string input, params string[] args)
    {
        var error = new StringWriter();
        var code = await new CliApp(new StringWriter(), error, new StringReader(input)).InvokeAsync(args);
        Assert.True(code == 0, error.ToString());
    }
}
