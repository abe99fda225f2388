using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;

namespace ParIndex.Silo.Cli;

/// <summary>
/// The command line (docs/command-line.md). Every verb takes --db PATH (or --connection/--provider);
/// exit 0 on success; on error a message on stderr naming file, line, unit and item, exit ≠ 0,
/// and nothing of that command written.
/// </summary>
public sealed class CliApp(TextWriter output, TextWriter error, TextReader? input = null)
{
    public const int Ok = 0, Refused = 1, Usage = 2;

    private readonly Option<string?> _db = new("--db") { Description = "Tệp SQLite (được tạo và cập nhật cấu trúc nếu chưa có)." };
    private readonly Option<string?> _connection = new("--connection") { Description = "Chuỗi kết nối cơ sở dữ liệu." };
    private readonly Option<string> _provider = new("--provider") { Description = "sqlite (mặc định) hoặc postgres.", DefaultValueFactory = _ => DatabaseOptions.Sqlite };

    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;
    public TextReader Input { get; } = input ?? Console.In;

    public static Task<int> RunAsync(string[] args) => new CliApp(Console.Out, Console.Error).InvokeAsync(args);

    /// <summary>How to find a running node: from the environment (Orleans__GatewayPort, Orleans__ClusterId, …), the names the web reads.</summary>
    public ClusterSettings Cluster { get; init; } =
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection("Orleans").Get<ClusterSettings>() ?? new ClusterSettings();

    public async Task<int> InvokeAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ParIndex — Chỉ số cải cách hành chính: nhập dữ liệu, tính và xuất kết quả.");
        var import = new Command("import", "Nhập dữ liệu từ tệp.");
        import.Subcommands.Add(ImportCommands.Units(this));
        import.Subcommands.Add(ImportCommands.Cycle(this));
        import.Subcommands.Add(ImportCommands.Scores(this));
        import.Subcommands.Add(SurveyCommands.ImportAnswers(this));
        import.Subcommands.Add(FrameworkCommands.Import(this));
        root.Subcommands.Add(import);
        var export = new Command("export", "Xuất dữ liệu ra tệp.");
        export.Subcommands.Add(FrameworkCommands.Export(this));
        root.Subcommands.Add(export);
        root.Subcommands.Add(ResultsCommand.Create(this));
        root.Subcommands.Add(PlanCommand.Create(this));
        root.Subcommands.Add(PublicationCommands.Publish(this));
        root.Subcommands.Add(PublicationCommands.Adjust(this));
        root.Subcommands.Add(SurveyCommands.Round(this));
        root.Subcommands.Add(DemoCommand.Create(this));
        root.Subcommands.Add(UserCommands.Create(this));
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = Output, Error = Error }, cancellationToken);
    }

    /// <summary>Adds the database options every verb takes.</summary>
    internal Command WithDatabase(Command command)
    {
        command.Options.Add(_db);
        command.Options.Add(_connection);
        command.Options.Add(_provider);
        return command;
    }

    /// <summary>
    /// Runs a verb that only reads what is stored: the stores on the chosen database, no silo, no cluster. Refusals become
    /// messages and exit codes as for every verb.
    /// </summary>
    internal Task<int> ReadAsync(ParseResult parse, Func<IServiceProvider, Task<int>> action) => RunAsync(parse, action, readOnly: true);

    /// <summary>
    /// Runs a verb with ParIndex's services on the chosen database, turning refusals into messages and exit codes. The
    /// grains are the running cluster's when a node serves that database (the Orleans__ settings name its gateway port and
    /// ids, as for the web), else those of a silo the command hosts for itself.
    /// </summary>
    internal async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> action, bool readOnly = false)
    {
        var path = parse.GetValue(_db);
        var connection = parse.GetValue(_connection);
        var provider = parse.GetValue(_provider) ?? DatabaseOptions.Sqlite;
        if (path is null && connection is null)
        {
            await Error.WriteLineAsync("Lỗi: cần --db ĐƯỜNG_DẪN (tệp SQLite) hoặc --connection CHUỖI --provider postgres.");
            return Usage;
        }
        var database = path is not null ? DatabaseOptions.ForSqliteFile(path) : new DatabaseOptions(provider, connection!);
        try
        {
            if (readOnly)
            {
                await using var stores = new ServiceCollection().AddLogging().AddParIndexStores(database).BuildServiceProvider();
                await stores.MigrateDatabaseAsync();
                return await action(stores);
            }
            await using var services = await ClusterConnection.ForCommandAsync(database, Cluster);
            return await action(services);
        }
        catch (Exception e) when (CliErrors.Describe(e) is { } lines)
        {
            foreach (var line in lines) await Error.WriteLineAsync(line);
            return Refused;
        }
    }
}
