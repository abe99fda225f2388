namespace ParIndex.Grains.Domain;

/// <summary>
/// A group's results as its ranking keeps them between changes, beside the figures each adds to the group's summary
/// (its index, its class's band, its fields' component indices), worked out when the result comes in and held in flat
/// arrays, and the group's totals of them. A member's change takes its old figures out of the totals and puts the new
/// ones in: the summary, made again on every change on the way up to the roll-ups, then reads the totals and scans one
/// array for best and worst, where walking every member's result and dividing its fields was most of the time (a change
/// lands on a group whose results are long out of the cache). Sums are exact whatever the order
/// (<see cref="RollUpPolicy.Addend"/>), so totals kept this way equal totals counted afresh.
/// </summary>
public sealed class GroupTally
{
    private readonly RankGroup _group;
    private readonly Framework _framework;
    private readonly Dictionary<string, int> _places;
    private readonly UnitResult[] _results;
    private readonly string[] _codes; // the members' codes, beside their figures: best and worst read them without the results
    // Member m's figures; its field f at [m * fields + f], as it enters the sums. An index of null is (false, 0).
    private readonly bool[] _provisional, _indexed, _fieldIndexed;
    private readonly decimal[] _index, _fieldIndex;
    private readonly int[] _band; // -1: a class of no band, or none
    private readonly int _fields;
    // The totals of the members' figures.
    private readonly int[] _classCounts, _fieldCounts;
    private readonly decimal[] _fieldSums;
    private int _indexedCount, _provisionalCount;
    private decimal _indexSum;

    /// <param name="results">One result a member, scored on the group's framework; <see cref="Results"/> keeps their order.</param>
    /// <exception cref="DomainException">A unit has two results.</exception>
    public GroupTally(RankGroup group, Framework framework, IEnumerable<UnitResult> results)
    {
        (_group, _framework, _fields) = (group, framework, framework.Fields.Count);
        _results = results.ToArray();
        _codes = Array.ConvertAll(_results, r => r.UnitCode);
        var members = _results.Length;
        _places = new Dictionary<string, int>(members, StringComparer.Ordinal);
        (_provisional, _indexed, _index, _band) = (new bool[members], new bool[members], new decimal[members], new int[members]);
        (_fieldIndexed, _fieldIndex) = (new bool[members * _fields], new decimal[members * _fields]);
        (_classCounts, _fieldCounts, _fieldSums) = (new int[group.Bands.Bands.Count], new int[_fields], new decimal[_fields]);
        for (int m = 0; m < members; m++)
        {
            if (!_places.TryAdd(_results[m].UnitCode, m))
                throw new DomainException($"Đơn vị {_results[m].UnitCode} có hai kết quả trong cùng một nhóm xếp hạng.");
            Hold(m, _results[m]);
            Count(m, +1);
        }
    }

    /// <summary>The members' results, in the tally's order. The tally's own array: read it, do not keep it.</summary>
    public IReadOnlyList<UnitResult> Results => _results;

    public IEnumerable<string> UnitCodes => _places.Keys;

    /// <summary>Takes a member's new result in place of its old one.</summary>
    /// <exception cref="DomainException">The unit is not a member.</exception>
    public void Set(UnitResult result)
    {
        if (!_places.TryGetValue(result.UnitCode, out var m))
            throw new DomainException($"Đơn vị {result.UnitCode} không thuộc nhóm {_group.Code}.");
        Count(m, -1);
        _results[m] = result;
        Hold(m, result);
        Count(m, +1);
    }

    /// <summary>
    /// The group's figures: classes in band order, empty bands included; the fields of the framework that some member
    /// has an index of, in the framework's order.
    /// </summary>
    public GroupSummary Summarize()
    {
        int best = -1, worst = -1;
        for (int m = 0; m < _results.Length; m++)
        {
            if (!_indexed[m]) continue;
            if (best < 0 || RollUpPolicy.Better(_index[m], _codes[m], _index[best], _codes[best])) best = m;
            if (worst < 0 || RollUpPolicy.Worse(_index[m], _codes[m], _index[worst], _codes[worst])) worst = m;
        }
        var bands = _group.Bands.Bands;
        var classes = new ClassCount[bands.Count];
        for (int b = 0; b < bands.Count; b++) classes[b] = new ClassCount(bands[b].Label, _classCounts[b]);
        var fields = new List<FieldAverage>(_fields);
        for (int f = 0; f < _fields; f++)
            if (_fieldCounts[f] > 0) fields.Add(new FieldAverage(_framework.Fields[f].Code, _framework.Fields[f].Title, _fieldSums[f], _fieldCounts[f]));
        return new GroupSummary
        {
            Key = _group.Code,
            Name = _group.Name,
            Category = _framework.Code,
            CategoryName = _framework.Title,
            Units = _results.Length,
            Indexed = _indexedCount,
            Provisional = _provisionalCount,
            Classes = classes,
            IndexSum = _indexSum,
            Best = best < 0 ? null : new Standing(_codes[best], _index[best]),
            Worst = worst < 0 ? null : new Standing(_codes[worst], _index[worst]),
            Fields = fields,
        };
    }

    /// <summary>Adds member m's figures to the totals (+1) or takes them out (-1).</summary>
    private void Count(int m, int sign)
    {
        if (_provisional[m]) _provisionalCount += sign;
        if (_band[m] >= 0) _classCounts[_band[m]] += sign;
        if (_indexed[m]) (_indexedCount, _indexSum) = (_indexedCount + sign, _indexSum + sign * RollUpPolicy.Addend(_index[m]));
        for (int f = 0, at = m * _fields; f < _fields; f++, at++)
            if (_fieldIndexed[at]) (_fieldCounts[f], _fieldSums[f]) = (_fieldCounts[f] + sign, _fieldSums[f] + sign * _fieldIndex[at]);
    }

    private void Hold(int m, UnitResult result)
    {
        _provisional[m] = result.Provisional;
        (_indexed[m], _index[m]) = result.Index is { } index ? (true, index) : (false, 0m);
        _band[m] = -1;
        var bands = _group.Bands.Bands;
        for (int b = 0; b < bands.Count; b++)
            if (result.Classification == bands[b].Label) { _band[m] = b; break; }
        // By the framework's place of each field: a result scored on the group's framework lists the same fields.
        for (int f = 0, at = m * _fields; f < _fields; f++, at++)
            (_fieldIndexed[at], _fieldIndex[at]) = FieldOf(result, f) is { Index: { } fieldIndex } ? (true, RollUpPolicy.Addend(fieldIndex)) : (false, 0m);
    }

    private ComponentIndex? FieldOf(UnitResult result, int f)
    {
        var code = _framework.Fields[f].Code;
        return f < result.Fields.Count && result.Fields[f].Code == code ? result.Fields[f] : result.Field(code);
    }
}
