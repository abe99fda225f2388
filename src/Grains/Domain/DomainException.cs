using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>A rule of the domain refused an input; the message names what is wrong, in Vietnamese.</summary>
[GenerateSerializer, Alias("ParIndex.DomainException")]
public class DomainException(string message) : Exception(message);

/// <summary>Several things are wrong at once; each is listed so that a user can fix them all.</summary>
[GenerateSerializer, Alias("ParIndex.DomainValidationException")]
public class DomainValidationException(string summary, IReadOnlyList<string> errors)
    : DomainException(summary + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => " - " + e)))
{
    [Id(0)] public IReadOnlyList<string> Errors { get; } = errors;
    [Id(1)] public string Summary { get; } = summary;
}

/// <summary>What was asked for does not exist (an unknown cycle, group or unit): a 404, not a failure.</summary>
[GenerateSerializer, Alias("ParIndex.NotFoundException")]
public class NotFoundException(string message) : DomainException(message);
