using System.Text.Json;
using System.Text.Json.Serialization;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Silo.Persistence;

/// <summary>Between domain types and table rows; the one place their shapes meet.</summary>
internal static class RowMapping
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record MembersJson(IReadOnlyList<string>? Units, SelectorJson? Selector);
    private sealed record SelectorJson(string Parent, int Level, IReadOnlyList<string>? Types);

    public static UnitRow ToRow(AdministrativeUnit u) => new()
    {
        Code = u.Code, Name = u.Name, Type = u.Type, Level = u.Level, ParentCode = u.ParentCode,
        ValidFrom = u.ValidFrom, ValidTo = u.ValidTo, Predecessors = string.Join(";", u.Predecessors),
    };

    public static AdministrativeUnit ToUnit(UnitRow r) => new()
    {
        Code = r.Code, Name = r.Name, Type = r.Type, Level = r.Level, ParentCode = r.ParentCode,
        ValidFrom = r.ValidFrom, ValidTo = r.ValidTo, Predecessors = ParsePredecessors(r.Predecessors),
    };

    public static IReadOnlyList<Predecessor> ParsePredecessors(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.EndsWith(":partial", StringComparison.Ordinal) ? new Predecessor(p[..^":partial".Length], true) : new Predecessor(p))
            .ToList();

    public static IEnumerable<FrameworkItemRow> ToRows(string cycleId, Framework framework)
    {
        var ordinal = 0;
        foreach (var field in framework.Fields)
            foreach (var criterion in field.Criteria)
                foreach (var item in criterion.Items)
                    yield return new FrameworkItemRow
                    {
                        CycleId = cycleId, FrameworkCode = framework.Code, Ordinal = ordinal++,
                        FieldCode = field.Code, FieldTitle = field.Title, CriterionCode = criterion.Code, CriterionTitle = criterion.Title,
                        ItemCode = item.Code, ItemTitle = item.Title, Max = item.Max, Source = item.Source.ToString(),
                        EvidenceRequired = item.EvidenceRequired, Guide = item.Guide,
                    };
    }

    public static Framework ToFramework(FrameworkRow framework, IEnumerable<FrameworkItemRow> items)
    {
        var ordered = items.OrderBy(i => i.Ordinal).ToList();
        var fields = ordered.GroupBy(i => i.FieldCode).Select(f => new Field(f.Key, f.First().FieldTitle,
            f.GroupBy(i => i.CriterionCode).Select(c => new Criterion(c.Key, c.First().CriterionTitle,
                c.Select(i => new Item(i.ItemCode, i.ItemTitle, i.Max, Enum.Parse<ItemSource>(i.Source), i.EvidenceRequired, i.Guide)).ToList())).ToList())).ToList();
        return Framework.Create(framework.Code, framework.Title, fields);
    }

    public static GroupRow ToRow(string cycleId, int ordinal, RankGroup g) => new()
    {
        CycleId = cycleId, Code = g.Code, Ordinal = ordinal, Name = g.Name, AssessorCode = g.AssessorCode, FrameworkCode = g.FrameworkCode,
        Members = JsonSerializer.Serialize(g.Members switch
        {
            UnitList list => new MembersJson(list.Codes, null),
            UnitSelector s => new MembersJson(null, new SelectorJson(s.Parent, s.Level, s.Types)),
            _ => throw new InvalidOperationException("Unknown kind of group members."),
        }, Json),
        Bands = JsonSerializer.Serialize(g.Bands.Bands, Json),
        TieBreakers = string.Join(";", g.TieBreakers.Select(t => t.ToString())),
        DisplayDecimals = g.DisplayDecimals,
        NotRanked = string.Join(";", g.NotRanked.Order(StringComparer.Ordinal)),
        AllowOver100 = g.AllowOver100,
    };

    public static RankGroup ToGroup(GroupRow r)
    {
        var members = JsonSerializer.Deserialize<MembersJson>(r.Members, Json)!;
        return new RankGroup
        {
            Code = r.Code, Name = r.Name, AssessorCode = r.AssessorCode, FrameworkCode = r.FrameworkCode,
            Members = members.Selector is { } s ? new UnitSelector(s.Parent, s.Level, s.Types) : new UnitList(members.Units ?? []),
            Bands = ClassificationBands.Create(JsonSerializer.Deserialize<List<ClassificationBand>>(r.Bands, Json)!),
            TieBreakers = Split(r.TieBreakers).Select(TieBreaker.Parse).ToList(),
            DisplayDecimals = r.DisplayDecimals,
            NotRanked = Split(r.NotRanked).ToHashSet(StringComparer.Ordinal),
            AllowOver100 = r.AllowOver100,
        };
    }

    public static IEnumerable<string> Split(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static void CopyTo(UnitResult result, ResultRow row, DateTimeOffset at)
    {
        row.Obtained = result.Obtained;
        row.Maximum = result.Maximum;
        row.Index = result.Index;
        row.DisplayIndex = result.DisplayIndex;
        row.DisplayDecimals = result.DisplayDecimals;
        row.Classification = result.Classification;
        row.Provisional = result.Provisional;
        row.SelfSubtotal = result.SelfSubtotal;
        row.AppraisalSubtotal = result.AppraisalSubtotal;
        row.SurveySubtotal = result.SurveySubtotal;
        row.BonusSubtotal = result.BonusSubtotal;
        row.PenaltySubtotal = result.PenaltySubtotal;
        row.Components = ComponentText.Format(result);
        row.ComputedAt = at;
    }

    /// <param name="framework">The framework of the row's group: it names the stored components.</param>
    public static UnitResult ToResult(ResultRow r, Framework framework)
    {
        var (fields, criteria) = ComponentText.Parse(r.Components, framework, r.UnitCode);
        return new UnitResult
        {
            UnitCode = r.UnitCode, Obtained = r.Obtained, Maximum = r.Maximum, Index = r.Index, DisplayIndex = r.DisplayIndex,
            DisplayDecimals = r.DisplayDecimals, Classification = r.Classification, Provisional = r.Provisional,
            SelfSubtotal = r.SelfSubtotal, AppraisalSubtotal = r.AppraisalSubtotal, SurveySubtotal = r.SurveySubtotal,
            BonusSubtotal = r.BonusSubtotal, PenaltySubtotal = r.PenaltySubtotal,
            Fields = fields, Criteria = criteria,
        };
    }

    public static Dictionary<string, ReturnNote> ToReturns(string json) =>
        new(JsonSerializer.Deserialize<Dictionary<string, ReturnNote>>(json, Json) ?? [], StringComparer.Ordinal);

    public static string FromReturns(IReadOnlyDictionary<string, ReturnNote> returns) => JsonSerializer.Serialize(returns, Json);

    public static ItemValues ToValues(ItemValueRow r) => new()
    {
        Self = r.Self, Appraised = r.Appraised, Survey = r.Survey, Bonus = r.Bonus, Penalty = r.Penalty,
        NotApplicableReason = r.NotApplicableReason, SelfNote = r.SelfNote, AppraisedNote = r.AppraisedNote,
    };

    public static void CopyTo(ItemValues v, ItemValueRow r)
    {
        r.Self = v.Self; r.Appraised = v.Appraised; r.Survey = v.Survey; r.Bonus = v.Bonus; r.Penalty = v.Penalty;
        r.NotApplicableReason = v.NotApplicableReason; r.SelfNote = v.SelfNote; r.AppraisedNote = v.AppraisedNote;
    }
}
