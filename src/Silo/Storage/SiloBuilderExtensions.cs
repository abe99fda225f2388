using Orleans.Hosting;
using Orleans.Runtime.Hosting;

namespace ParIndex.Silo.Storage;

/// <summary>What a silo of ParIndex needs from Orleans, in one place.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Our grain storage, named <see cref="ParIndexGrainStorage.Name"/>, over the stores of AddParIndexSilo.</summary>
    public static ISiloBuilder AddParIndexGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.AddGrainStorage(ParIndexGrainStorage.Name, (sp, _) => new ParIndexGrainStorage(sp));
        return silo;
    }
}
