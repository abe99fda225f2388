var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/healthz", () => Results.Text("Healthy"));
app.MapGet("/", () => Results.Content("<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>ParIndex</title></head><body><h1>ParIndex — Chỉ số cải cách hành chính</h1></body></html>", "text/html; charset=utf-8"));
app.Run();

public partial class Program;
