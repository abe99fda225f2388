using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using ParIndex.Web.Tests.Api;
using ParIndex.Web.Tests.Observability;
using ParIndex.Web.Tests.Support;

namespace ParIndex.Web.Tests.Operations;

/// <summary>The data-protection keys in the shared database: encrypted to a certificate when one is configured; a warning at start when not.</summary>
public class KeyProtectionTests
{
    [Fact]
    public Task With_a_certificate_the_stored_keys_are_encrypted_and_another_node_or_the_next_certificate_still_reads_them() => OwnDemoApp.RunAsync(async demo =>
    {
        var folder = Path.GetDirectoryName(demo.DatabasePath)!;
        var first = Pfx(folder, "first.pfx", "mat-khau-1");
        var second = Pfx(folder, "second.pfx", "mat-khau-2");

        await using (var app = demo.WithWebHostBuilder(b => { b.UseSetting("DataProtection:Certificate:Path", first); b.UseSetting("DataProtection:Certificate:Password", "mat-khau-1"); }))
            Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/dang-nhap")).StatusCode); // its form token needs a key: one is made and stored

        var stored = await KeysAsync(demo);
        var key = Assert.Single(stored);
        Assert.Contains("<EncryptedData", key);
        Assert.DoesNotContain("<masterKey", key); // the secret's element is replaced by its encrypted form
        Assert.DoesNotContain("<value>", key);

        // The next node (or this one restarted), whose certificate is now the second with the first kept to read
        // what it encrypted: it reads the stored key (an unreadable one would make it create another) and signs in.
        await using (var app = demo.WithWebHostBuilder(b =>
        {
            b.UseSetting("DataProtection:Certificate:Path", second);
            b.UseSetting("DataProtection:Certificate:Password", "mat-khau-2");
            b.UseSetting("DataProtection:PreviousCertificates:0:Path", first);
            b.UseSetting("DataProtection:PreviousCertificates:0:Password", "mat-khau-1");
        }))
            await app.ProvinceAsync();
        Assert.Equal(stored, await KeysAsync(demo));
        Assert.DoesNotContain(LogLines.Read(demo), l => l.Message().Contains("KHÔNG mã hóa", StringComparison.Ordinal));
    });

    [Fact]
    public Task Without_a_certificate_the_log_warns_at_start_that_the_keys_are_stored_unencrypted() => OwnDemoApp.RunAsync(async demo =>
    {
        Assert.Equal(HttpStatusCode.OK, (await demo.CreateClient().GetAsync("/readyz")).StatusCode);
        // Written while the host started, before it answered: already in the file.
        var warning = Assert.Single(LogLines.Read(demo), l => l.Message().Contains("KHÔNG mã hóa", StringComparison.Ordinal));
        Assert.Equal("Warning", warning.Level());
        Assert.Contains("DataProtection:Certificate:Path", warning.Message());
    });

    /// <summary>A self-signed certificate with its RSA key, saved as a password-protected PKCS#12 file.</summary>
    private static string Pfx(string folder, string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ParIndex data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    private static async Task<List<string>> KeysAsync(DemoApp demo)
    {
        await using var connection = new SqliteConnection($"Data Source={demo.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Xml\" FROM data_protection_keys ORDER BY \"Id\"";
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        return keys;
    }
}
