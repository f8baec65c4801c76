using System.CommandLine;
using Platform.LocalHosting.Postgres;

namespace Platform.Cli.Connection;

/// <summary>
/// How to reach the cluster and who to be there, resolved from options, then environment variables, then defaults
/// that match the README's local deployment (PostgreSQL on 127.0.0.1:54329 or PLATFORM_POSTGRES_PORT, database
/// 'platform', password in .data/postgres.password of the checkout; cluster id 'platform').
/// </summary>
public sealed record ConnectionSettings(string ConnectionString, string ClusterId, string ApiKey, string? Lab)
{
    public const string DefaultClusterId = "platform";

    public static ConnectionSettings Resolve(ParseResult parse, CliConsole console)
    {
        var connection = parse.GetValue(GlobalOptions.Connection) ?? console.Environment("PLATFORM_CONNECTION") ?? LocalDeploymentConnection(console);
        var clusterId = parse.GetValue(GlobalOptions.ClusterId) ?? console.Environment("PLATFORM_CLUSTER_ID") ?? DefaultClusterId;
        var lab = parse.GetValue(GlobalOptions.Lab) ?? console.Environment("PLATFORM_LAB");
        return new ConnectionSettings(connection, clusterId, ApiKeyOf(parse, console), lab);
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

    /// <summary>The local deployment of the checkout the tool runs in (or was built in).</summary>
    private static string LocalDeploymentConnection(CliConsole console)
    {
        string root;
        try
        {
            root = LocalPostgresOptions.FindRepositoryRoot(console.WorkingDirectory);
        }
        catch (DirectoryNotFoundException)
        {
            try
            {
                root = LocalPostgresOptions.FindRepositoryRoot(AppContext.BaseDirectory);
            }
            catch (DirectoryNotFoundException)
            {
                throw CliException.Usage("No connection: set PLATFORM_CONNECTION (or --connection) to the cluster's PostgreSQL connection string.");
            }
        }

        var options = LocalPostgresOptions.ForRepository(root);
        if (int.TryParse(console.Environment("PLATFORM_POSTGRES_PORT"), out var port))
            options = options with { Port = port };
        try
        {
            return new LocalPostgresServer(options).ConnectionString(options.Database);
        }
        catch (LocalPostgresException e)
        {
            throw CliException.Usage($"{e.Message} Or set PLATFORM_CONNECTION (or --connection) to the cluster's PostgreSQL connection string.");
        }
    }
}
