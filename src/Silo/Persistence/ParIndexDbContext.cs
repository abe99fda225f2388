using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ParIndex.Silo.Persistence;

/// <remarks>
/// It also keeps ASP.NET Core's data protection keys, so that every node reads the cookies and antiforgery
/// tokens of every other (no sticky sessions).
/// </remarks>
public sealed class ParIndexDbContext(DbContextOptions<ParIndexDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UnitRow> Units => Set<UnitRow>();
    public DbSet<CycleRow> Cycles => Set<CycleRow>();
    public DbSet<FrameworkRow> Frameworks => Set<FrameworkRow>();
    public DbSet<FrameworkItemRow> FrameworkItems => Set<FrameworkItemRow>();
    public DbSet<GroupRow> Groups => Set<GroupRow>();
    public DbSet<GroupMemberRow> GroupMembers => Set<GroupMemberRow>();
    public DbSet<ScorecardRow> Scorecards => Set<ScorecardRow>();
    public DbSet<ItemValueRow> ItemValues => Set<ItemValueRow>();
    public DbSet<ResultRow> Results => Set<ResultRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<ImportBatchRow> ImportBatches => Set<ImportBatchRow>();
    public DbSet<ImportBatchUnitRow> ImportBatchUnits => Set<ImportBatchUnitRow>();
    public DbSet<PublicationRow> Publications => Set<PublicationRow>();
    public DbSet<UserRow> Users => Set<UserRow>();
    public DbSet<RoleGrantRow> RoleGrants => Set<RoleGrantRow>();
    public DbSet<SignInFailureRow> SignInFailures => Set<SignInFailureRow>();
    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();
    public DbSet<QuestionnaireRow> Questionnaires => Set<QuestionnaireRow>();
    public DbSet<SurveyRoundRow> SurveyRounds => Set<SurveyRoundRow>();
    public DbSet<SurveyQuotaRow> SurveyQuotas => Set<SurveyQuotaRow>();
    public DbSet<SurveyLinkRow> SurveyLinks => Set<SurveyLinkRow>();
    public DbSet<SurveyAnswerRow> SurveyAnswers => Set<SurveyAnswerRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<UnitRow>(e =>
        {
            e.ToTable("units");
            e.HasIndex(u => u.Code);
            e.HasIndex(u => u.ParentCode);
        });
        model.Entity<CycleRow>(e => e.ToTable("cycles"));
        model.Entity<FrameworkRow>(e => { e.ToTable("frameworks"); e.HasKey(f => new { f.CycleId, f.Code }); });
        model.Entity<FrameworkItemRow>(e =>
        {
            e.ToTable("framework_items");
            e.HasIndex(i => new { i.CycleId, i.FrameworkCode, i.ItemCode }).IsUnique();
        });
        model.Entity<GroupRow>(e => { e.ToTable("groups"); e.HasKey(g => new { g.CycleId, g.Code }); });
        model.Entity<GroupMemberRow>(e =>
        {
            e.ToTable("group_members");
            e.HasKey(m => new { m.CycleId, m.GroupCode, m.UnitCode });
            e.HasIndex(m => new { m.CycleId, m.UnitCode }).IsUnique();
        });
        model.Entity<ScorecardRow>(e =>
        {
            e.ToTable("scorecards");
            e.HasKey(s => new { s.CycleId, s.UnitCode });
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        model.Entity<ItemValueRow>(e => { e.ToTable("item_values"); e.HasKey(v => new { v.CycleId, v.UnitCode, v.ItemCode }); });
        model.Entity<ResultRow>(e =>
        {
            e.ToTable("results");
            e.HasKey(r => new { r.CycleId, r.UnitCode });
            e.HasIndex(r => new { r.CycleId, r.GroupCode });
        });
        model.Entity<PublicationRow>(e =>
        {
            e.ToTable("publications");
            e.HasKey(p => new { p.CycleId, p.GroupCode, p.Version });
        });
        model.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.HasIndex(u => u.UserName).IsUnique();
            e.HasMany(u => u.Grants).WithOne().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<RoleGrantRow>(e => e.ToTable("role_grants"));
        model.Entity<SignInFailureRow>(e => { e.ToTable("sign_in_failures"); e.HasKey(f => f.UserName); });
        model.Entity<EvidenceRow>(e =>
        {
            e.ToTable("evidence");
            e.HasIndex(x => new { x.CycleId, x.UnitCode, x.ItemCode });
        });
        model.Entity<QuestionnaireRow>(e => { e.ToTable("questionnaires"); e.HasKey(q => new { q.CycleId, q.Code }); });
        model.Entity<SurveyRoundRow>(e => { e.ToTable("survey_rounds"); e.HasKey(r => r.CycleId); });
        model.Entity<SurveyQuotaRow>(e => { e.ToTable("survey_quotas"); e.HasKey(q => new { q.CycleId, q.UnitCode, q.Questionnaire }); });
        model.Entity<SurveyLinkRow>(e =>
        {
            e.ToTable("survey_links");
            e.HasIndex(l => l.TokenHash).IsUnique();
            e.HasIndex(l => new { l.CycleId, l.UnitCode });
        });
        model.Entity<SurveyAnswerRow>(e =>
        {
            e.ToTable("survey_answers");
            // One respondent answers a questionnaire once per unit: the database refuses a second answer too.
            // Named: the default name passes PostgreSQL's 63-character limit.
            e.HasIndex(a => new { a.CycleId, a.UnitCode, a.Questionnaire, a.RespondentId, a.QuestionCode }).IsUnique().HasDatabaseName("IX_survey_answers_respondent");
        });
        model.Entity<DataProtectionKey>(e => e.ToTable("data_protection_keys"));
        model.Entity<AuditRow>(e =>
        {
            e.ToTable("audit");
            e.HasIndex(a => new { a.CycleId, a.UnitCode, a.ItemCode });
        });
        model.Entity<ImportBatchRow>(e =>
        {
            e.ToTable("import_batches");
            e.HasIndex(b => b.CycleId);
        });
        model.Entity<ImportBatchUnitRow>(e =>
        {
            e.ToTable("import_batch_units");
            e.HasKey(u => new { u.BatchId, u.UnitCode });
            e.HasIndex(u => new { u.CycleId, u.UnitCode }); // a unit's history
            e.HasOne<ImportBatchRow>().WithMany().HasForeignKey(u => u.BatchId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
