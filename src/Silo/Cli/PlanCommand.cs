using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo.Cli;

/// <summary>
/// `plan`: where a unit gains the most (GainPlan, docs/rules.md), read from what is stored like `results`: the items below
/// its group's best, each with what it adds to the index, and the index and rank reached.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CliApp app)
    {
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị.", Required = true };
        var command = app.WithDatabase(new Command("plan", "In nơi đơn vị tăng điểm nhiều nhất: tiêu chí thành phần thấp hơn đơn vị cao nhất nhóm, chỉ số và hạng có thể đạt.") { cycle, unit });
        command.SetAction((parse, ct) => app.ReadAsync(parse, async services =>
        {
            var stored = services.GetRequiredService<StoredResults>();
            var cycleId = parse.GetValue(cycle)!;
            var unitCode = parse.GetValue(unit)!;
            var definition = await stored.CycleAsync(cycleId, ct);
            var group = definition.GroupOf(unitCode) ?? throw new DomainException($"Kỳ {cycleId} không đánh giá đơn vị mã \"{unitCode}\".");
            var plan = GainPlan.For(unitCode, definition.Cycle.FrameworkOf(group), group, await stored.ScorecardValuesAsync(definition, group, ct));
            Write(app.Output, plan, definition.NameOf(unitCode), group, definition.Members[group.Code].Count);
            await app.Output.FlushAsync(ct);
            return CliApp.Ok;
        }));
        return command;
    }

    private static void Write(TextWriter output, GainPlan plan, string unitName, RankGroup group, int groupSize)
    {
        var dec = group.DisplayDecimals;
        string Index(decimal? index) => index is { } i ? ScoringPolicy.Display(i, dec).ToString($"F{dec}", CultureInfo.InvariantCulture) : "—";
        string Rank(int? rank) => $"{rank?.ToString(CultureInfo.InvariantCulture) ?? "—"}/{groupSize}";
        string Signed(decimal value) => (value > 0 ? "+" : "") + N(value);
        string Gain(decimal index) => (index > 0 ? "+" : "") + ScoringPolicy.Display(index, dec).ToString($"F{dec}", CultureInfo.InvariantCulture);

        output.WriteLine($"{plan.UnitCode} {unitName} — nhóm {group.Code} ({group.Name})");
        output.WriteLine($"Hiện tại: chỉ số {Index(plan.Current.Result.Index)}, hạng {Rank(plan.Current.Rank)}");
        if (plan.Steps.Count == 0)
            output.WriteLine("Ở mọi tiêu chí thành phần thẩm định có phát sinh, đơn vị đã đạt bằng hoặc cao hơn mọi đơn vị khác của nhóm.");
        else
        {
            output.WriteLine($"Có thể đạt: chỉ số {Index(plan.Reached.Result.Index)}, hạng {Rank(plan.Reached.Rank)}, nếu đạt bằng đơn vị cao nhất nhóm ở {plan.Steps.Count} tiêu chí thành phần thẩm định");
            Table(output, ["#", "tiêu chí", "tối đa", "điểm", "cao nhất", "điểm tăng", "chỉ số tăng", "lũy kế", "hạng", "đơn vị cao nhất"],
                plan.Steps.Select((s, n) => new[]
                {
                    (n + 1).ToString(CultureInfo.InvariantCulture), s.Gain.Item.Code, N(s.Gain.Item.Max), N(s.Gain.Counted), N(s.Gain.Best),
                    Signed(s.Gain.Points), Gain(s.Gain.IndexGain), Index(s.Index), Rank(s.Rank), Few(s.Gain.BestUnits),
                }));
        }
        if (plan.Survey.Count == 0) return;
        output.WriteLine("Tiêu chí điều tra xã hội học (không tính vào chỉ số có thể đạt; chỉ số tăng của riêng từng tiêu chí):");
        Table(output, ["tiêu chí", "tối đa", "điểm", "cao nhất", "chỉ số tăng"],
            plan.Survey.Select(s => new[] { s.Item.Code, N(s.Item.Max), N(ScoringPolicy.Display(s.Counted, 3)), N(ScoringPolicy.Display(s.Best, 3)), Gain(s.IndexGain) }));
    }

    /// <summary>The first three best units, and how many more.</summary>
    private static string Few(IReadOnlyList<string> units) =>
        string.Join(" ", units.Take(3)) + (units.Count > 3 ? $" … (+{units.Count - 3})" : "");

    /// <summary>Columns padded to their widest cell, two spaces apart.</summary>
    private static void Table(TextWriter output, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all) output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }

    /// <summary>A number as files write it: '.' for the decimal point, no trailing zeros.</summary>
    private static string N(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
