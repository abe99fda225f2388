namespace ParIndex.Bench.Generator;

/// <summary>
/// A small, fast, stable pseudo-random generator (SplitMix64): the same seed gives the same numbers on
/// every machine and runtime, unlike <see cref="Random"/>, whose seeded algorithm is not a promise.
/// </summary>
public sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix For(int seed, string key)
    {
        // FNV-1a of the key, mixed with the seed, so that every unit has its own stream whatever the order.
        var hash = 14695981039346656037UL;
        foreach (var c in key) { hash ^= c; hash *= 1099511628211UL; }
        return new SplitMix(hash ^ ((ulong)(uint)seed * 0x9E3779B97F4A7C15UL));
    }

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n).</summary>
    public int Next(int n) => (int)(NextDouble() * n);
}
