using Orleans;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Contracts;

/// <summary>
/// A cycle as the grains use it: the domain cycle, the units valid on its reference date, each
/// group's members, and for every member its group. Immutable once built.
/// </summary>
// Orleans hands it around uncopied; it crosses silos through its surrogate (Contracts/Surrogates.cs).
[Immutable]
public sealed class CycleDefinition
{
    private readonly Dictionary<string, RankGroup> _groupOfUnit = new(StringComparer.Ordinal);

    public CycleDefinition(Cycle cycle, UnitDirectory units, IReadOnlyDictionary<string, IReadOnlyList<AdministrativeUnit>> members, CycleStatus status = CycleStatus.Open)
    {
        Cycle = cycle;
        Units = units;
        Members = members;
        Status = status;
        foreach (var group in cycle.Groups)
            foreach (var unit in members.GetValueOrDefault(group.Code) ?? [])
                _groupOfUnit[unit.Code] = group;
    }

    public Cycle Cycle { get; }
    public UnitDirectory Units { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<AdministrativeUnit>> Members { get; }
    public CycleStatus Status { get; }

    public RankGroup? GroupOf(string unitCode) => _groupOfUnit.GetValueOrDefault(unitCode);

    public Framework FrameworkOf(string unitCode) =>
        Cycle.FrameworkOf(GroupOf(unitCode) ?? throw new DomainException($"Đơn vị {unitCode} không thuộc nhóm xếp hạng nào của kỳ {Cycle.Id}."));

    public AdministrativeUnit? Unit(string code) => Units.Find(code, Cycle.ReferenceDate);

    public string NameOf(string code) => Unit(code)?.Name ?? code;

    /// <summary>The unit above, on the cycle's reference date (null at the top).</summary>
    public string? ParentOf(string code) => Unit(code)?.ParentCode is { } parent && Unit(parent) is not null ? parent : null;

    /// <summary>
    /// The units whose previous standings a group's year over year reads: its members and, for a merged unit, its
    /// predecessors (rule of year over year); a group never needs the rest of a previous cycle.
    /// </summary>
    public IReadOnlySet<string> StandingsNeededBy(string groupCode) =>
        Members[groupCode].SelectMany(m => m.Predecessors.Select(p => p.Code).Prepend(m.Code)).ToHashSet(StringComparer.Ordinal);

    public IEnumerable<RankGroup> GroupsAssessedBy(string unitCode) => Cycle.Groups.Where(g => g.AssessorCode == unitCode);

    /// <summary>The units whose roll-ups count a group: its assessor, then every unit above it up to the top.</summary>
    public IReadOnlyList<string> RollUpsOf(RankGroup group)
    {
        var units = new List<string>();
        for (string? unit = group.AssessorCode; unit is not null; unit = ParentOf(unit)) units.Add(unit);
        return units;
    }

    /// <summary>Groups assessed by the unit or by any unit below it, in the cycle's order.</summary>
    public IReadOnlyList<RankGroup> GroupsAssessedWithin(string unitCode) =>
        LazyInitializer.EnsureInitialized(ref _groupsWithin, IndexGroupsWithin).GetValueOrDefault(unitCode) ?? [];

    // Built on first use: every roll-up asks on activation, and walking each group's ancestors per question was
    // 1.2 M walks for the country's 770 roll-ups.
    private Dictionary<string, List<RankGroup>>? _groupsWithin;

    private Dictionary<string, List<RankGroup>> IndexGroupsWithin()
    {
        var within = new Dictionary<string, List<RankGroup>>(StringComparer.Ordinal);
        foreach (var group in Cycle.Groups)
            foreach (var unit in RollUpsOf(group))
            {
                if (!within.TryGetValue(unit, out var groups)) within[unit] = groups = [];
                groups.Add(group);
            }
        return within;
    }
}
