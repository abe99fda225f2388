namespace ParIndex.Grains.Domain;

/// <summary>
/// A group's results as its ranking keeps them between changes, each with what it adds to the group's summary (the
/// band of its class, the component index of each of its fields) worked out when the result comes in. A member's change
/// then divides only its own fields again, not every member's: the summary is made again on every change, on the way
/// up to the roll-ups, and its divisions were most of its time.
/// </summary>
public sealed class GroupTally
{
    private readonly RankGroup _group;
    private readonly Framework _framework;
    private readonly Dictionary<string, int> _places;
    private readonly UnitResult[] _results;
    private readonly Share[] _shares;

    /// <param name="results">One result a member, in the order the summary adds them up.</param>
    /// <exception cref="DomainException">A unit has two results.</exception>
    public GroupTally(RankGroup group, Framework framework, IEnumerable<UnitResult> results)
    {
        (_group, _framework) = (group, framework);
        _results = results.ToArray();
        _places = new Dictionary<string, int>(_results.Length, StringComparer.Ordinal);
        _shares = new Share[_results.Length];
        for (int i = 0; i < _results.Length; i++)
        {
            if (!_places.TryAdd(_results[i].UnitCode, i))
                throw new DomainException($"Đơn vị {_results[i].UnitCode} có hai kết quả trong cùng một nhóm xếp hạng.");
            _shares[i] = ShareOf(_results[i]);
        }
    }

    /// <summary>The members' results, in the tally's order. The tally's own array: read it, do not keep it.</summary>
    public IReadOnlyList<UnitResult> Results => _results;

    public IEnumerable<string> UnitCodes => _places.Keys;

    public bool Contains(string unitCode) => _places.ContainsKey(unitCode);

    /// <summary>Takes a member's new result in place of its old one.</summary>
    /// <exception cref="DomainException">The unit is not a member.</exception>
    public void Set(UnitResult result)
    {
        if (!_places.TryGetValue(result.UnitCode, out var place))
            throw new DomainException($"Đơn vị {result.UnitCode} không thuộc nhóm {_group.Code}.");
        _results[place] = result;
        _shares[place] = ShareOf(result);
    }

    /// <summary>The group's figures: classes listed in band order, empty bands included; fields in the order they first appear.</summary>
    public GroupSummary Summarize()
    {
        // Loops rather than LINQ: this runs on every change of every member, on the way up.
        var bands = _group.Bands.Bands;
        var classCounts = new int[bands.Count];
        int indexed = 0, provisional = 0;
        decimal indexSum = 0;
        Standing? best = null, worst = null;
        var fields = new FieldTotals(_framework.Fields.Count);
        for (int m = 0; m < _results.Length; m++)
        {
            var (r, share) = (_results[m], _shares[m]);
            if (r.Provisional) provisional++;
            if (share.Band >= 0) classCounts[share.Band]++;
            for (int i = 0; i < share.FieldIndices.Length; i++)
                if (share.FieldIndices[i] is { } fieldIndex) fields.Add(i, r.Fields[i].Code, r.Fields[i].Title, fieldIndex, 1);
            if (r.Index is not { } index) continue;
            indexed++;
            indexSum += index;
            if (best is null || RollUpPolicy.Better(index, r.UnitCode, best)) best = new Standing(r.UnitCode, index);
            if (worst is null || RollUpPolicy.Worse(index, r.UnitCode, worst)) worst = new Standing(r.UnitCode, index);
        }
        var classes = new ClassCount[bands.Count];
        for (int b = 0; b < bands.Count; b++) classes[b] = new ClassCount(bands[b].Label, classCounts[b]);
        return new GroupSummary
        {
            Key = _group.Code,
            Name = _group.Name,
            Category = _framework.Code,
            CategoryName = _framework.Title,
            Units = _results.Length,
            Indexed = indexed,
            Provisional = provisional,
            Classes = classes,
            IndexSum = indexSum,
            Best = best,
            Worst = worst,
            Fields = fields.ToList(),
        };
    }

    private Share ShareOf(UnitResult result)
    {
        var band = -1;
        var bands = _group.Bands.Bands;
        for (int b = 0; b < bands.Count; b++)
            if (result.Classification == bands[b].Label) { band = b; break; }
        var indices = new decimal?[result.Fields.Count];
        for (int i = 0; i < indices.Length; i++) indices[i] = result.Fields[i].Index;
        return new Share(band, indices);
    }

    /// <summary>What one member adds to the summary: its class's place among the bands (-1: none), its fields' indices.</summary>
    private readonly record struct Share(int Band, decimal?[] FieldIndices);
}
