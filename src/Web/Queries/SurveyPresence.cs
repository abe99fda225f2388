using Microsoft.EntityFrameworkCore;
using ParIndex.Silo.Persistence;

namespace ParIndex.Web.Queries;

/// <summary>
/// Whether a group has a survey this cycle, asked of the table (one key lookup): the cycle grain keeps
/// the definition it read when activated, so it does not see a questionnaire saved since.
/// </summary>
public sealed class SurveyPresence(IDbContextFactory<ParIndexDbContext> contexts)
{
    public async Task<bool> HasQuestionnairesAsync(string cycleId, string groupCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Questionnaires.AsNoTracking().AnyAsync(q => q.CycleId == cycleId && q.GroupCode == groupCode, cancellationToken);
    }
}
