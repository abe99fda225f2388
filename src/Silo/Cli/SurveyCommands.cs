using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain.Survey;
using ParIndex.Silo.Files;
using ParIndex.Silo.Import;
using ParIndex.Silo.Survey;

namespace ParIndex.Silo.Cli;

/// <summary>`import survey-answers` (docs/command-line.md) and `survey open|close`: the survey round from the command line.</summary>
internal static class SurveyCommands
{
    public static Command ImportAnswers(CliApp app)
    {
        var file = new Argument<FileInfo>("file") { Description = "answers.csv hoặc answers.xlsx" };
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var user = new Option<string>("--user") { Description = "Người nhập (ghi vào nhật ký).", DefaultValueFactory = _ => Environment.UserName };
        var command = app.WithDatabase(new Command("survey-answers", "Nhập phiếu điều tra giấy (answers.csv hoặc .xlsx) trong một giao dịch, rồi tính lại điểm điều tra.") { file, cycle, user });
        command.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            var path = parse.GetValue(file)!;
            var cycleId = parse.GetValue(cycle)!;
            var definition = await services.GetRequiredService<ICycleStore>().LoadAsync(cycleId, ct)
                ?? throw new ImportRefusedException($"Không có kỳ đánh giá \"{cycleId}\".", ["Hãy nhập kỳ đánh giá (import cycle) trước khi nhập phiếu điều tra."]);
            if (!path.Exists) throw new FileNotFoundException($"Không tìm thấy tệp {path.FullName}.", path.FullName);
            await app.Error.WriteLineAsync($"Đang đọc {path.Name}…");
            ReadResult<IReadOnlyList<AnswerRow>> read;
            await using (var stream = path.OpenRead())
                read = AnswersFile.Read(stream, path.Name, a => SurveyAnswerRules.Check(definition.Cycle, definition.GroupOf, a));
            if (!read.IsValid) return await ImportCommands.RefuseAsync(app, path.Name, read.Problems);
            var units = await services.GetRequiredService<SurveyAnswers>().ImportAsync(cycleId, read.Value.Select(r => new PaperAnswer(r.Line, r.Answer)).ToList(),
                path.Name, parse.GetValue(user)!, new WriterProgress(app.Error), ct);
            var respondents = read.Value.Select(r => (r.Answer.RespondentId, r.Answer.UnitCode, r.Answer.Questionnaire)).Distinct().Count();
            await app.Output.WriteLineAsync($"Đã nhập {read.Value.Count} câu trả lời của {respondents} phiếu cho {units.Count} đơn vị vào kỳ {cycleId}; điểm điều tra đã được tính lại.");
            return CliApp.Ok;
        }));
        return command;
    }

    public static Command Round(CliApp app)
    {
        var survey = new Command("survey", "Đợt điều tra xã hội học của một kỳ đánh giá.");
        var cycle = new Option<string>("--cycle") { Description = "Mã kỳ đánh giá.", Required = true };
        var closesOn = new Option<string?>("--closes-on") { Description = "Ngày kết thúc (yyyy-MM-dd); không bắt buộc." };
        var minimum = new Option<int>("--minimum") { Description = "Số phiếu được tính tối thiểu mỗi tiêu chí.", DefaultValueFactory = _ => SurveyScoring.DefaultMinimumAnswers };
        var user = new Option<string>("--user") { Description = "Người thực hiện.", DefaultValueFactory = _ => Environment.UserName };

        var open = app.WithDatabase(new Command("open", "Mở đợt điều tra: phiếu không sửa được nữa, đường dẫn nhận câu trả lời.") { cycle, closesOn, minimum, user });
        open.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            DateOnly? last = null;
            if (parse.GetValue(closesOn) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    await app.Error.WriteLineAsync($"Lỗi: ngày kết thúc \"{text}\" không hợp lệ; hãy viết theo dạng yyyy-MM-dd.");
                    return CliApp.Usage;
                }
                last = d;
            }
            var round = await services.GetRequiredService<SurveyService>().OpenAsync(parse.GetValue(cycle)!, last, parse.GetValue(minimum), parse.GetValue(user)!, ct);
            await app.Output.WriteLineAsync($"Đã mở đợt điều tra của kỳ {round.CycleId}{(round.ClosesOn is { } c ? $" đến hết ngày {c:yyyy-MM-dd}" : "")}.");
            return CliApp.Ok;
        }));
        var close = app.WithDatabase(new Command("close", "Kết thúc đợt điều tra: đường dẫn không nhận câu trả lời nữa.") { cycle, user });
        close.SetAction((parse, ct) => app.RunAsync(parse, async services =>
        {
            await services.GetRequiredService<SurveyService>().CloseAsync(parse.GetValue(cycle)!, parse.GetValue(user)!, ct);
            await app.Output.WriteLineAsync($"Đã kết thúc đợt điều tra của kỳ {parse.GetValue(cycle)}.");
            return CliApp.Ok;
        }));
        survey.Subcommands.Add(open);
        survey.Subcommands.Add(close);
        return survey;
    }
}
