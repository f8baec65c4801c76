using System.Globalization;
using Microsoft.Extensions.Configuration;
using Platform.LocalHosting.Postgres;

namespace Platform.AppHost;

/// <summary>
/// What a local deployment may change, read from the AppHost's configuration (<c>Platform:*</c>: command line,
/// environment, appsettings.json). Short switches map onto the keys: <c>scripts/start.sh --silos 2 --demo false</c>.
/// </summary>
public sealed record PlatformSettings(
    string DataFolder,
    string DataRoot,
    string WorkRoot,
    int Silos,
    int WebUiPort,
    int GatewayPort,
    int PostgresPort,
    string Database,
    string ClusterId,
    bool Demo,
    bool OrleansDashboard,
    bool CpuTraining)
{
    /// <summary>Where the WebUI listens (loopback only, as before Aspire).</summary>
    public string WebUiUrl => $"http://127.0.0.1:{WebUiPort}";

    /// <summary>Command-line switches of scripts/start.sh, each followed by its value.</summary>
    public static readonly IReadOnlyDictionary<string, string> Switches = new Dictionary<string, string>
    {
        ["--silos"] = "Platform:Silos",
        ["--demo"] = "Platform:Demo",
        ["--dashboard"] = "Platform:OrleansDashboard",
        ["--webui-port"] = "Platform:WebUiPort",
        ["--gateway-port"] = "Platform:GatewayPort",
        ["--postgres-port"] = "Platform:PostgresPort",
        ["--data-folder"] = "Platform:DataFolder",
        ["--data-root"] = "Platform:DataRoot",
        ["--work-root"] = "Platform:WorkRoot",
        ["--cluster-id"] = "Platform:ClusterId",
    };

    public static PlatformSettings From(IConfiguration configuration, string appHostDirectory)
    {
        var section = configuration.GetSection("Platform");
        // Secrets and the PostgreSQL cluster live here; tests give each system a folder of its own.
        var dataFolder = Path.GetFullPath(section["DataFolder"] is { Length: > 0 } folder
            ? folder
            : Path.Combine(LocalPostgresOptions.FindRepositoryRoot(appHostDirectory), ".data"));
        var silos = section.GetValue("Silos", 1);
        if (silos is < 1 or > 16)
            throw new ArgumentException($"Platform:Silos is {silos}: start between 1 and 16 silos on one machine.");

        return new PlatformSettings(
            dataFolder,
            Path.GetFullPath(section["DataRoot"] is { Length: > 0 } data ? data : Path.Combine(dataFolder, "store")),
            Path.GetFullPath(section["WorkRoot"] is { Length: > 0 } work ? work : Path.Combine(dataFolder, "work")),
            silos,
            Port(section, "WebUiPort", 5080),
            Port(section, "GatewayPort", 30000),
            Port(section, "PostgresPort", 54329),
            section["Database"] ?? "platform",
            section["ClusterId"] ?? "platform",
            section.GetValue("Demo", true),
            section.GetValue("OrleansDashboard", false),
            section.GetValue("CpuTraining", true));
    }

    private static int Port(IConfiguration section, string key, int defaultPort) =>
        section[key] is not { Length: > 0 } text
            ? defaultPort
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
                ? port
                : throw new ArgumentException($"Platform:{key} is '{text}': give a port number between 1 and 65535.");
}
