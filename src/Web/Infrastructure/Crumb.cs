namespace ParIndex.Web.Infrastructure;

/// <summary>One step of the breadcrumbs: province → group or district → unit → field → criterion → item.</summary>
public sealed record Crumb(string Text, string? Href = null);
