using Orleans;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Contracts;

// The domain's classes that build lookups from their parts (a framework's items by code, a directory's units by
// parent) cross grain calls as those parts and are rebuilt by the same factory that checked them the first time.
// Orleans finds these converters by [RegisterConverter]; the domain itself calls nothing of Orleans.

[GenerateSerializer, Immutable, Alias("ParIndex.FrameworkSurrogate")]
public readonly record struct FrameworkSurrogate(string Code, string Title, IReadOnlyList<Field> Fields);

[RegisterConverter]
public sealed class FrameworkConverter : IConverter<Framework, FrameworkSurrogate>
{
    public Framework ConvertFromSurrogate(in FrameworkSurrogate surrogate) => Framework.Create(surrogate.Code, surrogate.Title, surrogate.Fields);
    public FrameworkSurrogate ConvertToSurrogate(in Framework value) => new(value.Code, value.Title, value.Fields);
}

[GenerateSerializer, Immutable, Alias("ParIndex.ClassificationBandsSurrogate")]
public readonly record struct ClassificationBandsSurrogate(IReadOnlyList<ClassificationBand> Bands);

[RegisterConverter]
public sealed class ClassificationBandsConverter : IConverter<ClassificationBands, ClassificationBandsSurrogate>
{
    public ClassificationBands ConvertFromSurrogate(in ClassificationBandsSurrogate surrogate) => ClassificationBands.Create(surrogate.Bands);
    public ClassificationBandsSurrogate ConvertToSurrogate(in ClassificationBands value) => new(value.Bands);
}

[GenerateSerializer, Immutable, Alias("ParIndex.UnitDirectorySurrogate")]
public readonly record struct UnitDirectorySurrogate(IReadOnlyList<AdministrativeUnit> Units);

[RegisterConverter]
public sealed class UnitDirectoryConverter : IConverter<UnitDirectory, UnitDirectorySurrogate>
{
    public UnitDirectory ConvertFromSurrogate(in UnitDirectorySurrogate surrogate) => new(surrogate.Units);
    public UnitDirectorySurrogate ConvertToSurrogate(in UnitDirectory value) => new(value.All.ToList());
}

[GenerateSerializer, Immutable, Alias("ParIndex.CycleDefinitionSurrogate")]
public readonly record struct CycleDefinitionSurrogate(
    Cycle Cycle, UnitDirectory Units, IReadOnlyDictionary<string, IReadOnlyList<AdministrativeUnit>> Members, CycleStatus Status);

[RegisterConverter]
public sealed class CycleDefinitionConverter : IConverter<CycleDefinition, CycleDefinitionSurrogate>
{
    public CycleDefinition ConvertFromSurrogate(in CycleDefinitionSurrogate surrogate) =>
        new(surrogate.Cycle, surrogate.Units, surrogate.Members, surrogate.Status);
    public CycleDefinitionSurrogate ConvertToSurrogate(in CycleDefinition value) => new(value.Cycle, value.Units, value.Members, value.Status);
}
