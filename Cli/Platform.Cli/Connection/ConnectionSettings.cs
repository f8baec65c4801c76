using System.CommandLine;
using System.Net;
using Platform.ClusterConnections;

namespace Platform.Cli.Connection;

/// <summary>
/// How to reach the cluster and who to be there, resolved from options, then environment variables. The cluster is
/// reached through its gateways (<c>--gateways</c> / PLATFORM_GATEWAYS, <c>host:port</c> entries): the tool then needs
/// no database credentials. A PostgreSQL connection string (<c>--connection</c> / PLATFORM_CONNECTION, finding the
/// gateways in the membership table) is still accepted, for old set-ups only. With TLS on in the cluster the tool
/// presents the operator's certificate (PLATFORM_TLS_CERTIFICATE, PLATFORM_TLS_CERTIFICATE_PASSWORD, and
/// PLATFORM_TLS_TRUSTED for peer certificates other than its own).
/// </summary>
public sealed record ConnectionSettings(
    IReadOnlyList<IPEndPoint>? Gateways, string? LegacyConnectionString, string ClusterId, string ApiKey, string? Lab, ClusterTls? Tls)
{
    public const string DefaultClusterId = "platform";

    public static ConnectionSettings Resolve(ParseResult parse, CliConsole console)
    {
        // Options outrank the environment as a pair: --connection wins over a PLATFORM_GATEWAYS a wrapper set.
        var (gateways, connection) = parse.GetValue(GlobalOptions.Gateways) is not null || parse.GetValue(GlobalOptions.Connection) is not null
            ? (parse.GetValue(GlobalOptions.Gateways), parse.GetValue(GlobalOptions.Connection))
            : (console.Environment("PLATFORM_GATEWAYS"), console.Environment("PLATFORM_CONNECTION"));
        if (string.IsNullOrWhiteSpace(gateways) && string.IsNullOrWhiteSpace(connection))
            throw CliException.Usage("No cluster: set PLATFORM_GATEWAYS (or --gateways) to the silos' gateway addresses, e.g. 127.0.0.1:30000 for scripts/start.sh. Ask the operator for them.");

        var clusterId = parse.GetValue(GlobalOptions.ClusterId) ?? console.Environment("PLATFORM_CLUSTER_ID") ?? DefaultClusterId;
        var lab = parse.GetValue(GlobalOptions.Lab) ?? console.Environment("PLATFORM_LAB");
        return string.IsNullOrWhiteSpace(gateways)
            ? new ConnectionSettings(null, connection, clusterId, ApiKeyOf(parse, console), lab, TlsOf(parse, console))
            : new ConnectionSettings(GatewaysOf(gateways), null, clusterId, ApiKeyOf(parse, console), lab, TlsOf(parse, console));
    }

    private static IReadOnlyList<IPEndPoint> GatewaysOf(string list)
    {
        try
        {
            return GatewayAddresses.Parse(list);
        }
        catch (FormatException e)
        {
            throw CliException.Usage($"PLATFORM_GATEWAYS / --gateways: {e.Message}");
        }
    }

    private static ClusterTls? TlsOf(ParseResult parse, CliConsole console)
    {
        if ((parse.GetValue(GlobalOptions.TlsCertificate) ?? console.Environment("PLATFORM_TLS_CERTIFICATE")) is not { Length: > 0 } file)
            return null;

        var path = Path.GetFullPath(file, console.WorkingDirectory);
        if (!File.Exists(path))
            throw CliException.Usage($"The TLS certificate {path} does not exist (PLATFORM_TLS_CERTIFICATE / --tls-certificate).");
        var trusted = (console.Environment("PLATFORM_TLS_TRUSTED") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        try
        {
            return ClusterTls.Load(path, console.Environment("PLATFORM_TLS_CERTIFICATE_PASSWORD"), trusted);
        }
        catch (InvalidOperationException e)
        {
            throw CliException.Usage(e.Message);
        }
    }

    private static string ApiKeyOf(ParseResult parse, CliConsole console)
    {
        var file = parse.GetValue(GlobalOptions.ApiKeyFile) ?? console.Environment("PLATFORM_API_KEY_FILE");
        if (parse.GetValue(GlobalOptions.ApiKey) is { Length: > 0 } given)
            return given.Trim();
        if (file is not null)
        {
            var path = Path.GetFullPath(file, console.WorkingDirectory);
            if (!File.Exists(path))
                throw CliException.Usage($"The API key file {path} does not exist. Write the key a lab's principal investigator created into it.");
            return File.ReadAllText(path).Trim();
        }

        return console.Environment("PLATFORM_API_KEY") is { Length: > 0 } key
            ? key.Trim()
            : throw CliException.Usage("No API key: set PLATFORM_API_KEY or PLATFORM_API_KEY_FILE (or pass --api-key-file). A lab's principal investigator creates keys on the lab's page.");
    }
}
