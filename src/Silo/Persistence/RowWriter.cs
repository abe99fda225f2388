using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// Writes rows with one prepared INSERT (or upsert), in the order added, so a later row for the same key still wins.
/// The bulk importers' writer: tens of thousands of rows through EF Core's change tracking cost seconds, and
/// millions of them minutes. On SQLite a row is stored byte for byte as EF Core stores it (<see cref="ToDb"/>).
/// </summary>
internal abstract class RowWriter : IAsyncDisposable
{
    /// <summary>
    /// A writer inside the context's open transaction (the importers' one transaction per file). On PostgreSQL decimals,
    /// times, dates and flags are bound as numeric, timestamptz, date and boolean; on SQLite they are stored as EF Core
    /// stores them there (text, text, text and 0/1).
    /// </summary>
    public static RowWriter Create(ParIndexDbContext db, string head, string tail, int columns)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = (db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk write runs inside the import's transaction.")).GetDbTransaction();
        return connection is SqliteConnection sqlite
            ? new SqliteRowWriter(sqlite, head, tail, columns)
            : new MultiRowCommand(connection, transaction, head, tail, columns);
    }

    /// <summary>Adds a row; <paramref name="row"/> is not kept, so a caller may fill the same array for every row.</summary>
    public abstract ValueTask AddAsync(object?[] row, CancellationToken cancellationToken);
    public abstract Task FlushAsync(CancellationToken cancellationToken);
    public abstract ValueTask DisposeAsync();

    /// <summary>
    /// A value as the database takes it. On SQLite the text is what Microsoft.Data.Sqlite makes of the value when EF Core
    /// binds it ("1.0", "2024-01-31 07:00:00.5+00:00", "2024-01-31"), so that rows written here and rows written by EF
    /// compare, sort and read back alike (RowWriterTests holds the two side by side).
    /// </summary>
    internal static object ToDb(object? value, bool native) => value switch
    {
        null => DBNull.Value,
        decimal d when !native => d.ToString("0.0###########################", CultureInfo.InvariantCulture),
        DateTimeOffset t when !native => t.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d when !native => d.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture),
        bool b when !native => b ? 1L : 0L,
        var v => v,
    };

    /// <summary>SQLite: one single-row statement prepared once on the import's connection, its values bound by position (<see cref="SqliteStatement"/>).</summary>
    private sealed class SqliteRowWriter(SqliteConnection connection, string head, string tail, int columns) : RowWriter
    {
        private readonly SqliteStatement _statement = new(connection,
            head + "\n(" + string.Join(",", Enumerable.Range(0, columns).Select(c => "@p" + c.ToString(CultureInfo.InvariantCulture))) + ")" + tail, columns);

        public override ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
        {
            _statement.Execute(row);
            return ValueTask.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _statement.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// Other databases: many rows per INSERT statement (<see cref="Rows"/>), one prepared statement reused:
    /// a national import writes millions of rows, and a statement per row spent most of its time in the statement.
    /// </summary>
    private sealed class MultiRowCommand(DbConnection connection, DbTransaction transaction, string head, string tail, int columns) : RowWriter
    {
        public const int Rows = 8;
        private readonly object?[] _values = new object?[Rows * columns];
        private int _count;
        private DbCommand? _full;

        public override async ValueTask AddAsync(object?[] row, CancellationToken cancellationToken)
        {
            Array.Copy(row, 0, _values, _count * columns, columns);
            if (++_count < Rows) return;
            await ExecuteAsync(_full ??= Create(Rows), cancellationToken);
        }

        public override async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_count == 0) return;
            await using var rest = Create(_count);
            await ExecuteAsync(rest, cancellationToken);
        }

        private async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
        {
            for (int i = 0; i < _count * columns; i++) command.Parameters[i].Value = ToDb(_values[i], native: true);
            await command.ExecuteNonQueryAsync(cancellationToken);
            _count = 0;
        }

        private DbCommand Create(int rows)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new System.Text.StringBuilder(head);
            for (int r = 0; r < rows; r++)
            {
                text.Append(r == 0 ? "\n(" : ",\n(");
                for (int c = 0; c < columns; c++)
                {
                    var p = command.CreateParameter();
                    p.ParameterName = $"@p{r * columns + c}";
                    command.Parameters.Add(p);
                    text.Append(c == 0 ? "" : ",").Append(p.ParameterName);
                }
                text.Append(')');
            }
            command.CommandText = text.Append(tail).ToString();
            return command;
        }

        public override ValueTask DisposeAsync() => _full?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
