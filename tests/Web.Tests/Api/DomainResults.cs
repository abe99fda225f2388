using Microsoft.Extensions.DependencyInjection;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Api;

/// <summary>What the domain itself computes for a unit: ScoringPolicy over its scorecard, read through the grains.</summary>
public static class DomainResults
{
    public static async Task<UnitResult> ComputeAsync(DemoApp app, string cycleId, string unitCode)
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var definition = await grains.GetGrain<ICycleGrain>(GrainKeys.Cycle(cycleId)).GetDefinitionAsync();
        var group = definition.GroupOf(unitCode) ?? throw new InvalidOperationException($"{unitCode} is in no group of {cycleId}.");
        var view = await grains.GetGrain<IScorecardGrain>(GrainKeys.Scorecard(cycleId, unitCode)).GetAsync();
        return ScoringPolicy.Compute(new Scorecard(unitCode, definition.Cycle.FrameworkOf(group), view.Items), group.Scoring);
    }
}
