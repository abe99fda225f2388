using Microsoft.Data.Sqlite;
using Npgsql;

namespace ParIndex.Silo.Persistence;

/// <summary>Why the node cannot write now: a state of the storage, not a bug, so it is answered 503 (try again later).</summary>
public enum StorageProblem
{
    /// <summary>The database refuses writes: a write-protected SQLite file, a PostgreSQL standby or read-only setting.</summary>
    ReadOnly,
    /// <summary>No space left: the disk under SQLite or the evidence files, or PostgreSQL's (disk_full).</summary>
    Full,
    /// <summary>The database cannot be opened or reached.</summary>
    Unreachable,
    /// <summary>Another process holds the SQLite write lock longer than a write waits.</summary>
    Locked,
}

/// <summary>Tells storage failures apart from every other exception, on both providers and on files.</summary>
public static class StorageFailure
{
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13, SqliteCantOpen = 14;
    private const int Enospc = 28, Edquot = 122; // Linux errno, which .NET gives an IOException as its HResult
    private const int ErrorHandleDiskFull = 0x27, ErrorDiskFull = 0x70; // Windows, in the HResult's low word

    /// <summary>The storage problem behind an exception (looking through wrappers), or null when it is something else.</summary>
    public static StorageProblem? Classify(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            var problem = e switch
            {
                SqliteException s => (s.SqliteErrorCode & 0xFF) switch
                {
                    SqliteReadOnly => StorageProblem.ReadOnly,
                    SqliteFull => StorageProblem.Full,
                    SqliteBusy or SqliteLocked => StorageProblem.Locked,
                    SqliteCantOpen or SqliteIoError => StorageProblem.Unreachable,
                    _ => (StorageProblem?)null,
                },
                PostgresException p => p.SqlState switch
                {
                    PostgresErrorCodes.ReadOnlySqlTransaction => StorageProblem.ReadOnly,
                    PostgresErrorCodes.DiskFull => StorageProblem.Full,
                    PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                        or PostgresErrorCodes.TooManyConnections => StorageProblem.Unreachable,
                    { } state when state.StartsWith("08", StringComparison.Ordinal) => StorageProblem.Unreachable, // connection exceptions
                    _ => null,
                },
                NpgsqlException { IsTransient: true } => StorageProblem.Unreachable, // socket errors and timeouts
                IOException io when IsDiskFull(io) => StorageProblem.Full,
                AggregateException a when a.InnerExceptions.Count > 0 => a.InnerExceptions.Select(Classify).FirstOrDefault(p => p is not null),
                _ => null,
            };
            if (problem is not null) return problem;
        }
        return null;
    }

    /// <summary>ENOSPC or a quota on Linux and macOS, ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    public static bool IsDiskFull(IOException e) =>
        e.HResult is Enospc or Edquot || (unchecked((uint)e.HResult) >> 16 == 0x8007 && (e.HResult & 0xFFFF) is ErrorDiskFull or ErrorHandleDiskFull);

    /// <summary>What the node says about it, to people and on /readyz.</summary>
    public static string Reason(StorageProblem problem) => problem switch
    {
        StorageProblem.ReadOnly => "Cơ sở dữ liệu chỉ đọc: không ghi được.",
        StorageProblem.Full => "Hết dung lượng lưu trữ (ổ đĩa đầy): không ghi được.",
        StorageProblem.Unreachable => "Không kết nối được cơ sở dữ liệu.",
        StorageProblem.Locked => "Cơ sở dữ liệu đang bị một tiến trình khác khóa ghi: chưa ghi được.",
        _ => "Không ghi được dữ liệu.",
    };
}
