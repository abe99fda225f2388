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
    public async Task Carries_the_demo_notice()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), "/");
        Assert.Contains(ParIndex.Silo.Demo.DemoSeeder.Notice, html);
    }
}
