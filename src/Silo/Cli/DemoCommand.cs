using System.CommandLine;
using ParIndex.Silo.Demo;

namespace ParIndex.Silo.Cli;

/// <summary>`demo`: seeds the demo province into an empty database.</summary>
internal static class DemoCommand
{
    public static Command Create(CliApp app)
    {
        var command = app.WithDatabase(new Command("demo", "Nạp dữ liệu minh họa (Bắc Kạn 2019–2020, Thái Nguyên 2025) vào cơ sở dữ liệu trống."));
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var seeded = await DemoSeeder.SeedIfEmptyAsync(services, new WriterProgress(app.Error), ct);
            await app.Output.WriteLineAsync(seeded ? $"Đã nạp dữ liệu minh họa. {DemoSeeder.Notice}" : "Cơ sở dữ liệu đã có kỳ đánh giá; không nạp dữ liệu minh họa.");
            return CliApp.Ok;
        }));
        return command;
    }
}
