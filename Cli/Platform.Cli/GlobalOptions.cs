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

    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "PostgreSQL connection string of the cluster's membership table (env PLATFORM_CONNECTION; default: the local deployment of the checkout you are in).",
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

    public static IEnumerable<Option> All => [Json, Connection, ClusterId, ApiKeyFile, ApiKey, Lab];
}
