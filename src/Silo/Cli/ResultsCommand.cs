using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Annex;
using ParIndex.Silo.Files;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Cli;

/// <summary>
/// `results`: every group's ranking as CSV or JSON, read from what is stored (StoredResults): the same lines the ranking
/// grains serve, with no silo to start and no cluster to join.
/// </summary>
internal static class ResultsCommand
{
    public static Command Create(CliApp app)
    {
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var group = new Option<string?>("--group") { Description = "Chỉ một nhóm xếp hạng." };
        var format = new Option<string>("--format") { Description = "csv (mặc định) hoặc json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var version = new Option<int?>("--version") { Description = "In một phiên bản đã công bố như lúc đó (1 = lần công bố đầu)." };
        var docx = AnnexFile.Option();
        docx.Description = "Thay vì in: ghi Phụ lục (Word) của phiên bản đã công bố (--version, mặc định: phiên bản mới nhất) của nhóm --group (hoặc các nhóm cùng một quyết định, ví dụ so,huyen) vào tệp này.";
        var command = app.WithDatabase(new Command("results", "In kết quả: chỉ số, xếp loại, xếp hạng.") { cycle, group, format, version, docx });
        command.SetAction((parse, ct) => app.ReadAsync(parse, async services =>
        {
            if (parse.GetValue(docx) is { } file)
            {
                AnnexFile.CheckFolder(file);
                // Several groups of one decision (so,huyen: the province's departments and districts) give one table each.
                var groups = parse.GetValue(group)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } codes ? codes
                    : throw new DomainException("--docx cần --group MÃ_NHÓM (hoặc nhiều nhóm của cùng một quyết định, ví dụ so,huyen).");
                var annex = await services.GetRequiredService<DecisionAnnexes>().ForVersionAsync(parse.GetValue(cycle)!, groups, parse.GetValue(version), ct);
                await AnnexFile.WriteAsync(app, file, annex, ct);
                return CliApp.Ok;
            }
            var stored = services.GetRequiredService<StoredResults>();
            var lines = parse.GetValue(version) is { } v
                ? await ReadVersionAsync(stored, parse.GetValue(cycle)!, parse.GetValue(group), v, ct)
                : await stored.LinesAsync(parse.GetValue(cycle)!, parse.GetValue(group), ct);
            if (parse.GetValue(format) == "json") ResultsFile.WriteJson(app.Output, lines);
            else ResultsFile.WriteCsv(app.Output, lines);
            await app.Output.FlushAsync(ct);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>Every requested group's lines as published in that version; a group without it is refused by name.</summary>
    private static async Task<IReadOnlyList<ResultLine>> ReadVersionAsync(StoredResults publications, string cycleId, string? groupCode, int version, CancellationToken ct)
    {
        var definition = await publications.CycleAsync(cycleId, ct);
        var lines = new List<ResultLine>();
        var missing = new List<string>();
        foreach (var g in definition.Cycle.Groups.Where(g => groupCode is null || g.Code == groupCode))
        {
            if (await publications.VersionAsync(cycleId, g.Code, version, ct) is { } published) lines.AddRange(published);
            else missing.Add(g.Code);
        }
        if (groupCode is not null && missing.Count > 0 || lines.Count == 0)
            throw new DomainException($"Kỳ {cycleId}: không có phiên bản {version} đã công bố của nhóm {string.Join(", ", missing.DefaultIfEmpty(groupCode ?? ""))}.");
        return lines;
    }
}
