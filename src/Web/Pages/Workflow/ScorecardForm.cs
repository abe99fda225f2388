using System.Globalization;
using ParIndex.Grains.Domain;
using ParIndex.Web.Infrastructure;

namespace ParIndex.Web.Pages.Workflow;

/// <summary>Scores as typed on the work page: "1,5" as Vietnamese write it, or "1.5".</summary>
public static class ScoreInput
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        var t = text?.Trim().Replace(',', '.');
        return !string.IsNullOrEmpty(t) && t.Count(c => c == '.') <= 1
            && decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A value as the input shows it (empty when there is none).</summary>
    public static string Show(decimal? value) => value is { } v ? Vn.Score(v) : "";
}

/// <summary>Names of the work page's inputs, per item; one place, so that the page and the parser agree.</summary>
public static class Inputs
{
    public static string Self(string item) => "self-" + item;
    public static string SelfNote(string item) => "note-" + item;
    public static string Appraised(string item) => "appraised-" + item;
    public static string Comment(string item) => "comment-" + item;
    public static string NotApplicable(string item) => "na-" + item;
    public static string NotApplicableReason(string item) => "nareason-" + item;
    public static string Lift(string item) => "lift-" + item;
    public static string LiftReason(string item) => "liftreason-" + item;
    public static string Return(string item) => "return-" + item;
    public static string Question(string item) => "question-" + item;
    public static string Answer(string item) => "answer-" + item;
}

/// <summary>
/// What a posted work-page form asks to change, compared with the scorecard as it stands: only the
/// items whose value or note differ become entries. Problems (text that is no number, a value out of
/// range) are collected for every item, so that people can fix them all at once.
/// </summary>
public sealed class ScorecardForm(IReadOnlyDictionary<string, string?> form, Framework framework, string unitCode, IReadOnlyDictionary<string, ItemValues> current)
{
    public List<string> Errors { get; } = [];

    private ItemValues Now(string item) => current.GetValueOrDefault(item) ?? ItemValues.Empty;

    private string? Text(string name) => form.TryGetValue(name, out var v) ? v?.Trim() ?? "" : null;

    /// <summary>Self scores and notes of the given appraisal items (a field missing from the form is left alone).</summary>
    public List<ScoreEntry> SelfEntries(IEnumerable<string> items)
    {
        var entries = new List<ScoreEntry>();
        foreach (var code in items)
        {
            if (framework.FindItem(code) is not { Source: ItemSource.Appraisal }) continue;
            var now = Now(code);
            if (Value(code, ScoreKind.Self, Text(Inputs.Self(code)), Text(Inputs.SelfNote(code)), now.Self, now.SelfNote) is { } entry) entries.Add(entry);
        }
        return entries;
    }

    /// <summary>Appraised scores and comments, bonus and penalty values, not-applicable marks.</summary>
    public List<ScoreEntry> AppraisalEntries()
    {
        var entries = new List<ScoreEntry>();
        foreach (var item in framework.Items)
        {
            var code = item.Code;
            var now = Now(code);
            switch (item.Source)
            {
                case ItemSource.Appraisal:
                    if (Value(code, ScoreKind.Appraised, Text(Inputs.Appraised(code)), Text(Inputs.Comment(code)), now.Appraised, now.AppraisedNote) is { } appraised)
                        entries.Add(appraised);
                    // A mark once set is shown checked and locked; its reason can still be corrected, or the mark lifted
                    // on purpose (its own box, with a reason), never by a box left unticked.
                    if (now.IsNotApplicable && Text(Inputs.Lift(code)) is not null)
                    {
                        Add(entries, new ScoreEntry(unitCode, code, ScoreKind.Applicable, null, Text(Inputs.LiftReason(code)) ?? ""));
                        break;
                    }
                    var marked = Text(Inputs.NotApplicable(code)) is not null || now.IsNotApplicable;
                    var reason = Text(Inputs.NotApplicableReason(code)) ?? now.NotApplicableReason ?? "";
                    if (marked && (!now.IsNotApplicable || reason != now.NotApplicableReason))
                        Add(entries, new ScoreEntry(unitCode, code, ScoreKind.NotApplicable, null, reason));
                    break;
                case ItemSource.Bonus:
                    if (Value(code, ScoreKind.Bonus, Text(Inputs.Appraised(code)), null, now.Bonus, null) is { } bonus) entries.Add(bonus);
                    break;
                case ItemSource.Penalty:
                    if (Value(code, ScoreKind.Penalty, Text(Inputs.Appraised(code)), null, now.Penalty, null) is { } penalty) entries.Add(penalty);
                    break;
            }
        }
        return entries;
    }

    /// <summary>The items ticked to be returned, each with its question (an empty question is the grain's to refuse).</summary>
    public Dictionary<string, string> Questions() =>
        framework.Items.Where(i => i.Source == ItemSource.Appraisal && Text(Inputs.Return(i.Code)) is not null)
            .ToDictionary(i => i.Code, i => Text(Inputs.Question(i.Code)) ?? "", StringComparer.Ordinal);

    /// <summary>The unit's answers to the returned items.</summary>
    public Dictionary<string, string> Answers(IEnumerable<string> returned) =>
        returned.ToDictionary(i => i, i => Text(Inputs.Answer(i)) ?? "", StringComparer.Ordinal);

    /// <summary>An entry when the typed value or note differs from what is stored; null when nothing changed or the text is wrong.</summary>
    private ScoreEntry? Value(string code, ScoreKind kind, string? text, string? note, decimal? stored, string? storedNote)
    {
        if (text is null && note is null) return null; // not on this form
        var noteChanged = note is not null && note != (storedNote ?? "");
        decimal? value;
        if (string.IsNullOrEmpty(text))
        {
            if (!noteChanged) return null;
            if (stored is null)
            {
                Errors.Add($"Tiêu chí {code}: cần nhập {kind.VietnameseName()} trước khi ghi ý kiến.");
                return null;
            }
            value = stored;
        }
        else if (ScoreInput.TryParse(text, out var typed)) value = typed;
        else
        {
            var max = framework.FindItem(code) is { } item ? $" (phải là số từ 0 đến {Vn.Score(item.Max)})" : "";
            Errors.Add($"Tiêu chí {code}: {kind.VietnameseName()} \"{text}\" không phải là số{max}.");
            return null;
        }
        if (value == stored && !noteChanged) return null;
        var entries = new List<ScoreEntry>();
        Add(entries, new ScoreEntry(unitCode, code, kind, value, noteChanged ? note : null));
        return entries.FirstOrDefault();
    }

    private void Add(List<ScoreEntry> entries, ScoreEntry entry)
    {
        if (ScoreRules.Check(framework, entry) is { } problem) Errors.Add(problem);
        else entries.Add(entry);
    }
}
