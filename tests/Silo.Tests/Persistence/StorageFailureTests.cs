using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Tests.Persistence;

/// <summary>Which failures are the storage's (a 503 that says why) rather than a bug (a 500), on both providers and on files.</summary>
public class StorageFailureTests
{
    public static TheoryData<Exception, StorageProblem?> Failures() => new()
    {
        { new SqliteException("database or disk is full", 13), StorageProblem.Full },
        { new SqliteException("attempt to write a readonly database", 8), StorageProblem.ReadOnly },
        { new SqliteException("database is locked", 5), StorageProblem.Locked },
        { new SqliteException("unable to open database file", 14), StorageProblem.Unreachable },
        { new SqliteException("UNIQUE constraint failed", 19), null },
        { new DbUpdateException("saving", new SqliteException("database or disk is full", 13)), StorageProblem.Full }, // looked for inside EF Core's wrapper
        { new PostgresException("could not extend file", "ERROR", "ERROR", PostgresErrorCodes.DiskFull), StorageProblem.Full },
        { new PostgresException("cannot execute UPDATE in a read-only transaction", "ERROR", "ERROR", PostgresErrorCodes.ReadOnlySqlTransaction), StorageProblem.ReadOnly },
        { new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", PostgresErrorCodes.AdminShutdown), StorageProblem.Unreachable },
        { new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation), null },
        { new IOException("No space left on device", 28), StorageProblem.Full }, // ENOSPC, as .NET reports it on Linux
        { new IOException("There is not enough space on the disk.", unchecked((int)0x80070070)), StorageProblem.Full }, // ERROR_DISK_FULL on Windows
        { new IOException("file not found", 2), null },
        { new InvalidOperationException("a bug"), null },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_is_told_apart(Exception error, StorageProblem? expected) => Assert.Equal(expected, StorageFailure.Classify(error));

    [Fact]
    public void Every_problem_has_a_Vietnamese_reason() =>
        Assert.All(Enum.GetValues<StorageProblem>(), p => Assert.Contains("được", StorageFailure.Reason(p)));
}
