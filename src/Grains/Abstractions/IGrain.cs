namespace ParIndex.Grains.Abstractions;

/// <summary>Marker for a grain interface, as in Orleans: every method returns Task or Task&lt;T&gt;.</summary>
public interface IGrain;

/// <summary>A grain addressed by a string key (e.g. "par-2020-06/06-SNV").</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>Gives a reference to a grain; the grain is activated on its first call.</summary>
public interface IGrainFactory
{
    TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey;
}
