using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

public class CyclesApiTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task Cycles_lists_every_demo_cycle_newest_first_with_its_fields()
    {
        var cycles = (await Json.GetAsync((await app.ReaderAsync()), "/api/cycles")).EnumerateArray().ToList();

        Assert.Equal(["par-2025-19", "par-2020-06", "par-2019-06"], cycles.Select(c => c.String("id")));
        var bacKan = cycles[1];
        Assert.Equal(2020, bacKan.Int("year"));
        Assert.Equal("PAR", bacKan.String("kind"));
        Assert.Contains("năm 2020", bacKan.String("title"));
        Assert.False(string.IsNullOrEmpty(bacKan.String("status")));
    }

    [Fact]
    public async Task Groups_of_a_cycle_carry_code_name_assessor_and_unit_count()
    {
        var groups = (await Json.GetAsync((await app.ReaderAsync()), "/api/cycles/par-2020-06/groups")).EnumerateArray().ToList();

        var so = groups.Single(g => g.String("code") == "so");
        Assert.Equal("Sở, ban, ngành", so.String("name"));
        Assert.Equal("06", so.String("assessor"));
        Assert.Equal(19, so.Int("unitCount"));
        Assert.Equal(8, groups.Single(g => g.String("code") == "huyen").Int("unitCount"));
        Assert.Equal("058", groups.Single(g => g.String("code") == "xa-058").String("assessor"));
        Assert.Contains(groups, g => g.String("code") == "phong-066");
    }

    [Fact]
    public async Task Groups_of_the_two_level_province_are_so_and_xa()
    {
        var groups = (await Json.GetAsync((await app.ReaderAsync()), "/api/cycles/par-2025-19/groups")).EnumerateArray();
        Assert.Equal(["so", "xa"], groups.Select(g => g.String("code")).Order());
    }

    [Fact]
    public async Task Vietnamese_stays_readable_in_the_answer()
    {
        var body = await (await app.ReaderAsync()).GetStringAsync("/api/cycles/par-2020-06/groups");
        Assert.Contains("\"Sở, ban, ngành\"", body);
        Assert.DoesNotContain("\\u", body);
    }
}
