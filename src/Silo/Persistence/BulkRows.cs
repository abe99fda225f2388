namespace ParIndex.Silo.Persistence;

/// <summary>
/// The statements and column values with which the importers write units, group members, scorecards and results
/// through a <see cref="RowWriter"/>: every column EF Core would write for the same row, in one place.
/// </summary>
internal static class BulkRows
{
    public const string UnitInsert = """
        INSERT INTO "units" ("Code","Name","Type","Level","ParentCode","ValidFrom","ValidTo","Predecessors")
        VALUES
        """;

    public static object?[] Values(UnitRow u) => [u.Code, u.Name, u.Type, u.Level, u.ParentCode, u.ValidFrom, u.ValidTo, u.Predecessors];

    public const string GroupMemberInsert = """
        INSERT INTO "group_members" ("CycleId","GroupCode","UnitCode")
        VALUES
        """;

    public static object?[] Values(GroupMemberRow m) => [m.CycleId, m.GroupCode, m.UnitCode];

    public const string ScorecardInsert = """
        INSERT INTO "scorecards" ("CycleId","UnitCode","GroupCode","Version","Status","Round","Returns","DeadlineException","UpdatedAt")
        VALUES
        """;

    public static object?[] Values(ScorecardRow s) => [s.CycleId, s.UnitCode, s.GroupCode, s.Version, s.Status, s.Round, s.Returns, s.DeadlineException, s.UpdatedAt];

    public const string ResultInsert = """
        INSERT INTO "results" ("CycleId","UnitCode","GroupCode","Obtained","Maximum","Index","DisplayIndex","DisplayDecimals","Classification","Provisional",
          "SelfSubtotal","AppraisalSubtotal","SurveySubtotal","BonusSubtotal","PenaltySubtotal","Rank","Components","ComputedAt")
        VALUES
        """;

    /// <summary>After <see cref="ResultInsert"/>: a result row that is there is replaced whole.</summary>
    public const string ResultUpsertTail = """

        ON CONFLICT ("CycleId","UnitCode") DO UPDATE SET
          "GroupCode"=excluded."GroupCode","Obtained"=excluded."Obtained","Maximum"=excluded."Maximum","Index"=excluded."Index",
          "DisplayIndex"=excluded."DisplayIndex","DisplayDecimals"=excluded."DisplayDecimals","Classification"=excluded."Classification",
          "Provisional"=excluded."Provisional","SelfSubtotal"=excluded."SelfSubtotal","AppraisalSubtotal"=excluded."AppraisalSubtotal",
          "SurveySubtotal"=excluded."SurveySubtotal","BonusSubtotal"=excluded."BonusSubtotal","PenaltySubtotal"=excluded."PenaltySubtotal",
          "Rank"=excluded."Rank","Components"=excluded."Components","ComputedAt"=excluded."ComputedAt"
        """;

    public const int ResultColumns = 18;

    public static object?[] Values(ResultRow r) =>
    [
        r.CycleId, r.UnitCode, r.GroupCode, r.Obtained, r.Maximum, r.Index, r.DisplayIndex, r.DisplayDecimals, r.Classification, r.Provisional,
        r.SelfSubtotal, r.AppraisalSubtotal, r.SurveySubtotal, r.BonusSubtotal, r.PenaltySubtotal, r.Rank, r.Components, r.ComputedAt,
    ];
}
