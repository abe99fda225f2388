using System.Data.Common;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// A span for every database command, on SQLite and PostgreSQL alike (the OpenTelemetry EF Core
/// instrumentation is not served here, and Microsoft.Data.Sqlite traces nothing). The web host
/// subscribes with <c>AddSource(DatabaseTelemetry.SourceName)</c>; nobody listening costs nothing.
/// </summary>
public static class DatabaseTelemetry
{
    public const string SourceName = "ParIndex.Database";

    internal static readonly ActivitySource Source = new(SourceName);

    internal static readonly DbCommandInterceptor Interceptor = new CommandSpans();

    /// <summary>Starts a client span for work that is not one EF command (a batch import's raw commands).</summary>
    internal static Activity? Start(string name, DbConnection connection)
    {
        var activity = Source.StartActivity(name, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true }) Tag(activity, connection, null);
        return activity;
    }

    /// <summary>
    /// A client span for one raw command run on behalf of a caller elsewhere (a group commit writes for
    /// grains whose calls are waiting): the span goes under the caller's span, not the writer loop's.
    /// </summary>
    internal static Activity? StartCommand(DbCommand command, ActivityContext parent)
    {
        var activity = Source.StartActivity("db " + Operation(command.CommandText), ActivityKind.Client, parent);
        if (activity is { IsAllDataRequested: true }) Tag(activity, command.Connection, command);
        return activity;
    }

    private static void Tag(Activity activity, DbConnection? connection, DbCommand? command)
    {
        activity.SetTag("db.system.name", connection?.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal) == true ? "postgresql" : "sqlite");
        activity.SetTag("db.namespace", connection?.Database);
        if (command is not null)
        {
            activity.SetTag("db.operation.name", Operation(command.CommandText));
            activity.SetTag("db.query.text", command.CommandText); // parameterised: values never appear here
        }
    }

    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        return (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
    }

    /// <summary>
    /// Starts a span when a command is sent and ends it when the database has answered. The span never
    /// becomes Activity.Current: it has no children, and EF Core's own async flow must not inherit it.
    /// </summary>
    private sealed class CommandSpans : DbCommandInterceptor
    {
        private readonly ConditionalWeakTable<DbCommand, Activity> _open = new();

        private void Begin(DbCommand command)
        {
            if (!Source.HasListeners()) return;
            var current = Activity.Current;
            var activity = Source.StartActivity("db " + Operation(command.CommandText), ActivityKind.Client);
            Activity.Current = current;
            if (activity is null) return;
            if (activity.IsAllDataRequested) Tag(activity, command.Connection, command);
            _open.AddOrUpdate(command, activity);
        }

        private void End(DbCommand command, Exception? error = null)
        {
            if (!_open.TryGetValue(command, out var activity)) return;
            _open.Remove(command);
            if (error is not null)
            {
                activity.SetStatus(ActivityStatusCode.Error, error.Message);
                activity.SetTag("error.type", error.GetType().FullName);
            }
            var current = Activity.Current;
            activity.Stop();
            Activity.Current = current;
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        { Begin(command); return result; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        { Begin(command); return ValueTask.FromResult(result); }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        { End(command); return result; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        { End(command); return ValueTask.FromResult(result); }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        { Begin(command); return result; }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        { Begin(command); return ValueTask.FromResult(result); }

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        { End(command); return result; }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        { End(command); return ValueTask.FromResult(result); }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        { Begin(command); return result; }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        { Begin(command); return ValueTask.FromResult(result); }

        public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        { End(command); return result; }

        public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        { End(command); return ValueTask.FromResult(result); }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => End(command, eventData.Exception);

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        { End(command, eventData.Exception); return Task.CompletedTask; }

        public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => End(command);

        public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
        { End(command); return Task.CompletedTask; }
    }
}
