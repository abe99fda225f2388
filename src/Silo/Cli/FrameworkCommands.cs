using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;

namespace ParIndex.Silo.Cli;

/// <summary>
/// `import framework` and `export framework`: a group's framework (Bộ tiêu chí) to and from the workbook of FrameworkLayout, so that
/// last year's framework, exported and edited in Excel, becomes this year's.
/// </summary>
internal static class FrameworkCommands
{
    private static (Option<string> Cycle, Option<string> Group, Argument<FileInfo> File) Arguments(string file) =>
        (new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true },
         new Option<string>("--group") { Description = "Mã nhóm xếp hạng dùng bộ tiêu chí.", Required = true },
         new Argument<FileInfo>("file") { Description = file });

    public static Command Import(CliApp app)
    {
        var (cycle, group, file) = Arguments("bo-tieu-chi.xlsx");
        var command = app.WithDatabase(new Command("framework",
            "Nhập bộ tiêu chí của một nhóm từ tệp Excel (.xlsx) vào kỳ đang chuẩn bị (chưa có điểm), trong một giao dịch.") { cycle, group, file });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            var importer = services.GetRequiredService<FrameworkImporter>();
            var target = await importer.FindAsync(parse.GetValue(cycle)!, parse.GetValue(group)!, ct);
            if (!path.Exists) throw new FileNotFoundException($"Không tìm thấy tệp {path.FullName}.", path.FullName);
            ReadResult<ParIndex.Grains.Domain.Framework> read;
            await using (var stream = path.OpenRead()) read = FrameworkXlsx.Read(stream, path.Name, target.Framework.Code, target.Framework.Title);
            if (!read.IsValid) return await ImportCommands.RefuseAsync(app, path.Name, read.Problems);
            var stored = await importer.ImportAsync(target, read.Value, path.Name, ct);
            var f = stored.Framework;
            await app.Output.WriteLineAsync($"Đã nhập bộ tiêu chí {f.Code} từ {path.Name}: {f.Fields.Count} lĩnh vực, {f.Fields.Sum(x => x.Criteria.Count)} tiêu chí, " +
                $"{f.Items.Count()} tiêu chí thành phần, điểm tối đa {f.Maximum}; dùng cho nhóm {string.Join(", ", stored.Sharing.Select(g => g.Code))} của kỳ {stored.Definition.Cycle.Id}.");
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Export(CliApp app)
    {
        var (cycle, group, file) = Arguments("tệp .xlsx sẽ ghi");
        var command = app.WithDatabase(new Command("framework", "Xuất bộ tiêu chí của một nhóm ra tệp Excel (.xlsx), cùng mẫu với lệnh import framework.") { cycle, group, file });
        command.SetAction((parse, ct) => app.ReadAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            var target = await FrameworkImporter.FindAsync(services.GetRequiredService<ICycleStore>(), parse.GetValue(cycle)!, parse.GetValue(group)!, ct);
            await File.WriteAllBytesAsync(path.FullName, FrameworkXlsxWriter.Write(target.Framework), ct);
            await app.Output.WriteLineAsync($"Đã xuất bộ tiêu chí {target.Framework.Code} của nhóm {target.Group.Code} (kỳ {target.Definition.Cycle.Id}) ra {path.Name}.");
            return CliApp.Ok;
        }));
        return command;
    }
}
