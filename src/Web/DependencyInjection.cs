using Orleans.Dashboard;
using Microsoft.AspNetCore.DataProtection;
using ParIndex.Silo;
using ParIndex.Silo.Persistence;
using ParIndex.Silo.Storage;
using ParIndex.Web.Infrastructure;
using ParIndex.Web.Queries;

namespace ParIndex.Web;

/// <summary>Everything the web application wires up, in one place.</summary>
public static class DependencyInjection
{
    public static WebApplicationBuilder AddParIndexWeb(this WebApplicationBuilder builder)
    {
        var database = DatabaseConfiguration.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.AddParIndexSecurityHeaders();
        builder.Services.AddHttpContextAccessor(); // ParIndexReader keeps a request's cycle reads for the rest of it
        builder.Services.AddSingleton<ParIndexReader>();
        builder.Services.AddSingleton<RankingVersions>();
        builder.Services.AddSingleton<Readiness>();
        builder.Services.AddHostedService<DatabaseStartup>();
        // The web application co-hosts its silo. DatabaseStartup starts it once the database is migrated (the membership
        // tables included), instead of Orleans' own hosted service at host start: a node whose database is not ready yet
        // keeps answering /healthz, and /readyz says why, until it is.
        var cluster = builder.Configuration.GetSection("Orleans").Get<ClusterSettings>() ?? new ClusterSettings();
        var hosted = builder.Services.Where(d => d.ServiceType == typeof(IHostedService)).ToHashSet();
        builder.UseOrleans(silo =>
        {
            silo.AddParIndex(database, cluster);
            if (Dashboard.IsEnabled(builder.Configuration)) silo.AddDashboard();
        });
        // Orleans' own start (SiloHostedService) and what needs a started silo (the dashboard's host) wait for DatabaseStartup.
        var orleans = builder.Services.Where(d => d.ServiceType == typeof(IHostedService) && !hosted.Contains(d)).ToList();
        foreach (var service in orleans) builder.Services.Remove(service);
        builder.Services.AddSingleton(new SiloHostedServices(orleans.Where(d => d.ImplementationType?.Name != "SiloHostedService").ToList()));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.AddParIndexOperations(); // readiness for writes, proxies, key protection (Infrastructure/Operations.cs)
        builder.Services.AddProblemDetails();
        // Numbers are numbers: the web defaults would also accept (and document) them as strings.
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ParIndex API";
            document.Info.Description = "Chỉ số cải cách hành chính: kỳ đánh giá, nhóm xếp hạng, bảng xếp hạng và kết quả từng đơn vị; ghi điểm có kiểm tra phiên bản (ETag, If-Match).";
            return Task.CompletedTask;
        }));
        // Keys in the shared database: a cookie or a form token made by one node is read by every other.
        builder.Services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<ParIndexDbContext>>().CreateDbContext());
        builder.Services.AddDataProtection().SetApplicationName("ParIndex").PersistKeysToDbContext<ParIndexDbContext>();
        builder.Services.AddParIndexAuthentication();
        builder.Services.AddParIndexSignInLimit(builder.Configuration);
        builder.Services.AddSingleton<ResultsAccess>();
        builder.Services.AddRazorPages().AddMvcOptions(o =>
        {
            o.Filters.AddService<ResultsReadFilter>();
            o.Filters.AddService<KeepRenderedPageFilter>();
        });
        builder.Services.AddSingleton<KeptPages>();
        builder.Services.AddSingleton<KeepRenderedPageFilter>();
        builder.Services.AddScoped<ResultsReadFilter>();
        // Vietnamese letters as they are, not as &#x1EA5; escapes: smaller pages, readable source.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    public static WebApplication UseParIndexWeb(this WebApplication app)
    {
        app.UseParIndexSecurityHeaders();
        app.UseExceptionHandler(ErrorResponses.Options());
        app.UseStatusCodePages(ErrorResponses.StatusPageAsync);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseParIndexSignInLimit();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
