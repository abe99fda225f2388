namespace ParIndex.Grains.Abstractions;

/// <summary>
/// Base class of every grain. The host sets the key and the factory before
/// <see cref="OnActivateAsync"/>; a grain holds its state only in fields and persistent state.
/// </summary>
public abstract class Grain
{
    private string? _key;
    private IGrainFactory? _factory;

    public string GetPrimaryKeyString() => _key ?? throw new InvalidOperationException("The grain is not activated.");

    protected IGrainFactory GrainFactory => _factory ?? throw new InvalidOperationException("The grain is not activated.");

    /// <summary>Called by the host once, before the first call of an activation.</summary>
    public void Bind(string key, IGrainFactory factory)
    {
        if (_key is not null) throw new InvalidOperationException("A grain is bound once.");
        _key = key;
        _factory = factory;
    }

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
