using System.CommandLine;
using ParIndex.Silo.Demo;

namespace ParIndex.Silo.Cli;

/// <summary>`demo`: seeds the demo province into an empty database.</summary>
internal static class DemoCommand
{
    public static Command Create(CliApp app)
    {
        var unpublished = new Option<bool>("--unpublished")
        {
            Description = "Không công bố Bắc Kạn 2019–2020: mọi phiếu là bản nháp có điểm thẩm định đã nhập, để tập thẩm định và công bố.",
        };
        var command = app.WithDatabase(new Command("demo", "Nạp dữ liệu minh họa (Bắc Kạn 2019–2020 đã công bố, Thái Nguyên 2025 đang đánh giá) vào cơ sở dữ liệu trống.") { unpublished });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var seeded = await DemoSeeder.SeedIfEmptyAsync(services, new WriterProgress(app.Error), ct, publish: !parse.GetValue(unpublished));
            await app.Output.WriteLineAsync(seeded ? $"Đã nạp dữ liệu minh họa. {DemoSeeder.Notice}" : "Cơ sở dữ liệu đã có kỳ đánh giá; không nạp dữ liệu minh họa.");
            return CliApp.Ok;
        }));
        return command;
    }
}
