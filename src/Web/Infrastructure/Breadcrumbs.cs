using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Infrastructure;

/// <summary>Breadcrumbs that drill down province → group or district → unit → field → criterion → item.</summary>
public static class Breadcrumbs
{
    public static List<Crumb> Cycle(CycleDefinition cycle) =>
        [new("Trang chủ", Links.Home), new(cycle.Cycle.Title, Links.Cycle(cycle.Cycle.Id))];

    /// <summary>A group: through its assessor's district page when a district assesses it.</summary>
    public static List<Crumb> Group(CycleDefinition cycle, RankGroup group)
    {
        var crumbs = Cycle(cycle);
        if (IsDistrict(cycle, group.AssessorCode)) crumbs.Add(new(cycle.NameOf(group.AssessorCode), Links.District(cycle.Cycle.Id, group.AssessorCode)));
        crumbs.Add(new(group.Name, Links.Group(cycle.Cycle.Id, group.Code)));
        return crumbs;
    }

    public static List<Crumb> District(CycleDefinition cycle, string district)
    {
        var crumbs = Cycle(cycle);
        crumbs.Add(new(cycle.NameOf(district), Links.District(cycle.Cycle.Id, district)));
        return crumbs;
    }

    public static List<Crumb> Unit(CycleDefinition cycle, string unit)
    {
        var group = cycle.GroupOf(unit);
        var crumbs = group is null ? Cycle(cycle) : Group(cycle, group);
        crumbs.Add(new(cycle.NameOf(unit), Links.Unit(cycle.Cycle.Id, unit)));
        return crumbs;
    }

    public static List<Crumb> Field(CycleDefinition cycle, string unit, Field field)
    {
        var crumbs = Unit(cycle, unit);
        crumbs.Add(new($"Lĩnh vực {field.Code}. {field.Title}", Links.Field(cycle.Cycle.Id, unit, field.Code)));
        return crumbs;
    }

    public static List<Crumb> Criterion(CycleDefinition cycle, string unit, Field field, Criterion criterion)
    {
        var crumbs = Field(cycle, unit, field);
        crumbs.Add(new($"Tiêu chí {criterion.Code}", Links.Criterion(cycle.Cycle.Id, unit, criterion.Code)));
        return crumbs;
    }

    public static List<Crumb> Item(CycleDefinition cycle, string unit, Field field, Criterion criterion, Item item)
    {
        var crumbs = Criterion(cycle, unit, field, criterion);
        if (item.Code != criterion.Code) crumbs.Add(new($"Tiêu chí thành phần {item.Code}", Links.Item(cycle.Cycle.Id, unit, item.Code)));
        return crumbs;
    }

    /// <summary>A unit that assesses groups and is not the top of the cycle (a district, in a three-level province).</summary>
    public static bool IsDistrict(CycleDefinition cycle, string unit) =>
        cycle.ParentOf(unit) is not null && cycle.GroupsAssessedBy(unit).Any();

    /// <summary>A district's pages answer 404 for any other code.</summary>
    /// <exception cref="NotFoundException">The unit is no district of the cycle.</exception>
    public static void EnsureDistrict(CycleDefinition cycle, string unit)
    {
        if (!IsDistrict(cycle, unit)) throw new NotFoundException($"Kỳ {cycle.Cycle.Id} không có huyện, thành phố mã \"{unit}\".");
    }
}
