using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Pages;

public class DistrictPageTests(DemoApp app) : IClassFixture<DemoApp>
{
    private const string Url = "/cycles/par-2020-06/districts/058";

    [Fact]
    public async Task Shows_the_districts_own_result_with_a_link_to_its_unit_page()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), Url);
        Assert.Contains("Thành Phố Bắc Kạn", html);
        Assert.Contains("href=\"/cycles/par-2020-06/units/058\"", html);
        Assert.Contains("83,38", html); // first of UBND các huyện, thành phố in 2020
        Assert.Contains("href=\"/cycles/par-2020-06/groups/huyen\"", html);
        Assert.Contains("<span class=\"band band-1\">Tốt</span>", html);
    }

    [Fact]
    public async Task Shows_its_communes_and_offices_with_top_and_bottom_and_roll_ups()
    {
        var html = await PageHtml.OkAsync((await app.ReaderAsync()), Url);
        Assert.Contains("UBND các xã, phường, thị trấn thuộc thành phố Bắc Kạn", html);
        Assert.Contains("Cơ quan chuyên môn thuộc UBND thành phố Bắc Kạn", html);
        Assert.Contains("href=\"/cycles/par-2020-06/groups/xa-058\"", html);
        Assert.Contains("href=\"/cycles/par-2020-06/groups/phong-058\"", html);
        // Its communes: top Phường Xuất Hóa 95,05, bottom Phường Huyền Tụng.
        Assert.Contains("href=\"/cycles/par-2020-06/units/01855\">Phường Xuất Hóa</a>", html);
        Assert.Contains("95,05", html);
        Assert.Contains("Phường Huyền Tụng", html);
        Assert.Contains("Dẫn đầu", html);
        Assert.Contains("Cuối bảng", html);
        // Roll-ups: 1 xuất sắc, 7 tốt among its 8 communes; 8 xuất sắc, 4 tốt among its 12 offices.
        Assert.Contains("1 xuất sắc, 7 tốt", html);
        Assert.Contains("8 xuất sắc, 4 tốt", html);
        Assert.Contains("85,58", html);
    }

    [Fact]
    public async Task Has_breadcrumbs_through_the_cycle()
    {
        var crumbs = PageHtml.Breadcrumbs(await PageHtml.OkAsync((await app.ReaderAsync()), Url));
        Assert.Contains("href=\"/cycles/par-2020-06\"", crumbs);
        Assert.Contains("Thành Phố Bắc Kạn", crumbs);
    }

    [Theory]
    [InlineData("/cycles/par-2020-06/districts/06")]      // the province
    [InlineData("/cycles/par-2020-06/districts/06-SCT")]  // a department
    [InlineData("/cycles/par-2020-06/districts/01855")]   // a commune
    [InlineData("/cycles/par-2020-06/districts/999")]     // no such unit
    [InlineData("/cycles/par-2025-19/districts/058")]     // no districts after the reform
    [InlineData("/cycles/par-1999-00/districts/058")]     // no such cycle
    public async Task A_unit_that_is_not_a_district_of_the_cycle_is_a_Vietnamese_404(string url)
    {
        var (status, html) = await PageHtml.GetAsync((await app.ReaderAsync()), url);
        PageHtml.AssertNotFound(status, html);
    }
}
