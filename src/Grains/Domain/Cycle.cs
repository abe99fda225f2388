using Orleans;
using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Grains.Domain;

/// <summary>Where a cycle stands (docs/rules.md, the workflow at the cycle's level).</summary>
[GenerateSerializer, Alias("ParIndex.CycleStatus")]
public enum CycleStatus { Open, Computed, Published }

/// <summary>
/// One assessment cycle: its frameworks and rank groups, and the cycles year-over-year compares with.
/// Unit codes resolve to the unit valid on <see cref="ReferenceDate"/> (31 December of the year by default).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Cycle")]
public sealed record Cycle
{
    public required string Id { get; init; }
    public required int Year { get; init; }
    public string Kind { get; init; } = "PAR";
    public required string Title { get; init; }
    public DateOnly? ExplicitReferenceDate { get; init; }
    /// <summary>After this day units enter nothing, unless granted an exception (optional).</summary>
    public DateOnly? SelfAssessmentDeadline { get; init; }
    public IReadOnlyList<string> PreviousCycles { get; init; } = [];
    public required IReadOnlyList<Framework> Frameworks { get; init; }
    public required IReadOnlyList<RankGroup> Groups { get; init; }
    /// <summary>The survey's questionnaires (điều tra xã hội học), each about one group's units.</summary>
    public IReadOnlyList<Questionnaire> Questionnaires { get; init; } = [];

    public DateOnly ReferenceDate => ExplicitReferenceDate ?? new DateOnly(Year, 12, 31);

    public RankGroup? FindGroup(string code) => Groups.FirstOrDefault(g => g.Code == code);

    public Questionnaire? FindQuestionnaire(string code) => Questionnaires.FirstOrDefault(q => q.Code == code);

    public Framework FrameworkOf(RankGroup group) => Frameworks.First(f => f.Code == group.FrameworkCode);

    /// <summary>
    /// Checks the cycle against the unit directory: frameworks exist, groups resolve to units valid on
    /// the reference date, and no unit is in two groups (a unit has one scorecard per cycle).
    /// Returns the members of each group.
    /// </summary>
    /// <exception cref="DomainValidationException">Every problem found, each naming the group or code.</exception>
    public IReadOnlyDictionary<string, IReadOnlyList<AdministrativeUnit>> Resolve(UnitDirectory units)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Id)) errors.Add("Kỳ đánh giá không có mã (id).");
        if (Year is < 1990 or > 2100) errors.Add($"Năm {Year} không hợp lệ.");
        foreach (var dup in Frameworks.GroupBy(f => f.Code).Where(g => g.Count() > 1)) errors.Add($"Mã bộ tiêu chí {dup.Key} bị trùng.");
        foreach (var dup in Groups.GroupBy(g => g.Code).Where(g => g.Count() > 1)) errors.Add($"Mã nhóm xếp hạng {dup.Key} bị trùng.");

        var members = new Dictionary<string, IReadOnlyList<AdministrativeUnit>>();
        var groupOfUnit = new Dictionary<string, string>();
        foreach (var group in Groups)
        {
            var framework = Frameworks.FirstOrDefault(f => f.Code == group.FrameworkCode);
            if (framework is null) { errors.Add($"Nhóm {group.Code}: không có bộ tiêu chí {group.FrameworkCode}."); continue; }
            errors.AddRange(group.Check(framework));
            if (units.Find(group.AssessorCode, ReferenceDate) is null)
                errors.Add($"Nhóm {group.Code}: đơn vị đánh giá {group.AssessorCode} không có hiệu lực ngày {ReferenceDate:yyyy-MM-dd}.");
            try
            {
                var resolved = group.Members.Resolve(units, ReferenceDate);
                if (resolved.Count == 0) errors.Add($"Nhóm {group.Code}: không có đơn vị nào.");
                foreach (var unit in resolved)
                {
                    if (groupOfUnit.TryGetValue(unit.Code, out var other)) errors.Add($"Đơn vị {unit.Code} thuộc cả nhóm {other} và nhóm {group.Code}.");
                    else groupOfUnit[unit.Code] = group.Code;
                }
                foreach (var code in group.NotRanked.Where(c => resolved.All(u => u.Code != c)))
                    errors.Add($"Nhóm {group.Code}: đơn vị không xếp hạng {code} không thuộc nhóm.");
                members[group.Code] = resolved;
            }
            catch (DomainException e)
            {
                errors.Add($"Nhóm {group.Code}: {e.Message}");
            }
        }
        foreach (var dup in Questionnaires.GroupBy(q => q.Code).Where(g => g.Count() > 1)) errors.Add($"Mã phiếu điều tra {dup.Key} bị trùng.");
        foreach (var questionnaire in Questionnaires) errors.AddRange(questionnaire.Check(this));
        if (errors.Count > 0) throw new DomainValidationException($"Kỳ đánh giá {Id} không hợp lệ:", errors);
        return members;
    }
}
