using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Files;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Cli;

/// <summary>`results`: every group's ranking, read through the grains, as CSV or JSON.</summary>
internal static class ResultsCommand
{
    public static Command Create(CliApp app)
    {
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var group = new Option<string?>("--group") { Description = "Chỉ một nhóm xếp hạng." };
        var format = new Option<string>("--format") { Description = "csv (mặc định) hoặc json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var version = new Option<int?>("--version") { Description = "In một phiên bản đã công bố như lúc đó (1 = lần công bố đầu)." };
        var command = app.WithDatabase(new Command("results", "In kết quả: chỉ số, xếp loại, xếp hạng.") { cycle, group, format, version });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var lines = parse.GetValue(version) is { } v
                ? await ReadVersionAsync(services, parse.GetValue(cycle)!, parse.GetValue(group), v, ct)
                : await ReadAsync(services.GetRequiredService<IGrainFactory>(), parse.GetValue(cycle)!, parse.GetValue(group));
            if (parse.GetValue(format) == "json") ResultsFile.WriteJson(app.Output, lines);
            else ResultsFile.WriteCsv(app.Output, lines);
            await app.Output.FlushAsync(ct);
            return CliApp.Ok;
        }));
        return command;
    }

    /// <summary>Every requested group's lines as published in that version; a group without it is refused by name.</summary>
    private static async Task<IReadOnlyList<ResultLine>> ReadVersionAsync(IServiceProvider services, string cycleId, string? groupCode, int version, CancellationToken ct)
    {
        var definition = await services.GetRequiredService<IGrainFactory>().GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();
        var publications = services.GetRequiredService<PublicationService>();
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

    public static async Task<IReadOnlyList<ResultLine>> ReadAsync(IGrainFactory grains, string cycleId, string? groupCode)
    {
        var definition = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();
        var groups = definition.Cycle.Groups.Where(g => groupCode is null || g.Code == groupCode).ToList();
        if (groups.Count == 0)
            throw new DomainException($"Kỳ {cycleId} không có nhóm xếp hạng \"{groupCode}\" (có: {string.Join(", ", definition.Cycle.Groups.Select(g => g.Code))}).");
        var lines = new List<ResultLine>();
        foreach (var g in groups)
            lines.AddRange(await grains.GetGrain<IRankingGrain>(GrainKeys.Ranking(cycleId, g.AssessorCode, g.Code)).GetLinesAsync());
        return lines;
    }
}
