using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>Which units a group ranks: a list, or every unit at a level under a parent.</summary>
[GenerateSerializer, Immutable, Alias("ParIndex.GroupMembers")]
public abstract record GroupMembers
{
    public abstract IReadOnlyList<AdministrativeUnit> Resolve(UnitDirectory units, DateOnly on);
}

/// <summary>An explicit list of unit codes.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.UnitList")]
public sealed record UnitList(IReadOnlyList<string> Codes) : GroupMembers
{
    public override IReadOnlyList<AdministrativeUnit> Resolve(UnitDirectory units, DateOnly on)
    {
        var missing = Codes.Where(c => units.Find(c, on) is null).ToList();
        if (missing.Count > 0)
            throw new DomainException($"Không có đơn vị có hiệu lực ngày {on:yyyy-MM-dd} với mã: {string.Join(", ", missing)}.");
        return Codes.Distinct().Select(c => units.Resolve(c, on)).ToList();
    }
}

/// <summary>
/// Every unit at <see cref="Level"/> under <see cref="Parent"/>; <see cref="Types"/>, when given,
/// keeps only those types (communes and district offices are both level 3 under a district).
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.UnitSelector")]
public sealed record UnitSelector(string Parent, int Level, IReadOnlyList<string>? Types = null) : GroupMembers
{
    public override IReadOnlyList<AdministrativeUnit> Resolve(UnitDirectory units, DateOnly on) =>
        units.DescendantsOf(Parent, on)
            .Where(u => u.Level == Level && (Types is null || Types.Count == 0 || Types.Contains(u.Type, StringComparer.OrdinalIgnoreCase)))
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
}

/// <summary>What breaks an exact tie of indices, applied in order (highest value first).</summary>
[GenerateSerializer, Immutable, Alias("ParIndex.TieBreaker")]
public abstract record TieBreaker
{
    public static readonly TieBreaker AppraisalSubtotal = new SubtotalTieBreaker(ItemSource.Appraisal);
    public static readonly TieBreaker SurveySubtotal = new SubtotalTieBreaker(ItemSource.Survey);

    public abstract decimal ValueOf(UnitResult result);

    /// <summary>Reads "appraisal", "survey" or a field code, as cycle.json writes them.</summary>
    public static TieBreaker Parse(string text) => text switch
    {
        "appraisal" => AppraisalSubtotal,
        "survey" => SurveySubtotal,
        _ => new FieldTieBreaker(text),
    };
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.SubtotalTieBreaker")]
public sealed record SubtotalTieBreaker(ItemSource Source) : TieBreaker
{
    public override decimal ValueOf(UnitResult result) => Source switch
    {
        ItemSource.Appraisal => result.AppraisalSubtotal,
        ItemSource.Survey => result.SurveySubtotal,
        _ => throw new InvalidOperationException("Only appraisal and survey subtotals break ties."),
    };

    public override string ToString() => Source == ItemSource.Appraisal ? "appraisal" : "survey";
}

/// <summary>A field's obtained points.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.FieldTieBreaker")]
public sealed record FieldTieBreaker(string FieldCode) : TieBreaker
{
    public override decimal ValueOf(UnitResult result) =>
        result.Field(FieldCode)?.Obtained ?? 0m;

    public override string ToString() => FieldCode;
}

/// <summary>
/// A set of units ranked together by one assessor in one cycle, with one framework and its own
/// classification bands, tie-breakers and display precision.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.RankGroup")]
public sealed record RankGroup
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    /// <summary>The unit that assesses and ranks (the province, or a district).</summary>
    public required string AssessorCode { get; init; }
    public required string FrameworkCode { get; init; }
    public required GroupMembers Members { get; init; }
    public ClassificationBands Bands { get; init; } = ClassificationBands.Default;
    public IReadOnlyList<TieBreaker> TieBreakers { get; init; } = [];
    /// <summary>Decimals of the displayed index: 2 by default, 3 in some provinces.</summary>
    public int DisplayDecimals { get; init; } = 2;
    /// <summary>Units scored but not ranked (the national method does this for two ministries).</summary>
    public IReadOnlySet<string> NotRanked { get; init; } = new HashSet<string>();
    /// <summary>Whether bonus points may lift the index past 100.</summary>
    public bool AllowOver100 { get; init; }

    public ScoringSettings Scoring => new(DisplayDecimals, AllowOver100, Bands);

    /// <summary>Problems with the group against its framework; empty when it is sound.</summary>
    public IEnumerable<string> Check(Framework framework)
    {
        if (string.IsNullOrWhiteSpace(Code)) yield return "Nhóm xếp hạng không có mã.";
        if (DisplayDecimals is < 0 or > 6) yield return $"Nhóm {Code}: số chữ số thập phân hiển thị {DisplayDecimals} không hợp lệ (0–6).";
        if (framework.Code != FrameworkCode) yield return $"Nhóm {Code}: dùng bộ tiêu chí {FrameworkCode}, không phải {framework.Code}.";
        foreach (var field in TieBreakers.OfType<FieldTieBreaker>().Where(t => framework.FindField(t.FieldCode) is null))
            yield return $"Nhóm {Code}: tiêu chí phụ xếp hạng \"{field.FieldCode}\" không phải \"appraisal\", \"survey\" hay mã lĩnh vực của bộ tiêu chí {framework.Code}.";
    }
}

/// <summary>What scoring needs to know of a group.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ScoringSettings")]
public sealed record ScoringSettings(int DisplayDecimals, bool AllowOver100, ClassificationBands Bands)
{
    public static readonly ScoringSettings Default = new(2, false, ClassificationBands.Default);
}
