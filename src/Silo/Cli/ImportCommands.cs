using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;

namespace ParIndex.Silo.Cli;

/// <summary>`import units|cycle|scores`: each file is one transaction, refused whole with every bad row listed.</summary>
internal static class ImportCommands
{
    public static Command Units(CliApp app)
    {
        var file = new Argument<FileInfo>("file") { Description = "units.csv" };
        var command = app.WithDatabase(new Command("units", "Nhập danh sách đơn vị (units.csv).") { file });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            var importer = services.GetRequiredService<UnitImporter>();
            using var reader = OpenText(path);
            var read = UnitsCsv.Read(reader, path.Name, await importer.LoadDirectoryAsync(ct));
            if (!read.IsValid) return await RefuseAsync(app, path.Name, read.Problems);
            var (added, updated) = await importer.ImportAsync(read.Value, path.Name, ct);
            await app.Output.WriteLineAsync($"Đã nhập {read.Value.Count} đơn vị từ {path.Name}: {added} mới, {updated} cập nhật.");
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Cycle(CliApp app)
    {
        var file = new Argument<FileInfo>("file") { Description = "cycle.json" };
        var command = app.WithDatabase(new Command("cycle", "Nhập kỳ đánh giá: bộ tiêu chí và nhóm xếp hạng (cycle.json).") { file });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            using var reader = OpenText(path);
            var read = CycleJson.Read(reader, path.Name);
            if (!read.IsValid) return await RefuseAsync(app, path.Name, read.Problems);
            var members = await services.GetRequiredService<CycleImporter>().ImportAsync(read.Value, path.Name, ct);
            await app.Output.WriteLineAsync($"Đã nhập kỳ đánh giá {read.Value.Id}: {read.Value.Groups.Count} nhóm xếp hạng, {members} đơn vị.");
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Scores(CliApp app)
    {
        var file = new Argument<FileInfo>("file") { Description = "scores.csv" };
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var user = new Option<string>("--user") { Description = "Người nhập (ghi vào nhật ký).", DefaultValueFactory = _ => Environment.UserName };
        var command = app.WithDatabase(new Command("scores", "Nhập điểm (scores.csv), trong một giao dịch.") { file, cycle, user });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            var cycleId = parse.GetValue(cycle)!;
            var definition = await services.GetRequiredService<ICycleStore>().LoadAsync(cycleId, ct)
                ?? throw new ImportRefusedException($"Không có kỳ đánh giá \"{cycleId}\".", ["Hãy nhập kỳ đánh giá (import cycle) trước khi nhập điểm."]);
            await app.Error.WriteLineAsync($"Đang đọc {path.Name}…");
            // Read once, as it streams in: checked, hashed and copied for the audit's batch entry in the same pass.
            using var scores = ScoresFile.Read(services.GetRequiredService<ImportFiles>(), OpenBytes(path), path.Name, definition);
            if (!scores.Rows.IsValid) return await RefuseAsync(app, path.Name, scores.Rows.Problems);
            var units = await services.GetRequiredService<ScoreImporter>().ImportAsync(cycleId, scores, parse.GetValue(user)!, "cli", new WriterProgress(app.Error), ct);
            await app.Output.WriteLineAsync($"Đã nhập {scores.Rows.Value.Count} giá trị cho {units.Count} đơn vị vào kỳ {cycleId} (lô nhập, SHA-256 {scores.Copy.Sha256}).");
            return CliApp.Ok;
        }));
        return command;
    }

    internal static FileStream OpenBytes(FileInfo path) =>
        path.Exists ? new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)
                    : throw new FileNotFoundException($"Không tìm thấy tệp {path.FullName}.", path.FullName);

    internal static StreamReader OpenText(FileInfo path) =>
        path.Exists ? new StreamReader(path.FullName, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true)
                    : throw new FileNotFoundException($"Không tìm thấy tệp {path.FullName}.", path.FullName);

    internal static async Task<int> RefuseAsync(CliApp app, string fileName, IReadOnlyList<FileProblem> problems)
    {
        await app.Error.WriteLineAsync($"Lỗi: tệp {fileName} có {problems.Count} lỗi; không có gì được lưu.");
        foreach (var problem in problems) await app.Error.WriteLineAsync(problem.ToString());
        return CliApp.Refused;
    }
}
