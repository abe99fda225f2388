using Orleans.Storage;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Import;

namespace ParIndex.Silo.Cli;

/// <summary>Which failures are the user's to fix, and how to say them.</summary>
internal static class CliErrors
{
    public static IReadOnlyList<string>? Describe(Exception e) => e switch
    {
        ImportRefusedException refused => [$"Lỗi: {refused.Summary}", .. refused.Problems],
        DomainValidationException invalid => [$"Lỗi: {invalid.Message}"],
        DomainException domain => [$"Lỗi: {domain.Message}"],
        _ when StaleVersion.Of(e) is not null => [$"Lỗi: {e.Message}"],
        FileNotFoundException missing => [$"Lỗi: không tìm thấy tệp {missing.FileName}."],
        DirectoryNotFoundException folder => [$"Lỗi: {folder.Message}"],
        UnauthorizedAccessException denied => [$"Lỗi: không có quyền: {denied.Message}"],
        _ => null,
    };
}
