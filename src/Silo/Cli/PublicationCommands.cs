using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Annex;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Cli;

/// <summary>`publish` and `adjust`: decisions on published results (docs/command-line.md).</summary>
internal static class PublicationCommands
{
    public static Command Publish(CliApp app)
    {
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var decision = new Option<string>("--decision") { Description = "Số quyết định công bố, ví dụ 202/QĐ-UBND.", Required = true };
        var date = DateOption();
        var signer = new Option<string?>("--signer") { Description = "Người ký quyết định." };
        var group = new Option<string?>("--group") { Description = "Chỉ công bố một nhóm xếp hạng (mặc định: mọi nhóm chưa công bố)." };
        var user = UserOption();
        var docx = AnnexFile.Option();
        var command = app.WithDatabase(new Command("publish", "Công bố kết quả theo quyết định: đóng băng điểm, lưu phiên bản 1.") { cycle, decision, date, signer, group, user, docx });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            if (parse.GetValue(docx) is { } file) AnnexFile.CheckFolder(file);
            var published = await services.GetRequiredService<PublicationService>().PublishAsync(parse.GetValue(cycle)!, parse.GetValue(group),
                new Decision(parse.GetValue(decision)!, parse.GetValue(date), parse.GetValue(signer)), parse.GetValue(user)!, ct);
            await app.Output.WriteLineAsync($"Đã công bố {published.Count} nhóm theo quyết định {parse.GetValue(decision)}: {string.Join(", ", published)}.");
            // The annex is read back from the versions just kept, so it is exactly what was published.
            if (parse.GetValue(docx) is { } target)
                await AnnexFile.WriteAsync(app, target, await services.GetRequiredService<DecisionAnnexes>().ForVersionAsync(parse.GetValue(cycle)!, published, 1, ct), ct);
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Adjust(CliApp app)
    {
        var file = new Argument<FileInfo>("file") { Description = "scores.csv với các giá trị điều chỉnh" };
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var decision = new Option<string>("--decision") { Description = "Số quyết định điều chỉnh.", Required = true };
        var date = DateOption();
        var reason = new Option<string>("--reason") { Description = "Lý do điều chỉnh.", Required = true };
        var user = UserOption();
        var command = app.WithDatabase(new Command("adjust", "Điều chỉnh kết quả đã công bố: tạo phiên bản mới, xếp hạng lại.") { file, cycle, decision, date, reason, user });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            var cycleId = parse.GetValue(cycle)!;
            var definition = await services.GetRequiredService<ICycleStore>().LoadAsync(cycleId, ct)
                ?? throw new ImportRefusedException($"Không có kỳ đánh giá \"{cycleId}\".", ["Hãy nhập kỳ đánh giá (import cycle) trước."]);
            using var reader = ImportCommands.OpenText(path);
            var read = ScoresCsv.Read(reader, path.Name, unit => definition.GroupOf(unit) is { } g ? definition.Cycle.FrameworkOf(g) : null);
            if (!read.IsValid) return await ImportCommands.RefuseAsync(app, path.Name, read.Problems);
            var versions = await services.GetRequiredService<PublicationService>().AdjustAsync(cycleId, read.Value.Select(r => r.Entry).ToList(),
                new Decision(parse.GetValue(decision)!, parse.GetValue(date), Reason: parse.GetValue(reason)), parse.GetValue(user)!, ct);
            foreach (var (g, v) in versions)
                await app.Output.WriteLineAsync($"Nhóm {g}: phiên bản {v} theo quyết định {parse.GetValue(decision)}.");
            return CliApp.Ok;
        }));
        return command;
    }

    private static Option<DateOnly> DateOption()
    {
        var date = new Option<DateOnly>("--date")
        {
            Description = "Ngày quyết định (yyyy-MM-dd).",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)) return value;
                result.AddError($"Ngày \"{text}\" không hợp lệ; hãy viết theo dạng yyyy-MM-dd, ví dụ 2021-02-09.");
                return default;
            },
        };
        return date;
    }

    private static Option<string> UserOption() =>
        new("--user") { Description = "Người thực hiện (ghi vào nhật ký).", DefaultValueFactory = _ => Environment.UserName };
}
