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

    public IEnumerable<RankGroup> GroupsAssessedBy(string unitCode) => Cycle.Groups.Where(g => g.AssessorCode == unitCode);

    /// <summary>Groups assessed by the unit or by any unit below it.</summary>
    public IEnumerable<RankGroup> GroupsAssessedWithin(string unitCode) =>
        Cycle.Groups.Where(g => g.AssessorCode == unitCode || IsBelow(g.AssessorCode, unitCode));

    private bool IsBelow(string code, string ancestor)
    {
        for (var p = ParentOf(code); p is not null; p = ParentOf(p))
            if (p == ancestor) return true;
        return false;
    }
}
