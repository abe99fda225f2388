using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Queries;

namespace ParIndex.Web.Pages.Units;

/// <summary>A unit's result with its cycle, group and framework: what the unit page and its drill-downs read.</summary>
public sealed class UnitPageData
{
    private UnitPageData(CycleDefinition cycle, RankGroup group, Framework framework, UnitDetails details)
    {
        Cycle = cycle;
        Group = group;
        Framework = framework;
        Details = details;
        _fields = details.Fields.ToDictionary(f => f.Code, StringComparer.Ordinal);
        _criteria = details.Criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        _items = details.Items.ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    private readonly Dictionary<string, ComponentIndex> _fields;
    private readonly Dictionary<string, ComponentIndex> _criteria;
    private readonly Dictionary<string, ItemDetail> _items;

    public CycleDefinition Cycle { get; }
    public RankGroup Group { get; }
    public Framework Framework { get; }
    public UnitDetails Details { get; }
    public ResultLine Result => Details.Result;
    public string CycleId => Cycle.Cycle.Id;
    public string UnitCode => Result.UnitCode;
    public string UnitName => Cycle.NameOf(UnitCode);
    /// <summary>How many units the group ranks together (the N of "rank r of N").</summary>
    public int GroupSize => Cycle.Members.GetValueOrDefault(Group.Code)?.Count ?? 0;

    /// <exception cref="NotFoundException">Unknown cycle, or a unit the cycle does not assess.</exception>
    public static async Task<UnitPageData> LoadAsync(ParIndexReader reader, string cycleId, string unitCode)
    {
        var details = await UnitDetails.ReadAsync(reader, cycleId, unitCode);
        var cycle = await reader.CycleAsync(cycleId);
        var group = cycle.GroupOf(unitCode)!;
        return new UnitPageData(cycle, group, cycle.Cycle.FrameworkOf(group), details);
    }

    public ComponentIndex FieldIndex(string code) => _fields[code];
    public ComponentIndex CriterionIndex(string code) => _criteria[code];
    public ItemDetail ItemOf(string code) => _items[code];

    public Field GetField(string code) =>
        Framework.FindField(code) ?? throw new NotFoundException($"Bộ tiêu chí {Framework.Code} không có lĩnh vực \"{code}\".");

    public (Field Field, Criterion Criterion) GetCriterion(string code) =>
        Framework.Fields.SelectMany(f => f.Criteria.Select(c => (f, c))).FirstOrDefault(x => x.c.Code == code) is ({ } field, { } criterion)
            ? (field, criterion)
            : throw new NotFoundException($"Bộ tiêu chí {Framework.Code} không có tiêu chí \"{code}\".");

    public (Field Field, Criterion Criterion, Item Item) GetItem(string code) =>
        Framework.FindItem(code) is { } item
            ? (Framework.FieldOf(code), Framework.CriterionOf(code), item)
            : throw new NotFoundException($"Bộ tiêu chí {Framework.Code} không có tiêu chí thành phần \"{code}\".");
}
