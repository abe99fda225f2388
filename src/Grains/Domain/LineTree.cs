namespace ParIndex.Grains.Domain;

/// <summary>
/// One framework's line of a subtree: its groups' summaries, in their fixed order, merged two at a time up a balanced
/// tree. A group's change merges again only the nodes above it, about log2(groups) merges of two, where merging every
/// group of the line (the country's commune line has hundreds) took most of a change's time on the way up. Built at
/// once or kept up to date, the same parts meet in the same merges, so the line is the same to the last digit; and
/// since the order is kept, classes and fields are listed as a merge of all parts at once lists them.
/// </summary>
internal sealed class LineTree
{
    private readonly GroupSummary?[] _nodes; // [1] is the root, [2n] and [2n + 1] the parts of n; leaves from [_width] on
    private readonly int _width;
    private readonly string _key, _name;

    /// <param name="parts">The summaries of the line's groups, in order; at least one, all of one framework.</param>
    public LineTree(IReadOnlyList<GroupSummary> parts)
    {
        (_key, _name) = (parts[0].Category, parts[0].CategoryName);
        _width = 2; // so that the root is always a merge, named after the framework, even of one group
        while (_width < parts.Count) _width *= 2;
        _nodes = new GroupSummary?[2 * _width];
        for (int i = 0; i < parts.Count; i++) _nodes[_width + i] = parts[i];
        for (int n = _width - 1; n >= 1; n--) _nodes[n] = Combine(n);
    }

    public GroupSummary Line => _nodes[1]!;

    /// <summary>Puts a group's new summary at its place and merges again the nodes above it.</summary>
    public void Replace(int place, GroupSummary part)
    {
        var n = _width + place;
        _nodes[n] = part;
        for (n /= 2; n >= 1; n /= 2) _nodes[n] = Combine(n);
    }

    private GroupSummary? Combine(int n) => (_nodes[2 * n], _nodes[2 * n + 1]) switch
    {
        (null, null) => null,
        ({ } left, null) => RollUpPolicy.Merge(_key, _name, [left]),
        (null, { } right) => RollUpPolicy.Merge(_key, _name, [right]),
        ({ } left, { } right) => RollUpPolicy.Merge(_key, _name, [left, right]),
    };
}
