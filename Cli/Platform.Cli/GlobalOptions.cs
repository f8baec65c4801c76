using System.CommandLine;

namespace Platform.Cli;

/// <summary>Options every command accepts (added once to the root, recursively).</summary>
public static class GlobalOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document to standard output (no progress bars, no colour); errors still go to standard error.",
        Recursive = true,
    };

    public static readonly Option<string?> Gateways = new("--gateways")
    {
        Description = "The silos' gateway addresses, host:port separated by commas (env PLATFORM_GATEWAYS; scripts/platform defaults to 127.0.0.1:30000, the gateway scripts/start.sh opens).",
        Recursive = true,
    };

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Legacy: a PostgreSQL connection string of the cluster's membership table instead of --gateways (env PLATFORM_CONNECTION). It carries database credentials; prefer gateways.",
        Recursive = true,
    };

    public static readonly Option<string?> TlsCertificate = new("--tls-certificate")
    {
        Description = "The operator's PKCS#12 (.pfx) certificate when the cluster requires TLS (env PLATFORM_TLS_CERTIFICATE; its password in PLATFORM_TLS_CERTIFICATE_PASSWORD).",
        Recursive = true,
    };

    public static readonly Option<string?> ClusterId = new("--cluster-id")
    {
        Description = "Orleans cluster id (env PLATFORM_CLUSTER_ID; default 'platform', as scripts/start.sh uses).",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKeyFile = new("--api-key-file")
    {
        Description = "File holding the lab's service API key (env PLATFORM_API_KEY_FILE). Preferred over --api-key.",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "The lab's service API key. Prefer PLATFORM_API_KEY or --api-key-file: a key on the command line is visible to other users in the process list and stays in shell history.",
        Recursive = true,
    };

    public static readonly Option<string?> Lab = new("--lab")
    {
        Description = "Lab id (env PLATFORM_LAB; default: the lab the API key belongs to).",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Json, Gateways, Connection, TlsCertificate, ClusterId, ApiKeyFile, ApiKey, Lab];
}
