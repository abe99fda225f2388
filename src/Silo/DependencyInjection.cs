using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParIndex.Grains.Contracts;
using ParIndex.Silo.Accounts;
using ParIndex.Silo.Cluster;
using ParIndex.Silo.Evidence;
using ParIndex.Silo.Import;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Survey;
using ParIndex.Silo.Workflow;

namespace ParIndex.Silo;

public static class DependencyInjection
{
    /// <summary>
    /// The services beside the grains (importers, workflow, survey, accounts, evidence) and the stores on the given
    /// database. The grains themselves are Orleans' to place: a silo gets all of this through ISiloBuilder.AddParIndex.
    /// </summary>
    public static IServiceCollection AddParIndexSilo(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddParIndexStores(database);

        services.AddSingleton<UnitImporter>();
        services.AddSingleton<CycleImporter>();
        services.AddSingleton<ScoreImporter>();
        services.AddSingleton<FrameworkImporter>();
        services.AddSingleton<GrainRefresh>();
        services.AddSingleton<PublicationService>();
        services.TryAddSingleton<IPublicationStore, EfPublicationStore>();
        services.AddSingleton<ScoreWriter>();
        services.AddSingleton<WorkflowQueries>();
        services.AddSingleton<SurveyService>();
        services.AddSingleton<SurveyAnswers>();
        services.AddSingleton<SurveyQueries>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccountService>();
        services.AddSingleton<Demo.DemoAccounts>();
        services.TryAddSingleton(new EvidenceOptions(database.DefaultEvidenceFolder()));
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<ImportFiles>();
        services.AddSingleton<ImportHistory>();
        services.AddSingleton<EvidenceUploads>();
        return services;
    }

    /// <summary>The database and the stores the grains' state lives in (what a grain storage provider needs).</summary>
    public static IServiceCollection AddParIndexStores(this IServiceCollection services, DatabaseOptions database)
    {
        services.TryAddSingleton(database);
        services.AddPooledDbContextFactory<ParIndexDbContext>(database.Configure);
        services.AddMetrics();
        services.TryAddSingleton<ScoreTelemetry>();
        services.TryAddSingleton(NodeIdentity.New()); // the web registers its own first, to name it in logs from the start
        services.TryAddSingleton<StorageHealth>();
        services.TryAddSingleton<GroupCommitWriter>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICycleStore, EfCycleStore>();
        services.TryAddSingleton<IResultStore, EfResultStore>();
        services.TryAddSingleton<StoredResults>();
        services.TryAddSingleton<Annex.DecisionAnnexes>();
        services.TryAddSingleton<IStateStore<ScorecardState>, EfScorecardStorage>();
        return services;
    }

    /// <summary>Creates and migrates the database (SQLite: the file and its folder too).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ParIndexDbContext>>().CreateDbContextAsync(cancellationToken);
        await db.MigrateAsync(cancellationToken);
    }
}
