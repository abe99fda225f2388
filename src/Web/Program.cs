using ParIndex.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddParIndexWeb();

var app = builder.Build();
app.UseParIndexWeb();
app.MapParIndexHealth();
app.MapParIndexApi();
app.MapParIndexExports();
app.MapParIndexEvidence();
app.MapRazorPages();
app.Run();

public partial class Program;
