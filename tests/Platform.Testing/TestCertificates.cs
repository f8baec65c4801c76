using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Testing;

/// <summary>
/// Self-signed certificates written as PKCS#12 files, as an operator makes one for a test deployment (operations guide,
/// "TLS"): RSA 2048, valid for both server and client authentication. Each is a new key, so two are never the same
/// certificate. The folder is deleted with the object.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "test-certificate-password";

    private readonly string _folder = Directory.CreateTempSubdirectory("platform-tls-").FullName;

    /// <summary>Writes a new certificate with its private key to a .pfx file and returns the path.</summary>
    public string Create(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(_folder, $"{name}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
