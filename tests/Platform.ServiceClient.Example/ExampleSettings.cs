namespace Platform.ServiceClient.Example;

/// <summary>
/// What the example reads from its environment: where the cluster is (PLATFORM_CONNECTION, PLATFORM_CLUSTER_ID), the
/// lab's API key (PLATFORM_API_KEY), and what to work on: EXAMPLE_PROJECT, EXAMPLE_FOLDER (a datasource folder
/// relative to the lab's folder of the platform's data root, {DataRoot}/{labId}), and optionally EXAMPLE_EPOCHS / EXAMPLE_ITERATIONS to shorten training.
/// </summary>
public sealed record ExampleSettings(string ConnectionString, string ClusterId, string ApiKey, string Project, string Folder, int? Epochs, int? Iterations)
{
    public static ExampleSettings FromEnvironment() => new(
        Required("PLATFORM_CONNECTION"),
        Environment.GetEnvironmentVariable("PLATFORM_CLUSTER_ID") ?? "platform",
        Required("PLATFORM_API_KEY"),
        Environment.GetEnvironmentVariable("EXAMPLE_PROJECT") ?? "service_example",
        Required("EXAMPLE_FOLDER"),
        Number("EXAMPLE_EPOCHS"),
        Number("EXAMPLE_ITERATIONS"));

    private static string Required(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
        ? value
        : throw new InvalidOperationException($"Set {name}.");

    private static int? Number(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var n) ? n : null;
}
