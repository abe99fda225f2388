using System.Net;
using System.Text.Json;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

public class NotFoundApiTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Theory]
    [InlineData("/api/cycles/par-1900-00/groups", "Không có kỳ đánh giá \"par-1900-00\".")]
    [InlineData("/api/cycles/par-1900-00/groups/so/ranking", "Không có kỳ đánh giá \"par-1900-00\".")]
    [InlineData("/api/cycles/par-1900-00/units/06-SCT", "Không có kỳ đánh giá \"par-1900-00\".")]
    [InlineData("/api/cycles/par-2020-06/groups/khong-co/ranking", "Kỳ par-2020-06 không có nhóm xếp hạng \"khong-co\".")]
    [InlineData("/api/cycles/par-2020-06/groups/khong-co/ranking?version=1", "Kỳ par-2020-06 không có nhóm xếp hạng \"khong-co\".")]
    // A version an unpublished group lacks is a 404 only for whoever may read the group (VersionKeyAccessTests); the public gets 401.
    [InlineData("/api/cycles/par-2020-06/units/06-KHONG-CO", "Đơn vị \"06-KHONG-CO\" không được đánh giá trong kỳ par-2020-06.")]
    [InlineData("/api/cycles/par-2025-19/units/06-SCT", "Đơn vị \"06-SCT\" không được đánh giá trong kỳ par-2025-19.")] // assessed in another cycle
    [InlineData("/api/cycles/par-2020-06/units/06", "Đơn vị \"06\" không được đánh giá trong kỳ par-2020-06.")] // the assessor, not assessed
    public async Task Unknown_cycle_group_or_unit_is_a_404_problem_in_Vietnamese(string url, string title)
    {
        var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ParIndex", body);
    }
}
