using System.Globalization;

namespace Platform.AppHost;

/// <summary>Ports and names of one local deployment. Defaults suit a developer machine; tests pass free ports and a throw-away database.</summary>
public sealed record AppHostOptions
{
    public int WebUiPort { get; init; } = 5080;
    public int SiloHttpPort { get; init; } = 5081;
    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;
    public string Database { get; init; } = "platform";
    public string ClusterId { get; init; } = "platform";
    /// <summary>Stop PostgreSQL on exit if this run started it (the default: Ctrl+C stops all it started).</summary>
    public bool StopPostgresOnExit { get; init; } = true;
    /// <summary>Seed the demo lab and project on first start (Platform:Demo:Enabled); tests that need an empty platform turn it off.</summary>
    public bool Demo { get; init; } = true;
    /// <summary>The file store datasources are registered from; null: .data/store in the checkout.</summary>
    public string? DataRoot { get; init; }
    /// <summary>Where the platform writes preprocessed data, checkpoints and predictions; null: .data/work in the checkout.</summary>
    public string? WorkRoot { get; init; }
    /// <summary>Serve the Orleans dashboard to platform administrators at the WebUI's /dashboard (Platform:Dashboard:Enabled); off by default.</summary>
    public bool Dashboard { get; init; }

    public static AppHostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new AppHostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.");
            int Port() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536
                ? p
                : throw new ArgumentException($"Option {args[i - 1]} needs a port number between 1 and 65535.");

            options = args[i] switch
            {
                "--webui-port" => options with { WebUiPort = Port() },
                "--silo-http-port" => options with { SiloHttpPort = Port() },
                "--silo-port" => options with { SiloPort = Port() },
                "--gateway-port" => options with { GatewayPort = Port() },
                "--database" => options with { Database = Value() },
                "--cluster-id" => options with { ClusterId = Value() },
                "--keep-postgres" => options with { StopPostgresOnExit = false },
                "--demo" => options with { Demo = true },
                "--no-demo" => options with { Demo = false },
                "--data-root" => options with { DataRoot = Path.GetFullPath(Value()) },
                "--work-root" => options with { WorkRoot = Path.GetFullPath(Value()) },
                "--dashboard" => options with { Dashboard = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. {Usage}"),
            };
        }

        return options;
    }

    public const string Usage = """
        Usage: Platform.AppHost [up] [--webui-port N] [--silo-http-port N] [--silo-port N] [--gateway-port N]
                                     [--database NAME] [--cluster-id ID] [--keep-postgres]
                                     [--demo | --no-demo] [--data-root DIR] [--work-root DIR] [--dashboard]
          --demo / --no-demo   seed the demo lab and project on first start (default: on)
          --data-root DIR      the file store datasources are registered from (default: .data/store)
          --work-root DIR      preprocessed data, checkpoints, predictions (default: .data/work)
          --dashboard          the Orleans dashboard at the WebUI's /dashboard, for platform administrators (default: off)
          Secrets (admin.password, identity.key, system.key, postgres.password) stay in .data/ whatever the roots.
               Platform.AppHost postgres start|stop|status
        """;
}
