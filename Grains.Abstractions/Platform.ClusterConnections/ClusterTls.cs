using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Orleans.Connections.Security;

namespace Platform.ClusterConnections;

/// <summary>
/// TLS between clients, gateways and silos with the operator's certificate. Off unless a certificate is configured
/// (<c>Orleans:Tls:CertificatePath</c>, a PKCS#12 file with its private key, and <c>:CertificatePassword</c>); then
/// every connection is TLS, both ends present a certificate, and a peer is accepted only when it presents this very
/// certificate or one whose SHA-256 fingerprint is listed in <c>Orleans:Tls:TrustedCertificates</c>. The operator's
/// certificate is the trust anchor, so a self-signed one serves: no certificate authority, host name or revocation
/// check stands in for the fingerprint (silos are reached by address, and a public CA would vouch for anyone's name).
/// </summary>
public sealed class ClusterTls
{
    public const string Section = "Orleans:Tls";

    private readonly HashSet<string> _trusted;

    private ClusterTls(X509Certificate2 certificate, IEnumerable<string> trustedFingerprints)
    {
        Certificate = certificate;
        _trusted = new HashSet<string>(trustedFingerprints.Select(NormaliseFingerprint), StringComparer.Ordinal) { Fingerprint(certificate) };
    }

    /// <summary>The certificate this process presents.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>TLS as configured under <see cref="Section"/>, or null when no certificate is configured (TLS off).</summary>
    public static ClusterTls? FromConfiguration(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return section["CertificatePath"] is { Length: > 0 } path
            ? Load(path, section["CertificatePassword"], section.GetSection("TrustedCertificates").GetChildren().Select(c => c.Value ?? ""))
            : null;
    }

    /// <summary>Loads the certificate (with its private key) from a PKCS#12 file.</summary>
    public static ClusterTls Load(string path, string? password, IEnumerable<string> trustedFingerprints)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"The TLS certificate {path} could not be loaded: {e.Message} It must be a PKCS#12 (.pfx) file with its private key, and the password must match.", e);
        }

        return certificate.HasPrivateKey
            ? new ClusterTls(certificate, trustedFingerprints)
            : throw new InvalidOperationException($"The TLS certificate {path} has no private key: export it as PKCS#12 (.pfx) with the key.");
    }

    /// <summary>The SHA-256 fingerprint, upper-case hex without separators (what <c>TrustedCertificates</c> lists).</summary>
    public static string Fingerprint(X509Certificate2 certificate) => certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>True for a peer certificate this process accepts: a trusted fingerprint, within its validity period.</summary>
    public bool Trusts(X509Certificate2 remote, DateTimeOffset now) =>
        _trusted.Contains(Fingerprint(remote)) && remote.NotBefore <= now && now <= remote.NotAfter;

    /// <summary>Both directions: present the certificate, require one from the peer, accept only a trusted one.</summary>
    public void Configure(TlsOptions options)
    {
        options.LocalCertificate = Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Chain and name errors are expected for a self-signed certificate reached by IP address; the fingerprint decides.
        options.RemoteCertificateValidation = (certificate, _, _) => Trusts(certificate, DateTimeOffset.UtcNow);
    }

    // openssl prints "AB:CD:..."; accept it as printed.
    private static string NormaliseFingerprint(string fingerprint) =>
        fingerprint.Replace(":", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
}
