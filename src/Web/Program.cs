using ParIndex.Web;
using ParIndex.Web.Endpoints;
using ParIndex.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddParIndexObservability();
builder.AddParIndexWeb();

var app = builder.Build();
app.UseParIndexForwardedHeaders();
app.UseParIndexRequestLogging();
app.UseParIndexWeb();
app.MapParIndexHealth();
app.MapParIndexApi();
app.MapParIndexScoreWrites();
app.MapParIndexExports();
app.MapParIndexEvidence();
app.MapParIndexDashboard();
app.MapRazorPages();
app.Run();

public partial class Program;
