using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Tests.Support;

namespace ParIndex.Silo.Tests.Grains;

/// <summary>A write the storage fails leaves the grain as it was: values, result, and nothing pending for the audit.</summary>
[Collection(DemoCollection.Name)]
public class FailedWriteTests(DemoDatabase demo)
{
    private const string Cycle = "par-2020-06";

    private sealed class FailingOnce(IStateStore<ScorecardState> inner) : IStateStore<ScorecardState>
    {
        public bool FailNext { get; set; }

        public Task<(ScorecardState State, string? Etag)> ReadAsync(string grainKey, CancellationToken cancellationToken) => inner.ReadAsync(grainKey, cancellationToken);

        public Task<string> WriteAsync(string grainKey, ScorecardState state, string? expectedEtag, CancellationToken cancellationToken)
        {
            if (!FailNext) return inner.WriteAsync(grainKey, state, expectedEtag, cancellationToken);
            FailNext = false;
            return Task.FromException<string>(new IOException("disk full"));
        }
    }

    [Fact]
    public async Task A_failed_write_puts_the_values_and_the_result_back()
    {
        await using var db = await demo.CopyUnpublishedAsync(DatabaseOptions.Sqlite);
        // Registered before the silo's own stores, which are only added where none is.
        await using var provider = await db.SiloAsync(services =>
        {
            services.AddSingleton<EfScorecardStorage>();
            services.AddSingleton(sp => new FailingOnce(sp.GetRequiredService<EfScorecardStorage>()));
            services.AddSingleton<IStateStore<ScorecardState>>(sp => sp.GetRequiredService<FailingOnce>());
        });

        var card = provider.GetRequiredService<IGrainFactory>().GetGrain<IScorecardGrain>(GrainKeys.Scorecard(Cycle, "06-SNV"));
        var before = await card.GetAsync();
        provider.GetRequiredService<FailingOnce>().FailNext = true;
        await Assert.ThrowsAsync<IOException>(() => card.SetValuesAsync(new ScoreChange(
            [new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Appraised, 0m), new ScoreEntry("06-SNV", "1.1.2", ScoreKind.Appraised, 0m)], "tester", "test")));

        var after = await card.GetAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Result, after.Result);
        Assert.Equal(before.Items.OrderBy(i => i.Key), after.Items.OrderBy(i => i.Key));

        // The next write builds on the values as they were, and audits only its own change.
        var auditBefore = await db.CountAsync("audit");
        var written = await card.SetValuesAsync(new ScoreChange([new ScoreEntry("06-SNV", "1.1.1", ScoreKind.Appraised, 0.5m)], "tester", "test"));
        Assert.Equal(0.5m, written.Items["1.1.1"].Appraised);
        Assert.Equal(before.Items["1.1.2"], written.Items["1.1.2"]);
        Assert.Equal(auditBefore + 1, await db.CountAsync("audit"));
    }
}
