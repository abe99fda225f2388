namespace ParIndex.Grains.Domain;

/// <summary>
/// A unit's roll-up kept current one group at a time: the summary of every group within its subtree (its own and
/// those of every unit below), and their merge by framework, one line per framework (<see cref="LineTree"/>). A change
/// of one group merges again only the nodes above it in its framework's line, so the line equals the one built at once
/// from the same summaries (<see cref="RollUpPolicy.Subtree"/>). Every group's ranking tells each roll-up above it
/// directly, instead of each unit passing its subtree to the one above, so a change waits for one call, not one a level.
/// </summary>
public sealed class SubtreeRollUp
{
    private readonly GroupSummary[] _groups;
    private readonly Dictionary<string, int> _places;
    private readonly (LineTree Tree, int Place)[] _leaves; // each group's line and its place in it
    private readonly LineTree[] _trees; // in the order of _lines
    private IReadOnlyList<GroupSummary> _lines;

    /// <param name="groups">Every group within the subtree, in the cycle's order (each summary's key is its group's code).</param>
    public SubtreeRollUp(IEnumerable<GroupSummary> groups)
    {
        _groups = groups.ToArray();
        _places = new Dictionary<string, int>(_groups.Length, StringComparer.Ordinal);
        for (int i = 0; i < _groups.Length; i++)
            if (!_places.TryAdd(_groups[i].Key, i)) throw new DomainException($"Nhóm {_groups[i].Key} có hai bản tổng hợp trong cùng một đơn vị.");

        // Few frameworks: a list. Each group's place in its line is its place among the groups of its framework.
        var byCategory = new List<(string Category, List<GroupSummary> Parts)>();
        var leaves = new (int Category, int Place)[_groups.Length];
        for (int i = 0; i < _groups.Length; i++)
        {
            var at = byCategory.FindIndex(c => c.Category == _groups[i].Category);
            if (at < 0) byCategory.Add((_groups[i].Category, []));
            if (at < 0) at = byCategory.Count - 1;
            leaves[i] = (at, byCategory[at].Parts.Count);
            byCategory[at].Parts.Add(_groups[i]);
        }
        var trees = byCategory.ConvertAll(c => new LineTree(c.Parts));
        _leaves = Array.ConvertAll(leaves, l => (trees[l.Category], l.Place));
        _trees = [.. trees.OrderBy(t => t.Line.Key, StringComparer.Ordinal)];
        _lines = Array.ConvertAll(_trees, t => t.Line);
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
        var (tree, leaf) = _leaves[place];
        tree.Replace(leaf, group);
        _lines = Array.ConvertAll(_trees, t => t.Line);
    }
}
