using ParIndex.Grains.Contracts;
using ParIndex.Grains.Domain;

namespace ParIndex.Web.Pages.Analysis;

/// <summary>The model of _GroupHead: a group's title and the tabs between its ranking and its analyses.</summary>
public sealed record GroupTabs(CycleDefinition Cycle, RankGroup Group, string Active, string Lead);
