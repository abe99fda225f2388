using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>One class of a group: units whose displayed index is at least <see cref="Min"/>.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties), Immutable, Alias("ParIndex.ClassificationBand")]
public sealed record ClassificationBand(string Label, decimal Min);

/// <summary>
/// A group's ordered bands with its own labels ("Xuất sắc / Tốt / …", "Nhóm A / B / C").
/// Applied to the displayed index, so what people read agrees with the class.
/// </summary>
// Orleans hands it around uncopied; it crosses silos through its surrogate (Contracts/Surrogates.cs).
[Immutable]
public sealed class ClassificationBands
{
    public static readonly ClassificationBands Default = Create(
    [
        new("Xuất sắc", 90m), new("Tốt", 80m), new("Khá", 70m), new("Trung bình", 50m), new("Yếu", 0m),
    ]);

    private ClassificationBands(IReadOnlyList<ClassificationBand> bands) => Bands = bands;

    /// <summary>Highest band first.</summary>
    public IReadOnlyList<ClassificationBand> Bands { get; }

    public static ClassificationBands Create(IEnumerable<ClassificationBand> bands)
    {
        var ordered = bands.OrderByDescending(b => b.Min).ToList();
        var errors = new List<string>();
        if (ordered.Count == 0) errors.Add("Chưa có mức xếp loại nào.");
        foreach (var band in ordered)
        {
            if (string.IsNullOrWhiteSpace(band.Label)) errors.Add($"Mức xếp loại từ {band.Min} không có tên.");
            if (band.Min < 0) errors.Add($"Mức xếp loại \"{band.Label}\" có ngưỡng {band.Min} âm.");
        }
        foreach (var dup in ordered.GroupBy(b => b.Label).Where(g => g.Count() > 1))
            errors.Add($"Tên mức xếp loại \"{dup.Key}\" bị trùng.");
        foreach (var dup in ordered.GroupBy(b => b.Min).Where(g => g.Count() > 1))
            errors.Add($"Hai mức xếp loại cùng ngưỡng {dup.Key}: {string.Join(", ", dup.Select(b => b.Label))}.");
        if (errors.Count > 0) throw new DomainValidationException("Các mức xếp loại không hợp lệ:", errors);
        return new ClassificationBands(ordered);
    }

    /// <summary>The label of the highest band the displayed index reaches; null below every band.</summary>
    public string? Classify(decimal displayedIndex) =>
        Bands.FirstOrDefault(b => displayedIndex >= b.Min)?.Label;
}
