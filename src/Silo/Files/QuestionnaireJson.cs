using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Grains.Domain.Survey;

namespace ParIndex.Silo.Files;

/// <summary>
/// One questionnaire as JSON (docs/formats.md, questionnaires in cycle.json): the same object whether it
/// sits in cycle.json's "questionnaires" or alone (a database column, the web editor). One reader for both.
/// </summary>
public static class QuestionnaireJson
{
    /// <summary>
    /// Reads one questionnaire object and checks what can be known without the cycle
    /// (<see cref="Questionnaire.CheckContent"/>); its group and items are checked against the cycle by the caller
    /// (<see cref="Questionnaire.Check"/>). <paramref name="source"/> names it in the problems (a file name, "phiếu P02").
    /// </summary>
    public static ReadResult<Questionnaire> Read(string json, string source) =>
        CycleJson.ReadRoot(json, source, root =>
        {
            var questionnaire = ReadObject(root);
            foreach (var error in questionnaire?.CheckContent() ?? []) root.Problem(error);
            return questionnaire;
        });

    /// <summary>
    /// The properties of a questionnaire object, each missing or mistyped one reported with its path.
    /// Null when something is missing; the domain's rules are left to the caller, which knows whether a cycle is there.
    /// </summary>
    internal static Questionnaire? ReadObject(JsonObjectReader json)
    {
        var code = Given(json.String("code", required: true));
        var title = Given(json.String("title", required: true));
        var group = Given(json.String("group", required: true));
        var respondents = json.String("respondents", required: false) ?? "";
        var quota = json.Int("quota", required: false) ?? 0;

        var optionObjects = json.Objects("options", required: true);
        var questionObjects = json.Objects("questions", required: true);
        bool complete = optionObjects is not null && questionObjects is not null;

        var options = new List<AnswerOption>();
        foreach (var o in optionObjects ?? [])
        {
            var option = ReadOption(o);
            if (option is null) complete = false;
            else options.Add(option);
        }
        var questions = new List<SurveyQuestion>();
        foreach (var q in questionObjects ?? [])
        {
            var questionCode = Given(q.String("code", required: true));
            var item = Given(q.String("item", required: true));
            var text = Given(q.String("text", required: true));
            if (questionCode is null || item is null || text is null) complete = false;
            else questions.Add(new SurveyQuestion(questionCode, item, text));
        }

        if (!complete || code is null || title is null || group is null) return null;
        return new Questionnaire(code, title, group, options, questions) { Respondents = respondents, Quota = quota };
    }

    /// <summary>A required text that is missing or blank has been reported by the reader; null so that the domain does not report it again.</summary>
    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>An option must say its fraction, null included: a forgotten fraction must not silently mean "not counted".</summary>
    private static AnswerOption? ReadOption(JsonObjectReader json)
    {
        var code = Given(json.String("code", required: true));
        var label = json.String("label", required: false);
        if (!json.Declares("fraction"))
        {
            json.Problem($"phương án {code} thiếu thuộc tính \"fraction\" (tỷ lệ điểm từ 0 đến 1, hoặc null cho phương án không tính điểm như \"không biết\").");
            return null;
        }
        var fraction = json.Decimal("fraction", required: false);
        bool mistyped = json.Has("fraction") && fraction is null;
        if (code is null || mistyped) return null;
        return new AnswerOption(code, string.IsNullOrWhiteSpace(label) ? code : label, fraction);
    }

    /// <summary>The questionnaire as JSON, indented, Vietnamese left readable; <see cref="Read"/> reads it back to the same questionnaire.</summary>
    public static string Write(Questionnaire questionnaire)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(writer, questionnaire);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static void Write(Utf8JsonWriter writer, Questionnaire q)
    {
        writer.WriteStartObject();
        writer.WriteString("code", q.Code);
        writer.WriteString("title", q.Title);
        writer.WriteString("group", q.GroupCode);
        if (q.Respondents.Length > 0) writer.WriteString("respondents", q.Respondents);
        if (q.Quota != 0) writer.WriteNumber("quota", q.Quota);
        writer.WriteStartArray("options");
        foreach (var o in q.Options)
        {
            writer.WriteStartObject();
            writer.WriteString("code", o.Code);
            if (o.Label != o.Code) writer.WriteString("label", o.Label);
            if (o.Fraction is { } f) writer.WriteNumber("fraction", f);
            else writer.WriteNull("fraction");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("questions");
        foreach (var question in q.Questions)
        {
            writer.WriteStartObject();
            writer.WriteString("code", question.Code);
            writer.WriteString("item", question.ItemCode);
            writer.WriteString("text", question.Text);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
