using Microsoft.AspNetCore.Mvc.Testing;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages;

public class HomePageTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Lists_the_three_cycles_with_year_title_and_status()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/");
        foreach (var (id, title) in new[]
                 {
                     ("par-2025-19", "Chỉ số cải cách hành chính năm 2025 — tỉnh Thái Nguyên"),
                     ("par-2020-06", "Chỉ số cải cách hành chính năm 2020 — tỉnh Bắc Kạn"),
                     ("par-2019-06", "Chỉ số cải cách hành chính năm 2019 — tỉnh Bắc Kạn"),
                 })
        {
            Assert.Contains($"href=\"/cycles/{id}\"", html);
            Assert.Contains(title, html);
        }
        Assert.Contains("Đang đánh giá", html);
        Assert.True(html.IndexOf("par-2025-19", StringComparison.Ordinal) < html.IndexOf("par-2019-06", StringComparison.Ordinal), "newest cycle first");
    }

    [Fact]
    public async Task Shows_the_latest_cycle_of_each_province_at_a_glance()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/");
        // The latest cycle (Thái Nguyên 2025) first, then Bắc Kạn's latest (2020).
        var thaiNguyen = html.IndexOf("Toàn cảnh Tỉnh Thái Nguyên — năm 2025", StringComparison.Ordinal);
        var bacKan = html.IndexOf("Toàn cảnh Tỉnh Bắc Kạn — năm 2020", StringComparison.Ordinal);
        Assert.True(thaiNguyen >= 0 && bacKan > thaiNguyen);
        // Bắc Kạn 2020, communes province-wide through the districts: 12 xuất sắc, 78 tốt, 18 khá (108 communes).
        Assert.Contains("12 xuất sắc, 78 tốt, 18 khá", html[bacKan..]);
        Assert.Contains("108 đơn vị", html[bacKan..]);
        // Departments 2020: best Sở Công Thương 93,44.
        Assert.Contains("href=\"/cycles/par-2020-06/units/06-SCT\">Sở Công Thương</a>", html);
        Assert.Contains("93,44", html);
        Assert.Contains("href=\"/cycles/par-2020-06/groups/so\"", html);
    }

    [Fact]
    public async Task Tells_a_visitor_in_a_line_what_is_public_and_what_signing_in_adds()
    {
        var html = await PageHtml.OkAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "/");
        var note = Element(html, "data-testid=\"reading-note\"", "</p>");
        Assert.Contains("Không cần đăng nhập, ai cũng xem được kết quả đã công bố: bảng xếp hạng, chi tiết từng đơn vị đến tiêu chí thành phần, bản đồ nhiệt, nơi mất điểm và so sánh qua các năm.", note);
        Assert.Contains("<a href=\"/dang-nhap\">Đăng nhập</a> để tự đánh giá, thẩm định, công bố và xem kết quả chưa công bố", note);

        // Bắc Kạn's two years are published and open to the visitor; Thái Nguyên 2025 is in progress, its published groups (none) on /cong-bo.
        Assert.Contains("href=\"/cycles/par-2020-06\" data-readable=\"true\"", html);
        Assert.Contains("href=\"/cycles/par-2019-06\" data-readable=\"true\"", html);
        Assert.Contains("href=\"/cong-bo\" data-readable=\"false\"", html);
        Assert.Equal(["Đang đánh giá", "Đã công bố", "Đã công bố"], CycleStatuses(html)); // newest first: 2025, 2020, 2019
        var bacKan = html.IndexOf("Toàn cảnh Tỉnh Bắc Kạn — năm 2020", StringComparison.Ordinal);
        Assert.True(bacKan >= 0);
        Assert.Contains("12 xuất sắc, 78 tốt, 18 khá", html[bacKan..]);
        Assert.DoesNotContain("Toàn cảnh Tỉnh Thái Nguyên", html); // its figures would tell what is not published

        var signedIn = await PageHtml.OkAsync(await app.ReaderAsync(), "/");
        Assert.Contains("Bạn đã đăng nhập: ngoài kết quả đã công bố, bạn xem kết quả chưa công bố", Element(signedIn, "data-testid=\"reading-note\"", "</p>"));
        Assert.DoesNotContain("Không cần đăng nhập", signedIn);
    }

    private static string Element(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start}");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static List<string> CycleStatuses(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"cycle-status\">([^<]*)<").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Carries_the_demo_notice()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/");
        Assert.Contains(ParIndex.Silo.Demo.DemoSeeder.Notice, html);
    }
}
