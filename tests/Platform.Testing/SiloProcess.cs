namespace Platform.Testing;

/// <summary>The keys a silo is started with: user tokens are verified with the signing key; only silos hold the system key.</summary>
public sealed record SiloKeys(string SigningKeyBase64, string SystemKeyBase64);

/// <summary>The real Platform.Silo program as a separate process, on free ports, against a test database (cluster tests, the load benchmark).</summary>
public static class SiloProcess
{
    public sealed record Ports(int Http, int Silo, int Gateway);

    public static ServiceProcess Create(string name, string connectionString, string clusterId, Ports ports, Action<string> output, SiloKeys keys,
        IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{ports.Http}",
            ["ConnectionStrings__platformdb"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__Endpoints__SiloPort"] = ports.Silo.ToString(),
            ["Orleans__Endpoints__GatewayPort"] = ports.Gateway.ToString(),
            ["Logging__Console__FormatterName"] = "simple",
            ["Platform__Identity__SigningKey"] = keys.SigningKeyBase64,
            ["Platform__Identity__SystemKey"] = keys.SystemKeyBase64,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
            environment[key] = value;

        return new ServiceProcess(name, RepositoryPaths.ServiceAssembly("Platform.Silo"), environment,
            new Uri($"http://127.0.0.1:{ports.Http}/health"), output);
    }

    public static Ports FreePortSet() => new(FreePorts.Next(), FreePorts.Next(), FreePorts.Next());

    /// <summary>Faster failure detection than production defaults, so a killed silo is declared dead in seconds, not minutes.</summary>
    public static IReadOnlyDictionary<string, string> FastMembership { get; } = new Dictionary<string, string>
    {
        ["Orleans__Membership__ProbeTimeout"] = "00:00:01",
        ["Orleans__Membership__NumMissedProbesLimit"] = "2",
        ["Orleans__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Orleans__Membership__DeathVoteExpirationTimeout"] = "00:00:30",
    };

    /// <summary><see cref="FastMembership"/> with a test's own settings.</summary>
    public static Dictionary<string, string> WithFastMembership(IReadOnlyDictionary<string, string> settings) =>
        FastMembership.Concat(settings).ToDictionary();
}
