using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Abstractions;

namespace ParIndex.Silo.Hosting;

/// <summary>
/// The object a caller holds for a grain. Every interface method call becomes a <see cref="GrainCall"/>
/// queued in the activation's mailbox; the caller gets the call's task back at once.
/// </summary>
internal class GrainReference : DispatchProxy
{
    private GrainHost _host = null!;
    private GrainId _id;

    internal void Initialize(GrainHost host, GrainId id)
    {
        _host = host;
        _id = id;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var call = _id.Type.GetMethod(targetMethod).CreateCall(args ?? []);
        try
        {
            _host.Dispatch(_id, call);
        }
        catch (Exception e)
        {
            // A grain method reports failure through its task, never by throwing at the call site.
            call.Fail(e);
        }
        return call.Task;
    }

    // References compare by identity, as in Orleans, so they can be dictionary keys or logged.
    public override bool Equals(object? obj) => obj is GrainReference other && other._id == _id && ReferenceEquals(other._host, _host);
    public override int GetHashCode() => _id.GetHashCode();
    public override string ToString() => _id.ToString();
}

/// <summary>Identity of an activation: grain interface and key.</summary>
internal readonly record struct GrainId(GrainType Type, string Key)
{
    public override string ToString() => $"{Type.Name}/{Key}";
}

/// <summary>A registered grain interface: its name, how to create its grain class, and its methods.</summary>
internal sealed class GrainType
{
    private readonly ConcurrentDictionary<MethodInfo, GrainMethod> _methods = new();

    public GrainType(Type @interface, Type grainClass)
    {
        if (!@interface.IsInterface) throw new ArgumentException($"{@interface.Name} is not an interface.", nameof(@interface));
        Interface = @interface;
        Name = @interface.Name;
        // CreateFactory is ActivatorUtilities.CreateInstance with the constructor lookup done once.
        CreateGrain = ActivatorUtilities.CreateFactory(grainClass, Type.EmptyTypes);
        // Build every method now: an unsupported signature fails at startup, not on the first call.
        foreach (var method in new[] { @interface }.Concat(@interface.GetInterfaces()).SelectMany(i => i.GetMethods()))
            _methods[method] = new GrainMethod(this, method);
    }

    public Type Interface { get; }
    public string Name { get; }
    public ObjectFactory CreateGrain { get; }

    public GrainMethod GetMethod(MethodInfo method) =>
        _methods.GetOrAdd(method, static (m, type) => new GrainMethod(type, m), this);
}

/// <summary>One grain interface method, with its invoker compiled once.</summary>
internal sealed class GrainMethod
{
    private static readonly MethodInfo CreateCallOfT =
        typeof(GrainMethod).GetMethod(nameof(CreateCallOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<GrainMethod, object?[], GrainCall> _createCall;

    public GrainMethod(GrainType type, MethodInfo method)
    {
        var returnType = method.ReturnType;
        var isTaskOfT = returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>);
        if (returnType != typeof(Task) && !isTaskOfT)
            throw new NotSupportedException($"{type.Name}.{method.Name} must return Task or Task<T>, as every grain method does.");
        if (method.IsGenericMethodDefinition || method.GetParameters().Any(p => p.ParameterType.IsByRef))
            throw new NotSupportedException($"{type.Name}.{method.Name}: grain methods cannot be generic or take ref/out parameters.");

        GrainTypeName = type.Name;
        Name = method.Name;
        ActivityName = $"{type.Name}/{method.Name}";
        Invoke = CompileInvoker(method);
        // Task<T> needs a TaskCompletionSource<T>; the generic factory is resolved once here, not per call.
        // A plain Task method completes a Task<object?>, which is a Task.
        var resultType = isTaskOfT ? returnType.GetGenericArguments()[0] : typeof(object);
        _createCall = CreateCallOfT.MakeGenericMethod(resultType).CreateDelegate<Func<GrainMethod, object?[], GrainCall>>();
    }

    public string GrainTypeName { get; }
    public string Name { get; }
    public string ActivityName { get; }

    /// <summary>Calls the method on a grain instance: <c>(grain, args) => ((IFoo)grain).Bar((int)args[0])</c>.</summary>
    public Func<object, object?[], Task> Invoke { get; }

    public GrainCall CreateCall(object?[] arguments) => _createCall(this, arguments);

    private static GrainCall<T> CreateCallOf<T>(GrainMethod method, object?[] arguments) => new(method, arguments);

    // A compiled delegate instead of MethodInfo.Invoke: no reflection per call, and an exception thrown
    // synchronously by the grain reaches the caller as itself, not wrapped in TargetInvocationException.
    private static Func<object, object?[], Task> CompileInvoker(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters().Select((p, i) =>
            (Expression)Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), p.ParameterType));
        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, parameters);
        return Expression.Lambda<Func<object, object?[], Task>>(call, grain, args).Compile();
    }
}

/// <summary>A call waiting in, or running from, an activation's mailbox.</summary>
internal abstract class GrainCall(GrainMethod method, object?[] arguments)
{
    public GrainMethod Method { get; } = method;
    public object?[] Arguments { get; } = arguments;

    /// <summary>The caller's span, so that a grain's span nests under the span of whoever called it.</summary>
    public ActivityContext Parent { get; } = Activity.Current?.Context ?? default;

    /// <summary>What the caller awaits.</summary>
    public abstract Task Task { get; }

    /// <summary>Passes the outcome of the grain's (finished) task to the caller.</summary>
    public abstract void Complete(Task finished);

    public abstract void Fail(Exception error);
}

internal sealed class GrainCall<T>(GrainMethod method, object?[] arguments) : GrainCall(method, arguments)
{
    // Asynchronous continuations: the caller's code must never run inside the mailbox loop.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Task Task => _completion.Task;

    public override void Complete(Task finished)
    {
        if (finished.IsFaulted) _completion.SetException(finished.Exception!.InnerExceptions);
        else if (finished.IsCanceled) _completion.SetCanceled();
        // A Task method's task is not a Task<T>: it completes the Task<object?> with null.
        else _completion.SetResult(finished is Task<T> typed ? typed.Result : default!);
    }

    public override void Fail(Exception error) => _completion.SetException(error);
}
