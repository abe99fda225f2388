using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// One SQLite statement prepared on a connection's handle (inside its open transaction) and bound by position, for the
/// writers that run the same statement tens of thousands of times: the bulk importers and the group commit. Values are
/// stored as EF Core stores them (<see cref="RowWriter.ToDb"/>). Microsoft.Data.Sqlite binds by name, which SQLite finds by
/// scanning the statement's names, and makes a binder, and for text a byte array, per parameter and execution.
/// </summary>
/// <remarks>
/// A binding outlives sqlite3_reset, so a value equal to the one a parameter holds already (the cycle, the unit of a
/// scorecard's 90 values, the empty columns) is not bound again; text goes in as UTF-8 encoded into one buffer, and a
/// decimal's text is kept once made.
/// </remarks>
internal sealed class SqliteStatement : IDisposable
{
    private const int DecimalsKept = 1 << 16;
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly object?[] _bound; // what each parameter holds now: SQLite starts every one as NULL
    private readonly Dictionary<decimal, byte[]> _decimals = [];
    private byte[] _utf8 = new byte[256];

    public SqliteStatement(SqliteConnection connection, string text, int parameters)
    {
        _connection = connection;
        _bound = new object?[parameters];
        var rc = raw.sqlite3_prepare_v2(connection.Handle, text, out _statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Runs the statement with these values (one per parameter, in order); returns the rows it changed.</summary>
    public int Execute(object?[] values)
    {
        Step(values, out _);
        return raw.sqlite3_changes(_connection.Handle);
    }

    /// <summary>The first column of the first row the statement gives with these values, as a whole number; null when none or NULL.</summary>
    public long? Scalar(object?[] values) => Step(values, out var value) ? value : null;

    private bool Step(object?[] values, out long? first)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (Same(_bound[i], values[i])) continue;
            SqliteException.ThrowExceptionForRC(Bind(i + 1, values[i]), _connection.Handle);
            _bound[i] = values[i];
        }
        var step = raw.sqlite3_step(_statement);
        first = step == raw.SQLITE_ROW && raw.sqlite3_column_type(_statement, 0) != raw.SQLITE_NULL ? raw.sqlite3_column_int64(_statement, 0) : null;
        raw.sqlite3_reset(_statement);
        if (step != raw.SQLITE_DONE && step != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(step, _connection.Handle);
        return first is not null;
    }

    /// <summary>Whether two values are stored as the same text or number (equal decimals have the same text: "1.0" for 1 and 1.00).</summary>
    private static bool Same(object? bound, object? value) => (bound, value) switch
    {
        (null, null) => true,
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (decimal a, decimal b) => a == b,
        (long a, long b) => a == b,
        (int a, int b) => a == b,
        (bool a, bool b) => a == b,
        _ => false,
    };

    private int Bind(int index, object? value)
    {
        switch (value)
        {
            case null: return raw.sqlite3_bind_null(_statement, index);
            case long number: return raw.sqlite3_bind_int64(_statement, index, number);
            case int number: return raw.sqlite3_bind_int64(_statement, index, number);
            case decimal d:
                if (!_decimals.TryGetValue(d, out var text))
                {
                    text = System.Text.Encoding.UTF8.GetBytes((string)RowWriter.ToDb(d, native: false));
                    if (_decimals.Count < DecimalsKept) _decimals[d] = text;
                }
                return raw.sqlite3_bind_text(_statement, index, text);
        }
        return RowWriter.ToDb(value, native: false) switch
        {
            string { Length: 0 } => raw.sqlite3_bind_text(_statement, index, ""), // an empty span would bind NULL
            string text => raw.sqlite3_bind_text(_statement, index, Utf8(text)),
            long number => raw.sqlite3_bind_int64(_statement, index, number),
            var other => throw new NotSupportedException($"Cannot bind a {other.GetType().Name}."),
        };
    }

    private ReadOnlySpan<byte> Utf8(string text)
    {
        var most = System.Text.Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > _utf8.Length) _utf8 = new byte[Math.Max(most, 2 * _utf8.Length)];
        return _utf8.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(text, _utf8));
    }

    public void Dispose() => _statement.Dispose();
}
