namespace ParIndex.Grains.Domain;

/// <summary>
/// A unit's roll-up kept current one group at a time: the summary of every group within its subtree (its own and
/// those of every unit below), and their merge by framework, one line per framework (<see cref="FrameworkLine"/>). A
/// change of one group changes only its framework's line, by the difference, so the line equals the one merged at once
/// from the same summaries (<see cref="RollUpPolicy.Subtree"/>). Every roll-up above a group is told of its changes
/// directly (<see cref="SubtreeTally"/>), instead of each unit passing its subtree to the one above, so a change waits
/// for one call, not one a level.
/// </summary>
public sealed class SubtreeRollUp
{
    private readonly GroupSummary[] _groups;
    private readonly Dictionary<string, int> _places;
    private readonly FrameworkLine[] _lineOf; // each group's line
    private readonly FrameworkLine[] _byCode; // the lines in the order of Lines
    private IReadOnlyList<GroupSummary> _lines;

    /// <param name="groups">Every group within the subtree, in the cycle's order (each summary's key is its group's code).</param>
    public SubtreeRollUp(IEnumerable<GroupSummary> groups)
    {
        _groups = groups.ToArray();
        _places = new Dictionary<string, int>(_groups.Length, StringComparer.Ordinal);
        for (int i = 0; i < _groups.Length; i++)
            if (!_places.TryAdd(_groups[i].Key, i)) throw new DomainException($"Nhóm {_groups[i].Key} có hai bản tổng hợp trong cùng một đơn vị.");

        // Few frameworks, each with its groups in the cycle's order.
        var categories = _groups.Select(g => g.Category).Distinct().ToArray();
        var lines = Array.ConvertAll(categories, c =>
            new FrameworkLine(_groups, Enumerable.Range(0, _groups.Length).Where(i => _groups[i].Category == c).ToArray()));
        _lineOf = Array.ConvertAll(_groups, g => lines[Array.IndexOf(categories, g.Category)]);
        _byCode = [.. lines.OrderBy(l => l.Line.Key, StringComparer.Ordinal)];
        _lines = Array.ConvertAll(_byCode, l => l.Line);
    }

    /// <summary>The subtree's lines, one per framework by framework code. A new list after every change: readers keep theirs.</summary>
    public IReadOnlyList<GroupSummary> Lines => _lines;

    /// <summary>The summary of a group within the subtree.</summary>
    public GroupSummary Group(string groupCode) => _groups[_places[groupCode]];

    /// <summary>Takes a group's new summary and changes its framework's line by the difference.</summary>
    /// <exception cref="DomainException">The group is not within this subtree.</exception>
    public void Update(GroupSummary group)
    {
        if (!_places.TryGetValue(group.Key, out var place)) throw new DomainException($"Nhóm {group.Key} không thuộc đơn vị này.");
        var was = _groups[place];
        if (was.Category != group.Category) throw new DomainException($"Nhóm {group.Key} đổi bộ tiêu chí từ {was.Category} sang {group.Category}.");
        _groups[place] = group;
        _lineOf[place].Replace(was, group);
        _lines = Array.ConvertAll(_byCode, l => l.Line);
    }
}
