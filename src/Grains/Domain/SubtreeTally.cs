namespace ParIndex.Grains.Domain;

/// <summary>
/// A unit's roll-up kept from its members' results: the tally of every group within its subtree
/// (<see cref="GroupTally"/>) and the lines over their summaries (<see cref="SubtreeRollUp"/>). Each scorecard tells the
/// roll-ups above it at the same time as its ranking, so a change waits for one call, not for the ranking's and then the
/// roll-ups'. A member's new result takes its place in its group's tally at once; the group's summary, and its
/// framework's line by the difference, are made again when the roll-up is next read, once for all the changes between
/// two reads. Results of different members may come in any order: each takes its member's place, and sums are exact in
/// any order (<see cref="RollUpPolicy.Addend"/>).
/// </summary>
public sealed class SubtreeTally
{
    private readonly Dictionary<string, int> _groupOf; // each member's group, by its place in _tallies
    private readonly GroupTally[] _tallies;
    private readonly bool[] _changed; // since the lines were last made
    private readonly List<int> _toSummarize = [];
    private readonly SubtreeRollUp _rollUp;

    /// <param name="tallies">Every group within the subtree, in the cycle's order.</param>
    /// <exception cref="DomainException">A unit is a member of two of the groups.</exception>
    public SubtreeTally(IReadOnlyList<GroupTally> tallies)
    {
        _tallies = [.. tallies];
        _changed = new bool[_tallies.Length];
        _groupOf = new Dictionary<string, int>(_tallies.Sum(t => t.Results.Count), StringComparer.Ordinal);
        for (int g = 0; g < _tallies.Length; g++)
            foreach (var unit in _tallies[g].UnitCodes)
                if (!_groupOf.TryAdd(unit, g)) throw new DomainException($"Đơn vị {unit} thuộc hai nhóm xếp hạng trong cùng một đơn vị.");
        _rollUp = new SubtreeRollUp(_tallies.Select(t => t.Summarize()));
    }

    /// <summary>The subtree's lines, one per framework by framework code (<see cref="SubtreeRollUp.Lines"/>).</summary>
    public IReadOnlyList<GroupSummary> Lines => Summarized().Lines;

    /// <summary>The summary of a group within the subtree.</summary>
    public GroupSummary Group(string groupCode) => Summarized().Group(groupCode);

    /// <summary>Takes a member's new result in place of its old one.</summary>
    /// <exception cref="DomainException">The unit is not a member of a group within the subtree.</exception>
    public void Set(UnitResult result)
    {
        if (!_groupOf.TryGetValue(result.UnitCode, out var g))
            throw new DomainException($"Đơn vị {result.UnitCode} không thuộc nhóm xếp hạng nào trong đơn vị này.");
        _tallies[g].Set(result);
        if (_changed[g]) return;
        _changed[g] = true;
        _toSummarize.Add(g);
    }

    private SubtreeRollUp Summarized()
    {
        foreach (var g in _toSummarize)
        {
            _rollUp.Update(_tallies[g].Summarize());
            _changed[g] = false;
        }
        _toSummarize.Clear();
        return _rollUp;
    }
}
