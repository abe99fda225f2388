using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Tests.Survey;

namespace ParIndex.Grains.Tests.Contracts;

public class CycleDefinitionTests
{
    /// <summary>A province assessing its departments and districts, a district assessing its communes, a commune below it.</summary>
    private static CycleDefinition Definition()
    {
        var units = SurveyCycles.Units();
        // A commune merged from two earlier ones: year over year reads their standings too.
        units.Add(new AdministrativeUnit { Code = "06-X1", Name = "Xã Một", Type = "Xã", Level = 3, ParentCode = "06-H1", Predecessors = [new("06-X0"), new("06-X9", Partial: true)] });
        var cycle = SurveyCycles.Cycle(SurveyCycles.P02) with
        {
            Groups =
            [
                SurveyCycles.Group("xa", "06-X1") with { AssessorCode = "06-H1" },
                SurveyCycles.Group("so", "06-SNV", "06-SCT"),
                SurveyCycles.Group("huyen", "06-H1"),
            ],
        };
        return new CycleDefinition(cycle, units, cycle.Resolve(units));
    }

    [Fact]
    public void A_unit_has_within_it_the_groups_it_assesses_and_those_its_units_below_assess_in_the_cycles_order()
    {
        var definition = Definition();
        Assert.Equal(["xa", "so", "huyen"], definition.GroupsAssessedWithin("06").Select(g => g.Code));
        Assert.Equal(["xa"], definition.GroupsAssessedWithin("06-H1").Select(g => g.Code));
        Assert.Empty(definition.GroupsAssessedWithin("06-X1")); // assessed, assesses nothing
        Assert.Empty(definition.GroupsAssessedWithin("99")); // no such unit
    }

    [Fact]
    public void A_group_needs_the_previous_standings_of_its_members_and_of_their_predecessors_only()
    {
        var definition = Definition();
        Assert.Equal(["06-X0", "06-X1", "06-X9"], definition.StandingsNeededBy("xa").Order(StringComparer.Ordinal));
        Assert.Equal(["06-SCT", "06-SNV"], definition.StandingsNeededBy("so").Order(StringComparer.Ordinal));
    }
}
