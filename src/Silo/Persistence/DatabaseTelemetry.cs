using System.Data.Common;
using System.Diagnostics;

namespace ParIndex.Silo.Persistence;

/// <summary>
/// Spans for the commands that EF Core does not run (its own are traced by OpenTelemetry's EF Core instrumentation):
/// the group-commit writer's, each under the span of the grain call it writes for, which the writer's own flow does
/// not know, and the bulk import's. The web host subscribes with <c>AddSource(DatabaseTelemetry.SourceName)</c>;
/// nobody listening costs nothing.
/// </summary>
public static class DatabaseTelemetry
{
    public const string SourceName = "ParIndex.Database";

    internal static readonly ActivitySource Source = new(SourceName);

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
    internal static Activity? StartCommand(string commandText, DbConnection connection, ActivityContext parent)
    {
        var activity = Source.StartActivity("db " + Operation(commandText), ActivityKind.Client, parent);
        if (activity is { IsAllDataRequested: true }) Tag(activity, connection, commandText);
        return activity;
    }

    private static void Tag(Activity activity, DbConnection? connection, string? commandText)
    {
        activity.SetTag("db.system.name", connection?.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal) == true ? "postgresql" : "sqlite");
        activity.SetTag("db.namespace", connection?.Database);
        if (commandText is not null)
        {
            activity.SetTag("db.operation.name", Operation(commandText));
            activity.SetTag("db.query.text", commandText); // parameterised: values never appear here
        }
    }

    private static string Operation(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        return (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
    }
}
