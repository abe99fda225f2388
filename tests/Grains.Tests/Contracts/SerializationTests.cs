using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;
using ParIndex.Grains.Domain.Workflow;
using ParIndex.Grains.Tests.Domain;
using ParIndex.Grains.Tests.Survey;

namespace ParIndex.Grains.Tests.Contracts;

/// <summary>
/// What grains hand each other crosses silos through Orleans' serializer: every message comes back equal (compared as
/// JSON, so that lists and dictionaries compare by content), including the collections that C# collection
/// expressions create and the lookups that surrogates rebuild.
/// </summary>
public sealed class SerializationTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(CycleDefinition).Assembly)).BuildServiceProvider();
    private static readonly Serializer Serializer = Services.GetRequiredService<Serializer>();

    private static T RoundTrip<T>(T value) => Serializer.Deserialize<T>(Serializer.SerializeToArray(value))!;

    private static void AssertSameContent<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));

    private static CycleDefinition Definition()
    {
        var units = SurveyCycles.Units();
        units.Add(new AdministrativeUnit
        {
            Code = "06-X1", Name = "Xã Mới", Type = "Xã", Level = 3, ParentCode = "06-H1",
            ValidFrom = new DateOnly(2020, 1, 1), Predecessors = [new Predecessor("06-X0", Partial: true)],
        });
        var cycle = SurveyCycles.Cycle(SurveyCycles.P02) with
        {
            Groups =
            [
                SurveyCycles.Group("so", "06-SNV", "06-SCT") with
                {
                    TieBreakers = [new SubtotalTieBreaker(ItemSource.Appraisal), new FieldTieBreaker("A")],
                    NotRanked = new HashSet<string> { "06-SCT" }, DisplayDecimals = 3,
                    Bands = ClassificationBands.Create([new("Nhóm A", 85m), new("Nhóm B", 0m)]),
                },
                SurveyCycles.Group("huyen", "06-H1"),
                SurveyCycles.Group("xa", "06-X1") with { Members = new UnitSelector("06-H1", 3, ["Xã"]) },
            ],
            SelfAssessmentDeadline = new DateOnly(2025, 3, 31),
        };
        return new CycleDefinition(cycle, units, cycle.Resolve(units), CycleStatus.Computed);
    }

    [Fact]
    public void A_cycle_definition_comes_back_with_its_frameworks_groups_units_and_lookups()
    {
        var definition = Definition();

        var copy = RoundTrip(definition);

        AssertSameContent(definition.Cycle, copy.Cycle);
        AssertSameContent(definition.Members, copy.Members);
        Assert.Equal(definition.Units.All.Count(), copy.Units.All.Count());
        Assert.Equal(CycleStatus.Computed, copy.Status);
        // The lookups are rebuilt, not only the parts.
        Assert.Equal("so", copy.GroupOf("06-SCT")?.Code);
        Assert.Equal("06-H1", copy.ParentOf("06-X1"));
        Assert.Equal(75m, copy.FrameworkOf("06-SNV").Maximum);
        Assert.Equal("Nhóm A", copy.Cycle.FindGroup("so")!.Bands.Classify(90m));
        Assert.True(copy.Unit("06-X1")!.Predecessors.Single().Partial);
    }

    [Fact]
    public void A_scorecard_view_comes_back_with_its_values_result_workflow_and_returns()
    {
        var framework = SurveyCycles.SurveyFramework;
        var card = new Scorecard("06-SNV", framework);
        card.Apply([new ScoreEntry("06-SNV", "A.1.1", ScoreKind.Self, 60.125m, "Có minh chứng"), new ScoreEntry("06-SNV", "S.1.1", ScoreKind.Survey, 1.5m)]);
        var view = new ScorecardView("par-2024-06", "06-SNV", "so", card.Items, ScoringPolicy.Compute(card, ScoringSettings.Default), "7")
        {
            Workflow = new WorkflowState(ScorecardStatus.Returned, 1, new HashSet<string> { "A.1.1" }),
            Returns = new Dictionary<string, ReturnNote> { ["A.1.1"] = new("Bổ sung minh chứng?") },
        };

        var copy = RoundTrip(view);

        AssertSameContent(view, copy);
        Assert.Equal(60.125m, copy.Items["A.1.1"].Self);
        Assert.Contains("A.1.1", copy.Workflow.ReturnedItems);
    }

    [Fact]
    public void Changes_results_and_roll_ups_come_back_equal()
    {
        var change = new ScoreChange([new ScoreEntry("06-SNV", "A.1.1", ScoreKind.NotApplicable, null, "Không phát sinh")], "thamdinh", "api", "3");
        var line = new ResultLine
        {
            Group = "so", Rank = 2, UnitCode = "06-SNV", UnitName = "Sở Nội vụ", Obtained = 80.5m, Maximum = 100m, Index = 80.5m,
            IndexDisplay = 80.50m, DisplayDecimals = 2, Classification = "Tốt", Provisional = false, PreviousIndex = 79m, PreviousRank = 3, RankChange = 1, Version = 2,
        };
        var summary = RollUpPolicy.Summarize(SurveyCycles.Group("so", "06-SNV"), SurveyCycles.SurveyFramework, [Frameworks.WithIndex("06-SNV", 80.5m)]);
        var rollUp = new UnitRollUp("par-2024-06", "06", [summary], [summary]);
        var audit = new AuditEntry("A.1.1", ScoreKind.Self, 1m, 2m, null, "ghi chú", "u", "web", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(7))) { Step = "submit" };

        AssertSameContent(change, RoundTrip(change));
        Assert.Equal(line, RoundTrip(line));
        AssertSameContent(rollUp, RoundTrip(rollUp));
        Assert.Equal(audit, RoundTrip(audit));
    }

    [Fact]
    public void A_refusal_comes_back_with_its_type_message_and_every_error()
    {
        var refusal = new DomainValidationException("Không lưu được:", ["Mục A.1.1: điểm 71 lớn hơn tối đa 70.", "Mục X: không có trong bộ tiêu chí."]);

        var copy = Assert.IsType<DomainValidationException>(RoundTrip<Exception>(refusal));

        Assert.Equal(refusal.Message, copy.Message);
        Assert.Equal(refusal.Errors, copy.Errors);
        Assert.IsType<NotFoundException>(RoundTrip<Exception>(new NotFoundException("Không có kỳ par-1990.")));
    }
}
