using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>A unit this one was formed from; <see cref="Partial"/> when only part of it went in.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.Predecessor")]
public sealed record Predecessor(string Code, bool Partial = false)
{
    public override string ToString() => Partial ? $"{Code}:partial" : Code;
}

/// <summary>
/// A province, district, commune, department or office. Codes were reused by the 2025 reform,
/// so a unit is its code together with its validity period.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.AdministrativeUnit")]
public sealed record AdministrativeUnit
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    /// <summary>Depth: 0 national, 1 province, one more than the parent below that.</summary>
    public required int Level { get; init; }
    public string? ParentCode { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
    public IReadOnlyList<Predecessor> Predecessors { get; init; } = [];

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    /// <summary>True when the two validity periods share at least one day.</summary>
    public bool OverlapsValidityOf(AdministrativeUnit other) =>
        (ValidFrom ?? DateOnly.MinValue) <= (other.ValidTo ?? DateOnly.MaxValue) &&
        (other.ValidFrom ?? DateOnly.MinValue) <= (ValidTo ?? DateOnly.MaxValue);

    public string ValidityText =>
        $"{ValidFrom?.ToString("yyyy-MM-dd") ?? "…"} → {ValidTo?.ToString("yyyy-MM-dd") ?? "…"}";
}
