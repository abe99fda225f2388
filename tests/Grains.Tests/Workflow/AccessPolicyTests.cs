using ParIndex.Grains.Domain.Workflow;

namespace ParIndex.Grains.Tests.Workflow;

/// <summary>
/// The authorization matrix: every role × every permission × units in and out of its scope, against
/// the specification written out below as a table a reader can check line by line.
/// </summary>
public class AccessPolicyTests
{
    // Bắc Kạn in miniature: province 06; district 058 with communes A and B; district 060 with commune C; a department.
    private static readonly Dictionary<string, UnitContext> Units = new()
    {
        ["communeA"] = new("01834", ["058", "06"], "xa-058", "058"),
        ["communeB"] = new("01837", ["058", "06"], "xa-058", "058"),
        ["communeC"] = new("01840", ["060", "06"], "xa-060", "060"),
        ["district058"] = new("058", ["06"], "huyen", "06"),
        ["department"] = new("06-SNV", ["06"], "so", "06"),
    };

    private static readonly Dictionary<string, RoleGrant[]> People = new()
    {
        ["provinceAdmin"] = [new(Role.ProvinceAdmin, "06")],
        ["districtAdmin058"] = [new(Role.DistrictAdmin, "058")],
        ["appraiserXa058"] = [new(Role.Appraiser, "058", new HashSet<string> { "xa-058" })],
        ["editorA"] = [new(Role.UnitEditor, "01834")],
        ["viewer058"] = [new(Role.Viewer, "058")],
        ["systemAdmin"] = [new(Role.SystemAdmin, "06")],
        ["anonymous"] = [],
    };

    /// <summary>Who may do what, as the issue specifies it: person → permission → the units allowed.</summary>
    private static readonly Dictionary<string, Dictionary<Permission, string[]>> Allowed = new()
    {
        ["provinceAdmin"] = Every(Units.Keys.ToArray()),
        ["districtAdmin058"] = new()
        {
            [Permission.ReadScorecard] = ["communeA", "communeB"],
            [Permission.Appraise] = ["communeA", "communeB"],
            [Permission.Publish] = ["communeA", "communeB"], // never district 060's communes, never its own result
            [Permission.Adjust] = ["communeA", "communeB"],
            [Permission.RunSurvey] = ["communeA", "communeB"], // surveys what it assesses, as it publishes
        },
        ["appraiserXa058"] = new()
        {
            [Permission.ReadScorecard] = ["communeA", "communeB"],
            [Permission.Appraise] = ["communeA", "communeB"],
        },
        ["editorA"] = new()
        {
            [Permission.ReadScorecard] = ["communeA"], // commune A never reads commune B's draft
            [Permission.EnterSelfScores] = ["communeA"],
        },
        ["viewer058"] = new() { [Permission.ReadScorecard] = ["communeA", "communeB", "district058"] },
        ["systemAdmin"] = new(), // runs the installation: no right over any unit, even in its province
        ["anonymous"] = new(),
    };

    private static Dictionary<Permission, string[]> Every(string[] units) =>
        Enum.GetValues<Permission>().ToDictionary(p => p, _ => units);

    public static TheoryData<string, Permission, string> Matrix()
    {
        var data = new TheoryData<string, Permission, string>();
        foreach (var person in People.Keys)
            foreach (var permission in Enum.GetValues<Permission>())
                foreach (var unit in Units.Keys)
                    data.Add(person, permission, unit);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_role_may_do_exactly_what_is_specified_in_and_out_of_scope(string person, Permission permission, string unit)
    {
        var expected = permission == Permission.ReadPublished // published results are public, to everyone
            || (Allowed[person].TryGetValue(permission, out var units) && units.Contains(unit));
        Assert.Equal(expected, AccessPolicy.Can(People[person], permission, Units[unit]));
    }

    [Fact]
    public void Only_a_province_administrator_over_the_assessor_opens_a_cycle()
    {
        var province = new UnitContext("06", [], "", "");
        var district = Units["district058"];
        Assert.True(AccessPolicy.Can(People["provinceAdmin"], Permission.ManageCycle, province));
        Assert.True(AccessPolicy.Can(People["provinceAdmin"], Permission.ManageCycle, district));
        Assert.False(AccessPolicy.Can([new(Role.ProvinceAdmin, "19")], Permission.ManageCycle, province)); // another province
        Assert.False(AccessPolicy.Can(People["districtAdmin058"], Permission.ManageCycle, district)); // a district never sets the deadline, not even its own
        Assert.False(AccessPolicy.Can(People["districtAdmin058"], Permission.ManageCycle, Units["communeA"]));
        Assert.False(AccessPolicy.Can(People["viewer058"], Permission.ManageCycle, district));
    }

    [Fact]
    public void Only_the_installations_administrator_operates_it()
    {
        Assert.True(AccessPolicy.CanOperate(People["systemAdmin"]));
        Assert.True(AccessPolicy.CanOperate([new(Role.Viewer, "06"), new(Role.SystemAdmin, "06")]));
        foreach (var person in People.Keys.Where(p => p != "systemAdmin"))
            Assert.False(AccessPolicy.CanOperate(People[person]), person);
    }

    [Fact]
    public void Several_grants_add_up()
    {
        RoleGrant[] grants = [new(Role.UnitEditor, "01834"), new(Role.Viewer, "060")];
        Assert.True(AccessPolicy.Can(grants, Permission.EnterSelfScores, Units["communeA"]));
        Assert.True(AccessPolicy.Can(grants, Permission.ReadScorecard, Units["communeC"]));
        Assert.False(AccessPolicy.Can(grants, Permission.EnterSelfScores, Units["communeC"]));
    }
}
