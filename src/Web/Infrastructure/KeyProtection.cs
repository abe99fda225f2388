using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ParIndex.Web.Infrastructure;

/// <summary>
/// The data-protection keys (they sign the sign-in cookies and form tokens) are kept in the shared database,
/// readable by whoever reads that table or a backup of it. With a certificate configured
/// (`DataProtection:Certificate:Path` to a PKCS#12 file with its private key, `:Password` from the
/// environment) each key is stored encrypted to it; certificates used before (`DataProtection:PreviousCertificates:N:Path`
/// and `:Password`) still decrypt the keys they encrypted, so the certificate can be replaced without
/// signing everyone out. Without one the keys are stored as they are, and the log says so at every start.
/// </summary>
public static class KeyProtection
{
    public static IServiceCollection AddParIndexKeyProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var current = Certificate(configuration.GetSection("DataProtection:Certificate"));
        if (current is null)
        {
            services.AddHostedService<UnprotectedKeysWarning>();
            return services;
        }
        var previous = configuration.GetSection("DataProtection:PreviousCertificates").GetChildren().Select(Certificate).OfType<X509Certificate2>();
        services.AddDataProtection().ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate([current, .. previous]);
        return services;
    }

    private static X509Certificate2? Certificate(IConfigurationSection section)
    {
        if (section["Path"] is not { Length: > 0 } path) return null;
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, section["Password"]);
        return certificate.HasPrivateKey ? certificate
            : throw new InvalidOperationException($"{section.Path}: chứng chỉ \"{path}\" không có khóa riêng, nên không giải mã được các khóa bảo vệ dữ liệu đã mã hóa.");
    }

    /// <summary>Says at start, plainly, that the keys are stored unencrypted and how to change that.</summary>
    private sealed class UnprotectedKeysWarning(ILogger<UnprotectedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogWarning("Khóa bảo vệ dữ liệu (ký cookie đăng nhập và mã chống giả mạo) được lưu KHÔNG mã hóa trong bảng data_protection_keys: "
                + "ai đọc được bảng này hay một bản sao lưu của nó có thể giả mạo phiên đăng nhập. Đặt DataProtection:Certificate:Path "
                + "(tệp .pfx có khóa riêng) và DataProtection:Certificate:Password để mã hóa chúng (README, \"Running in production\").");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
