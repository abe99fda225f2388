namespace ParIndex.Silo.Persistence;

// Table rows. The domain never sees these: the stores map them to domain types.

public sealed class UnitRow
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public int Level { get; set; }
    public string? ParentCode { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>"a;b:partial", as in units.csv.</summary>
    public string Predecessors { get; set; } = "";
}

public sealed class CycleRow
{
    public required string Id { get; set; }
    public int Year { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public DateOnly? ReferenceDate { get; set; }
    public DateOnly? SelfAssessmentDeadline { get; set; }
    public string PreviousCycles { get; set; } = "";
    public string Status { get; set; } = "Open";
    public DateTimeOffset ImportedAt { get; set; }
}

public sealed class FrameworkRow
{
    public required string CycleId { get; set; }
    public required string Code { get; set; }
    public required string Title { get; set; }
}

/// <summary>One item of a framework with its field and criterion, in order; a criterion that is its own item has ItemCode = CriterionCode.</summary>
public sealed class FrameworkItemRow
{
    public int Id { get; set; }
    public required string CycleId { get; set; }
    public required string FrameworkCode { get; set; }
    public int Ordinal { get; set; }
    public required string FieldCode { get; set; }
    public required string FieldTitle { get; set; }
    public required string CriterionCode { get; set; }
    public required string CriterionTitle { get; set; }
    public required string ItemCode { get; set; }
    public required string ItemTitle { get; set; }
    public decimal Max { get; set; }
    public required string Source { get; set; }
    public bool EvidenceRequired { get; set; }
    public string? Guide { get; set; }
}

public sealed class GroupRow
{
    public required string CycleId { get; set; }
    public required string Code { get; set; }
    public int Ordinal { get; set; }
    public required string Name { get; set; }
    public required string AssessorCode { get; set; }
    public required string FrameworkCode { get; set; }
    /// <summary>JSON: {"units":[…]} or {"selector":{"parent":…,"level":…,"types":[…]}}.</summary>
    public required string Members { get; set; }
    /// <summary>JSON: [{"label":…,"min":…}].</summary>
    public required string Bands { get; set; }
    public string TieBreakers { get; set; } = "";
    public int DisplayDecimals { get; set; } = 2;
    public string NotRanked { get; set; } = "";
    public bool AllowOver100 { get; set; }
}

/// <summary>A group's resolved members, fixed when the cycle is imported.</summary>
public sealed class GroupMemberRow
{
    public required string CycleId { get; set; }
    public required string GroupCode { get; set; }
    public required string UnitCode { get; set; }
}

public sealed class ScorecardRow
{
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public required string GroupCode { get; set; }
    /// <summary>Optimistic concurrency: a writer must present the version it read.</summary>
    public long Version { get; set; }
    public string Status { get; set; } = "Draft";
    /// <summary>Appraisal round: 1, or 2 once the unit has answered returned items.</summary>
    public int Round { get; set; } = 1;
    /// <summary>JSON: returned items with the appraiser's question and the unit's answer.</summary>
    public string Returns { get; set; } = "{}";
    /// <summary>The administrator let this unit enter after the deadline.</summary>
    public bool DeadlineException { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ItemValueRow
{
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public required string ItemCode { get; set; }
    public decimal? Self { get; set; }
    public decimal? Appraised { get; set; }
    public decimal? Survey { get; set; }
    public decimal? Bonus { get; set; }
    public decimal? Penalty { get; set; }
    public string? NotApplicableReason { get; set; }
    public string? SelfNote { get; set; }
    public string? AppraisedNote { get; set; }
}

/// <summary>A unit's computed result, kept for reporting and for rebuilding rankings and roll-ups.</summary>
public sealed class ResultRow
{
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public required string GroupCode { get; set; }
    public decimal Obtained { get; set; }
    public decimal Maximum { get; set; }
    public decimal? Index { get; set; }
    public decimal? DisplayIndex { get; set; }
    public int DisplayDecimals { get; set; }
    public string? Classification { get; set; }
    public bool Provisional { get; set; }
    public decimal SelfSubtotal { get; set; }
    public decimal AppraisalSubtotal { get; set; }
    public decimal SurveySubtotal { get; set; }
    public decimal BonusSubtotal { get; set; }
    public decimal PenaltySubtotal { get; set; }
    public int? Rank { get; set; }
    /// <summary>JSON: component indices per field and per criterion.</summary>
    public string Components { get; set; } = "{}";
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>Append-only: every value change, who, when, old → new, why.</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public required string Origin { get; set; }
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public required string ItemCode { get; set; }
    public required string Kind { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// Append-only: one scores file imported, in place of an audit row for each value it set where none was.
/// Its stored copy lives under its SHA-256 (<see cref="ParIndex.Silo.Import.ImportFiles"/>), so any value can be traced to its line.
/// </summary>
public sealed class ImportBatchRow
{
    public long Id { get; set; }
    public required string CycleId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string User { get; set; }
    public required string Origin { get; set; }
    public required string FileName { get; set; }
    /// <summary>Lower-case hex: the file's name in the store of imported files.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    /// <summary>The file's data rows (the header and blank lines not counted).</summary>
    public int RowCount { get; set; }
}

/// <summary>
/// Append-only: a scorecard an import batch touched, so that a unit's history finds its batches without reading files.
/// The lines are those of the unit's first and last applied rows, so a trace can stop reading after the last.
/// </summary>
public sealed class ImportBatchUnitRow
{
    public long BatchId { get; set; }
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public int FirstLine { get; set; }
    public int LastLine { get; set; }
}

/// <summary>
/// A decision on a group's results: version 1 publishes (công bố), each adjustment (điều chỉnh) adds
/// the next version. The snapshot keeps every version readable as it was.
/// </summary>
public sealed class PublicationRow
{
    public required string CycleId { get; set; }
    public required string GroupCode { get; set; }
    public int Version { get; set; }
    /// <summary>"publish" or "adjust".</summary>
    public required string Kind { get; set; }
    public required string Decision { get; set; }
    public DateOnly DecisionDate { get; set; }
    public string? Signer { get; set; }
    public string? Reason { get; set; }
    public required string User { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>JSON: the group's result lines as published in this version.</summary>
    public required string Snapshot { get; set; }
}

/// <summary>A person who signs in; the password only as a salted hash.</summary>
public sealed class UserRow
{
    public int Id { get; set; }
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Copied into the sign-in cookie; a new one (sign-out, lockout, a change of roles) ends every session made before.</summary>
    public required string SecurityStamp { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<RoleGrantRow> Grants { get; set; } = [];
}

/// <summary>
/// Failed sign-ins under a name as typed, whether or not an account has that name, so that a refusal
/// and its lockout never tell whether the name exists. Removed by a successful sign-in.
/// </summary>
public sealed class SignInFailureRow
{
    public required string UserName { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>A role over a unit subtree; an appraiser may be limited to some groups (";"-separated).</summary>
public sealed class RoleGrantRow
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Role { get; set; }
    public required string Scope { get; set; }
    public string? Groups { get; set; }
}

/// <summary>An evidence file's description; the content lives on disk under its SHA-256.</summary>
public sealed class EvidenceRow
{
    public long Id { get; set; }
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public required string ItemCode { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset At { get; set; }
}
