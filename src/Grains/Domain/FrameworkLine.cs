namespace ParIndex.Grains.Domain;

/// <summary>
/// One framework's line of a subtree (the summaries of its groups merged), kept up to date by differences: a group's
/// change takes its old figures out of the line and puts its new ones in, where merging every group again (the country's
/// commune line has hundreds) took most of a change's time on the way up. Counts add up exactly, and so do sums
/// (<see cref="RollUpPolicy.Addend"/>); best and worst are looked for again among the groups only when the group that
/// held one lets it go. A change that alters which classes or fields the group lists merges the line afresh, so that
/// they stay listed in the order of a merge of all groups at once.
/// </summary>
internal sealed class FrameworkLine
{
    private readonly GroupSummary[] _groups; // the roll-up's, shared: it puts each group's new summary in
    private readonly int[] _places; // where this framework's groups are in _groups, in order

    public FrameworkLine(GroupSummary[] groups, int[] places)
    {
        (_groups, _places) = (groups, places);
        Line = Recount();
    }

    public GroupSummary Line { get; private set; }

    /// <summary>The line after one of its groups went from <paramref name="was"/> to <paramref name="now"/> (already in the groups).</summary>
    public void Replace(GroupSummary was, GroupSummary now)
    {
        if (!SameLayout(was, now))
        {
            Line = Recount();
            return;
        }
        var line = Line;
        var classes = line.Classes.ToArray();
        for (int i = 0; i < now.Classes.Count; i++)
        {
            var at = RollUpPolicy.PlaceOf(classes, i, now.Classes[i].Label, static c => c.Label);
            classes[at] = classes[at] with { Count = classes[at].Count - was.Classes[i].Count + now.Classes[i].Count };
        }
        var fields = line.Fields.ToArray();
        for (int i = 0; i < now.Fields.Count; i++)
        {
            var at = RollUpPolicy.PlaceOf(fields, i, now.Fields[i].FieldCode, static f => f.FieldCode);
            fields[at] = fields[at] with
            {
                Sum = fields[at].Sum - was.Fields[i].Sum + now.Fields[i].Sum,
                Count = fields[at].Count - was.Fields[i].Count + now.Fields[i].Count,
            };
        }
        Line = line with
        {
            Units = line.Units - was.Units + now.Units,
            Indexed = line.Indexed - was.Indexed + now.Indexed,
            Provisional = line.Provisional - was.Provisional + now.Provisional,
            IndexSum = line.IndexSum - was.IndexSum + now.IndexSum,
            Classes = classes,
            Fields = fields,
            Best = Held(line.Best, was.Best, now.Best, RollUpPolicy.Better, static g => g.Best),
            Worst = Held(line.Worst, was.Worst, now.Worst, RollUpPolicy.Worse, static g => g.Worst),
        };
    }

    /// <summary>The line's best (or worst) after a group's own went from <paramref name="was"/> to <paramref name="now"/>.</summary>
    private Standing? Held(Standing? line, Standing? was, Standing? now, Func<decimal, string, Standing, bool> before, Func<GroupSummary, Standing?> ownOf)
    {
        if (was == now) return line;
        if (now is not null && (line is null || before(now.Index, now.UnitCode, line))) return now;
        if (was is null || was != line) return line; // the line's came from another group and still stands
        Standing? found = null;
        foreach (var place in _places)
            if (ownOf(_groups[place]) is { } own && (found is null || before(own.Index, own.UnitCode, found))) found = own;
        return found;
    }

    private static bool SameLayout(GroupSummary was, GroupSummary now)
    {
        if (was.Classes.Count != now.Classes.Count || was.Fields.Count != now.Fields.Count) return false;
        for (int i = 0; i < was.Classes.Count; i++)
            if (was.Classes[i].Label != now.Classes[i].Label) return false;
        for (int i = 0; i < was.Fields.Count; i++)
            if (was.Fields[i].FieldCode != now.Fields[i].FieldCode) return false;
        return true;
    }

    private GroupSummary Recount()
    {
        var parts = Array.ConvertAll(_places, p => _groups[p]);
        return RollUpPolicy.Merge(parts[0].Category, parts[0].CategoryName, parts);
    }
}
