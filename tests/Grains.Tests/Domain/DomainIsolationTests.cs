using System.Reflection;
using System.Reflection.Emit;
using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Tests.Domain;

/// <summary>
/// The domain is pure C#: of Orleans it may carry only the serialization attributes (Orleans.Serialization.Abstractions),
/// never call a grain, the runtime or the serializer. Checked on the compiled code, signatures and method bodies alike.
/// </summary>
public sealed class DomainIsolationTests
{
    private const string AllowedOrleansAssembly = "Orleans.Serialization.Abstractions";

    private static readonly IReadOnlyDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    private static IEnumerable<Type> DomainTypes() => typeof(Scorecard).Assembly.GetTypes()
        .Where(t => t.Namespace is { } ns && (ns == "ParIndex.Grains.Domain" || ns.StartsWith("ParIndex.Grains.Domain.", StringComparison.Ordinal)));

    private static bool IsForbidden(Type? type) =>
        type is not null && type.Assembly.GetName().Name is { } name && name.StartsWith("Orleans", StringComparison.Ordinal) && name != AllowedOrleansAssembly
        || type is { IsGenericType: true } && type.GetGenericArguments().Any(IsForbidden)
        || type is { HasElementType: true } && IsForbidden(type.GetElementType());

    private static IEnumerable<Type> SignatureTypes(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        yield return type.BaseType!;
        foreach (var i in type.GetInterfaces()) yield return i;
        foreach (var f in type.GetFields(all)) yield return f.FieldType;
        foreach (var p in type.GetProperties(all)) yield return p.PropertyType;
        foreach (var m in type.GetMethods(all)) { yield return m.ReturnType; foreach (var p in m.GetParameters()) yield return p.ParameterType; }
        foreach (var c in type.GetConstructors(all)) foreach (var p in c.GetParameters()) yield return p.ParameterType;
    }

    /// <summary>The types whose members a method body touches (calls, fields, new objects, casts, tokens).</summary>
    private static IEnumerable<Type> BodyTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            var op = OpCodesByValue[value];
            at += op.Size;
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                var member = method.Module.ResolveMember(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
                yield return member as Type ?? member?.DeclaringType!;
            }
            at += op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
                _ => 4,
            };
        }
    }

    [Fact]
    public void The_domain_uses_nothing_of_Orleans_but_its_serialization_attributes()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offences = DomainTypes().SelectMany(type =>
            SignatureTypes(type).Where(IsForbidden).Select(t => $"{type.Name} mentions {t.FullName}")
                .Concat(type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all))
                    .SelectMany(m => BodyTypes(m).Where(IsForbidden).Select(t => $"{type.Name}.{m.Name} uses {t.FullName}"))))
            .Distinct().ToList();

        Assert.Empty(offences);
        // The check looks where it should: the domain is found, and it does carry Orleans' attributes.
        Assert.Contains(DomainTypes(), t => t == typeof(Framework));
        Assert.Contains(typeof(UnitResult).GetCustomAttributes(), a => a.GetType().Assembly.GetName().Name == AllowedOrleansAssembly);
    }

    [Fact]
    public void The_check_catches_a_body_that_calls_Orleans()
    {
        var offending = typeof(DomainIsolationTests).GetMethod(nameof(CallsOrleans), BindingFlags.NonPublic | BindingFlags.Static)!;

        Assert.Contains(BodyTypes(offending), IsForbidden);
    }

    private static object CallsOrleans() => Orleans.Runtime.GrainId.Create("scorecard", "par-2020-06/06-SNV");
}
