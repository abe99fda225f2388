namespace ParIndex.Web.Infrastructure;

/// <summary>What running in production needs beyond the pages: readiness for writes, the TLS proxy's headers, keys encrypted at rest.</summary>
public static class Operations
{
    public static WebApplicationBuilder AddParIndexOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<WriteProbe>();
        builder.Services.AddHealthChecks().AddCheck<WriteHealthCheck>("writes", tags: ["ready"]);
        builder.Services.AddParIndexProxies(builder.Configuration);
        builder.Services.AddParIndexKeyProtection(builder.Configuration);
        return builder;
    }
}
