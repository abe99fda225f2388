namespace ParIndex.Grains.Domain;

/// <summary>
/// A unit's roll-up kept current one group at a time: the summary of every group within its subtree (its own and
/// those of every unit below), and their merge by framework. A change of one group merges again only that group's
/// framework, from the groups' summaries in their fixed order, so the line equals the one
/// <see cref="RollUpPolicy.Subtree"/> makes of the same summaries. Every group's ranking tells each roll-up above it
/// directly, instead of each unit passing its subtree to the one above, so a change waits for one call, not one a level.
/// </summary>
public sealed class SubtreeRollUp
{
    private readonly GroupSummary[] _groups;
    private readonly Dictionary<string, int> _places;
    private IReadOnlyList<GroupSummary> _lines;

    /// <param name="groups">Every group within the subtree, in the cycle's order (each summary's key is its group's code).</param>
    public SubtreeRollUp(IEnumerable<GroupSummary> groups)
    {
        _groups = groups.ToArray();
        _places = new Dictionary<string, int>(_groups.Length, StringComparer.Ordinal);
        for (int i = 0; i < _groups.Length; i++)
            if (!_places.TryAdd(_groups[i].Key, i)) throw new DomainException($"Nhóm {_groups[i].Key} có hai bản tổng hợp trong cùng một đơn vị.");
        _lines = RollUpPolicy.Subtree(_groups);
    }

    /// <summary>The subtree's lines, one per framework by framework code. A new list after every change: readers keep theirs.</summary>
    public IReadOnlyList<GroupSummary> Lines => _lines;

    /// <summary>The summary of a group within the subtree.</summary>
    public GroupSummary Group(string groupCode) => _groups[_places[groupCode]];

    /// <summary>Takes a group's new summary and merges its framework's line again.</summary>
    /// <exception cref="DomainException">The group is not within this subtree.</exception>
    public void Update(GroupSummary group)
    {
        if (!_places.TryGetValue(group.Key, out var place)) throw new DomainException($"Nhóm {group.Key} không thuộc đơn vị này.");
        if (_groups[place].Category != group.Category) throw new DomainException($"Nhóm {group.Key} đổi bộ tiêu chí từ {_groups[place].Category} sang {group.Category}.");
        _groups[place] = group;
        var parts = new List<GroupSummary>();
        foreach (var g in _groups)
            if (g.Category == group.Category) parts.Add(g);
        var line = RollUpPolicy.Line(parts);
        var lines = new GroupSummary[_lines.Count];
        for (int i = 0; i < lines.Length; i++) lines[i] = _lines[i].Key == line.Key ? line : _lines[i];
        _lines = lines;
    }
}
