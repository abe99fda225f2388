using ParIndex.Grains.Domain;

namespace ParIndex.Grains.Contracts;

/// <summary>From a group's ranking to the rows people read, with year-over-year (rule 9): one place for the grain and for published versions.</summary>
public static class ResultLines
{
    public static IReadOnlyList<ResultLine> From(CycleDefinition cycle, RankGroup group, IReadOnlyList<RankedResult> ranking,
        IReadOnlyDictionary<string, PreviousStanding> previous, int version) =>
        ranking.Select(ranked =>
        {
            var r = ranked.Result;
            var unit = cycle.Unit(r.UnitCode);
            var yoy = YearOverYearPolicy.Compare(r.UnitCode, unit?.Predecessors ?? [], r.Index, ranked.Rank, previous);
            return new ResultLine
            {
                Group = group.Code,
                Rank = ranked.Rank,
                UnitCode = r.UnitCode,
                UnitName = unit?.Name ?? r.UnitCode,
                Obtained = r.Obtained,
                Maximum = r.Maximum,
                Index = r.Index,
                IndexDisplay = r.DisplayIndex,
                DisplayDecimals = r.DisplayDecimals,
                Classification = r.Classification,
                Provisional = r.Provisional,
                PreviousIndex = yoy.PreviousIndex,
                PreviousIndexDerived = yoy.Derived,
                PreviousRank = yoy.PreviousRank,
                RankChange = yoy.RankChange,
                Version = version,
                SelfSubtotal = r.SelfSubtotal,
                AppraisalSubtotal = r.AppraisalSubtotal,
                SurveySubtotal = r.SurveySubtotal,
                BonusSubtotal = r.BonusSubtotal,
                PenaltySubtotal = r.PenaltySubtotal,
            };
        }).ToList();
}
