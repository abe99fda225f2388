namespace ParIndex.Web.Tests.Browser;

/// <summary>
/// A browser test: skipped only when no browser is installed and CI is not set. With CI=true a
/// missing browser fails the test instead, so CI can never pass without having run it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!File.Exists(ExecutablePath) && !ci)
            Skip = $"Không có trình duyệt {ExecutablePath} (cài bằng: apt-get install -y chromium); CI không được đặt nên bỏ qua.";
    }

    public static string ExecutablePath => Environment.GetEnvironmentVariable("PARINDEX_CHROMIUM") ?? Chromium;
}
