namespace ParIndex.Silo.Persistence;

// The survey's tables (điều tra xã hội học). The domain never sees these rows: SurveyStore maps them.

/// <summary>A questionnaire of a cycle; its options and questions are kept as JSON, edited whole.</summary>
public sealed class QuestionnaireRow
{
    public required string CycleId { get; set; }
    public required string Code { get; set; }
    public int Ordinal { get; set; }
    public required string GroupCode { get; set; }
    public required string Definition { get; set; }
}

/// <summary>The cycle's survey round: Draft, Open or Closed.</summary>
public sealed class SurveyRoundRow
{
    public required string CycleId { get; set; }
    public string Status { get; set; } = "Draft";
    public DateOnly? ClosesOn { get; set; }
    public int MinimumAnswers { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>A unit's quota for one questionnaire, where it differs from the questionnaire's own.</summary>
public sealed class SurveyQuotaRow
{
    public required string CycleId { get; set; }
    public required string UnitCode { get; set; }
    public required string Questionnaire { get; set; }
    public int Target { get; set; }
}

/// <summary>A one-time link: only the SHA-256 of its code is kept, so the table cannot be used to answer.</summary>
public sealed class SurveyLinkRow
{
    public int Id { get; set; }
    public required string CycleId { get; set; }
    public required string TokenHash { get; set; }
    public required string Questionnaire { get; set; }
    public required string UnitCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}

/// <summary>One answer of one respondent about one unit (a row of answers.csv); respondents of links are "link-{id}".</summary>
public sealed class SurveyAnswerRow
{
    public long Id { get; set; }
    public required string CycleId { get; set; }
    public required string RespondentId { get; set; }
    public required string UnitCode { get; set; }
    public required string Questionnaire { get; set; }
    public required string QuestionCode { get; set; }
    public required string OptionCode { get; set; }
    /// <summary>"link", or "import &lt;file&gt;".</summary>
    public required string Origin { get; set; }
    public DateTimeOffset At { get; set; }
}
