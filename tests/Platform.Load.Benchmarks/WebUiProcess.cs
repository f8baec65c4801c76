using Platform.Testing;

namespace Platform.Load.Benchmarks;

/// <summary>
/// The real Platform.WebUI program as a process: an Orleans client of the given gateways (static clustering, as the
/// AppHost configures it), signing user tokens with the key the silos trust, keeping its accounts in the database.
/// </summary>
public static class WebUiProcess
{
    public static ServiceProcess Create(string connectionString, string clusterId, IReadOnlyList<int> gateways, int port, SiloKeys keys, string dataRoot, Action<string> output)
    {
        var environment = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__platformdb"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = clusterId,
            ["Orleans__Clustering__ProviderType"] = "Static",
            ["Logging__Console__FormatterName"] = "simple",
            ["Platform__Identity__SigningKey"] = keys.SigningKeyBase64,
            ["Platform__Identity__PlatformAdmins__0"] = LoadSystem.Admin,
            ["Platform__Storage__DataRoot"] = dataRoot,
            ["Platform__Demo__Enabled"] = "false",
        };
        for (var i = 0; i < gateways.Count; i++)
            environment[$"Orleans__Clustering__Gateways__{i}"] = $"127.0.0.1:{gateways[i]}";

        return new ServiceProcess("webui", RepositoryPaths.ServiceAssembly("Platform.WebUI"), environment, new Uri($"http://127.0.0.1:{port}/health"), output);
    }
}
