using Orleans;
namespace ParIndex.Grains.Domain;

/// <summary>
/// A unit's values for every item of its group's framework. Every change goes through rule 1;
/// a batch is checked whole before any of it is applied.
/// </summary>
public sealed class Scorecard
{
    private readonly Dictionary<string, ItemValues> _items;

    // The set Apply finds repeated values with, one a thread and emptied per call: an import applies 20 k scorecards, and a
    // new set each was 50 MB of its garbage. Apply calls nothing that could reenter it.
    [ThreadStatic] private static HashSet<(string, ScoreKind)>? t_seen;

    public Scorecard(string unitCode, Framework framework, IReadOnlyDictionary<string, ItemValues>? items = null)
    {
        UnitCode = unitCode;
        Framework = framework;
        // Sized for every item at once: an import fills 20 k of them from empty, and growing each one six times showed.
        _items = items is null ? new(framework.ItemCount, StringComparer.Ordinal) : new(items, StringComparer.Ordinal);
    }

    public string UnitCode { get; }
    public Framework Framework { get; }
    public IReadOnlyDictionary<string, ItemValues> Items => _items;

    public ItemValues this[string itemCode] => _items.GetValueOrDefault(itemCode) ?? ItemValues.Empty;

    /// <summary>A value as it stood before a change, for the audit.</summary>
    public sealed record Change(ScoreEntry Entry, decimal? OldValue, string? OldNote);

    /// <summary>Checks every entry; applies all of them only if every one is valid.</summary>
    /// <exception cref="DomainValidationException">Lists every refused entry; nothing is applied.</exception>
    public IReadOnlyList<Change> Apply(IEnumerable<ScoreEntry> entries)
    {
        // Loops rather than LINQ over each entry: an import applies 1.8 M of them, and their garbage was its GC time.
        var list = entries as IReadOnlyList<ScoreEntry> ?? entries.ToList();
        List<string>? errors = null;
        foreach (var e in list)
            if ((e.UnitCode != UnitCode
                    ? $"Giá trị của đơn vị {e.UnitCode} không thuộc phiếu chấm của đơn vị {UnitCode}."
                    : ScoreRules.Check(Framework, e)) is { } error)
                (errors ??= []).Add(error);
        // One value per item and kind in one change: a repeated one would be ambiguous and would flood the audit.
        // Lifting a mark needs one to lift: otherwise the audit would record a change that changed nothing.
        var seen = t_seen ??= [];
        seen.Clear();
        var repeated = false;
        foreach (var e in list)
        {
            if (e.Kind == ScoreKind.Applicable && e.UnitCode == UnitCode && Framework.FindItem(e.ItemCode) is not null && !this[e.ItemCode].IsNotApplicable)
                (errors ??= []).Add($"Đơn vị {UnitCode}, tiêu chí {e.ItemCode}: không có đánh dấu không phát sinh để bỏ.");
            repeated |= !seen.Add((e.ItemCode, e.Kind));
        }
        if (repeated)
            (errors ??= []).AddRange(list.GroupBy(e => (e.ItemCode, e.Kind)).Where(g => g.Count() > 1)
                .Select(g => $"Tiêu chí {g.Key.ItemCode}: {g.Key.Kind.VietnameseName()} được gửi {g.Count()} lần trong một lần ghi (chỉ được một lần)."));
        if (errors is not null) throw new DomainValidationException($"Không lưu điểm của đơn vị {UnitCode}:", errors);

        var changes = new List<Change>(list.Count);
        foreach (var given in list)
        {
            var entry = AsStored(given);
            var before = this[entry.ItemCode];
            var oldNote = entry.Kind is ScoreKind.NotApplicable or ScoreKind.Applicable ? before.NotApplicableReason : null;
            changes.Add(new Change(entry, before.ValueOf(entry.Kind), oldNote));
            _items[entry.ItemCode] = before.With(entry.Kind, entry.Kind is ScoreKind.NotApplicable or ScoreKind.Applicable ? null : entry.Value, entry.Note);
        }
        return changes;
    }

    /// <summary>The entry with its value and note as stored; the same entry when they already are (almost always).</summary>
    private static ScoreEntry AsStored(ScoreEntry entry)
    {
        var value = ScoreRules.Stored(entry);
        var note = FreeText.CleanOrNull(entry.Note);
        // Equal with the same scale is the same decimal, digit for digit ("1.5000" rounds to an equal but shorter "1.500").
        var sameValue = value == entry.Value && value?.Scale == entry.Value?.Scale;
        return sameValue && ReferenceEquals(note, entry.Note) ? entry : entry with { Value = value, Note = note };
    }

    public IReadOnlyList<Change> Apply(params ScoreEntry[] entries) => Apply((IEnumerable<ScoreEntry>)entries);
}
