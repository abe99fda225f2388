using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Silo.Persistence;

namespace ParIndex.Silo.Import;

/// <summary>
/// The entries of an import or an adjustment applied to the stored scorecards through the domain (rule 1 and the
/// scorecard's own checks), with each new result computed, a slice of units at a time in key order: the importer
/// writes one slice while the next is applied, and writes nothing more once a problem is found. The refusal then
/// lists every problem of the whole file, published scorecards first, then each unit's in the file's order.
/// </summary>
internal sealed class CardApplication
{
    /// <summary>
    /// A unit's scorecard with the entries applied, what each changed, its values before, its new result, and that result
    /// as the row to store (its rank still to be set): made here, on every core, rather than by the one writing thread.
    /// </summary>
    public sealed record Card(string Unit, Scorecard Scorecard, IReadOnlyList<Scorecard.Change> Changes,
        IReadOnlyDictionary<string, ItemValues>? Before, UnitResult Result, ResultRow Row);

    private readonly CycleDefinition _cycle;
    private readonly DateTimeOffset _at;
    private readonly (string Unit, List<ScoreEntry> Entries, int FileOrder)[] _units;
    private readonly Dictionary<string, Dictionary<string, ItemValues>> _stored;
    private readonly List<string> _published;
    private readonly IReadOnlyList<string>?[] _problems; // by the unit's place in the file
    private volatile bool _refused;

    private CardApplication(CycleDefinition cycle, DateTimeOffset at, (string, List<ScoreEntry>, int)[] units, Dictionary<string, Dictionary<string, ItemValues>> stored, List<string> published)
    {
        _cycle = cycle;
        _at = at;
        _units = units;
        _stored = stored;
        _published = published;
        _problems = new IReadOnlyList<string>?[units.Length];
        _refused = published.Count > 0;
    }

    /// <summary>The units the entries touch.</summary>
    public int Count => _units.Length;

    /// <summary>Whether anything found so far refuses the whole import.</summary>
    public bool Refused => _refused;

    /// <summary>Groups the entries by unit and reads what the checks need: the stored values, and which scorecards are published.</summary>
    /// <param name="adjustment">An adjustment changes published scorecards only; an import, unpublished ones only.</param>
    /// <param name="at">When the results are computed, as their rows say.</param>
    public static async Task<CardApplication> PrepareAsync(ParIndexDbContext db, CycleDefinition cycle, IReadOnlyList<ScoreEntry> entries, bool adjustment,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var cycleId = cycle.Cycle.Id;
        var byUnit = new Dictionary<string, List<ScoreEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byUnit.TryGetValue(entry.UnitCode, out var list)) byUnit[entry.UnitCode] = list = [];
            list.Add(entry);
        }
        var stored = (await db.ItemValues.AsNoTracking().Where(v => v.CycleId == cycleId).ToListAsync(cancellationToken))
            .GroupBy(v => v.UnitCode).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.ItemCode, RowMapping.ToValues, StringComparer.Ordinal), StringComparer.Ordinal);
        var published = (await db.Scorecards.AsNoTracking().Where(s => s.CycleId == cycleId && s.Status == nameof(ScorecardStatus.Published))
            .Select(s => s.UnitCode).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var problems = byUnit.Keys.Where(u => published.Contains(u) == !adjustment).Select(unit => !adjustment
                ? $"Đơn vị {unit}: kết quả đã được công bố; chỉ thay đổi được bằng quyết định điều chỉnh (lệnh adjust)."
                : $"Đơn vị {unit}: kết quả chưa được công bố; hãy nhập điểm bằng lệnh import scores.").ToList();
        // In key order, so that the tables' B-trees grow at their ends; each unit remembers its place in the file for the refusal.
        var units = byUnit.Select((u, i) => (u.Key, u.Value, i)).OrderBy(u => u.Key, StringComparer.Ordinal).ToArray();
        return new CardApplication(cycle, at, units, stored, problems);
    }

    /// <summary>
    /// Applies the units from <paramref name="from"/> up to <paramref name="to"/> (in key order), each scorecard on its
    /// own core (a national file is 20 k of them); returns those applied without a problem, in key order.
    /// </summary>
    public IReadOnlyList<Card> Apply(int from, int to, CancellationToken cancellationToken) => Apply(from, to, make: true, cancellationToken);

    /// <summary>Applies every unit for its problems only (an import checked, not written): nothing scored, no rows made.</summary>
    public void Check(CancellationToken cancellationToken) => Apply(0, Count, make: false, cancellationToken);

    private IReadOnlyList<Card> Apply(int from, int to, bool make, CancellationToken cancellationToken)
    {
        var applied = new Card?[to - from];
        Parallel.For(from, to, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (unit, entries, fileOrder) = _units[i];
            var group = _cycle.GroupOf(unit);
            if (group is null)
            {
                Refuse(fileOrder, [$"Đơn vị {unit} không thuộc nhóm xếp hạng nào của kỳ {_cycle.Cycle.Id}."]);
                return;
            }
            var before = _stored.GetValueOrDefault(unit);
            var card = new Scorecard(unit, _cycle.Cycle.FrameworkOf(group), before);
            try
            {
                var changes = card.Apply(entries);
                if (!make) return;
                var result = ScoringPolicy.Compute(card, group.Scoring);
                var row = new ResultRow { CycleId = _cycle.Cycle.Id, UnitCode = unit, GroupCode = group.Code };
                RowMapping.CopyTo(result, row, _at);
                applied[i - from] = new Card(unit, card, changes, before, result, row);
            }
            catch (DomainValidationException e) { Refuse(fileOrder, e.Errors); }
        });
        var cards = new List<Card>(applied.Length);
        foreach (var card in applied)
            if (card is not null) cards.Add(card);
        return cards;
    }

    /// <summary>
    /// Every unit applied, slice by slice in key order, the next slice applied on other threads while the caller handles
    /// this one. A slice is at least an eighth of the units, so that a small file too overlaps its checks with its writes,
    /// and at most 500 units (~45 k values of a national file).
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<Card>> InSlicesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(Count / 8, 1, 500);
        Task<IReadOnlyList<Card>> Slice(int from) => Task.Run(() => Apply(from, Math.Min(from + size, Count), cancellationToken), cancellationToken);
        var next = Slice(0);
        try
        {
            for (int from = 0; from < Count; from += size)
            {
                var slice = await next;
                if (from + size < Count) next = Slice(from + size);
                yield return slice;
            }
        }
        finally
        {
            // A caller that stops early (a failed write) leaves no slice being applied behind it, on its transaction's data.
            await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private void Refuse(int fileOrder, IReadOnlyList<string> problems)
    {
        _problems[fileOrder] = problems;
        _refused = true;
    }

    /// <summary>Once every unit is applied: the refusal listing every problem, if there was one.</summary>
    /// <exception cref="ImportRefusedException">Something is wrong; the caller writes nothing (or rolls back what it wrote).</exception>
    public void ThrowIfRefused()
    {
        if (!_refused) return;
        var problems = new List<string>(_published);
        foreach (var unitProblems in _problems)
            if (unitProblems is not null) problems.AddRange(unitProblems);
        throw new ImportRefusedException($"Không nhập điểm: {problems.Count} lỗi, không có gì được lưu.", problems);
    }
}
