using System.Net;
using Platform.ClusterConnections;

namespace Platform.ServiceClient.Example;

/// <summary>
/// What the example reads from its environment: where the cluster is (PLATFORM_GATEWAYS, host:port entries separated
/// by commas, and PLATFORM_CLUSTER_ID), the lab's API key (PLATFORM_API_KEY), the operator's certificate when the
/// cluster requires TLS (PLATFORM_TLS_CERTIFICATE, PLATFORM_TLS_CERTIFICATE_PASSWORD), and what to work on:
/// EXAMPLE_PROJECT, EXAMPLE_FOLDER (a datasource folder relative to the lab's folder of the platform's data root,
/// {DataRoot}/{labId}), and optionally EXAMPLE_EPOCHS / EXAMPLE_ITERATIONS to shorten training. No database
/// credentials: a service reaches the platform through the gateways only.
/// </summary>
public sealed record ExampleSettings(
    IReadOnlyList<IPEndPoint> Gateways, string ClusterId, string ApiKey, ClusterTls? Tls, string Project, string Folder, int? Epochs, int? Iterations)
{
    public static ExampleSettings FromEnvironment() => new(
        GatewayAddresses.Parse(Required("PLATFORM_GATEWAYS")),
        Environment.GetEnvironmentVariable("PLATFORM_CLUSTER_ID") ?? "platform",
        Required("PLATFORM_API_KEY"),
        Environment.GetEnvironmentVariable("PLATFORM_TLS_CERTIFICATE") is { Length: > 0 } certificate
            ? ClusterTls.Load(certificate, Environment.GetEnvironmentVariable("PLATFORM_TLS_CERTIFICATE_PASSWORD"), [])
            : null,
        Environment.GetEnvironmentVariable("EXAMPLE_PROJECT") ?? "service_example",
        Required("EXAMPLE_FOLDER"),
        Number("EXAMPLE_EPOCHS"),
        Number("EXAMPLE_ITERATIONS"));

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"Set {name}.");

    private static int? Number(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : null;
}
