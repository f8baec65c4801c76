namespace Platform.AppHost;

public static class PlatformResourceExtensions
{
    /// <summary>
    /// What every platform service gets: the AppHost's environment name (Development serves the WebUI's static assets
    /// from the build output), and console logs in the simple format a person reads (JSON lines otherwise).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformDefaults(this IResourceBuilder<ProjectResource> service, IDistributedApplicationBuilder builder) =>
        service
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("Logging__Console__FormatterName", "simple");

    /// <summary>
    /// The service's HTTP endpoint (health, and the pages where it has any) on a port Aspire allocates. The services'
    /// appsettings.json name a default <c>Urls</c>, which outranks ASPNETCORE_URLS; <c>Urls</c> set here outranks both.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPlatformHttp(this IResourceBuilder<ProjectResource> service)
    {
        service.WithHttpEndpoint(name: "http");
        var http = service.GetEndpoint("http");
        return service
            .WithEnvironment("Urls", ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}"))
            .WithHttpHealthCheck("/health");
    }

    /// <summary>
    /// An Orleans client of the silos' gateways (Orleans' static clustering: <c>Orleans:Clustering:Gateways</c>), the
    /// same keys a service elsewhere is given; it never gets the membership table's database credentials.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithClusterGateways(
        this IResourceBuilder<ProjectResource> client, string clusterId, IReadOnlyList<IResourceBuilder<ProjectResource>> silos)
    {
        client
            .WithEnvironment("Orleans__ClusterId", clusterId)
            .WithEnvironment("Orleans__ServiceId", clusterId)
            .WithEnvironment("Orleans__Clustering__ProviderType", "Static")
            // As Aspire.Hosting.Orleans does for silos: client calls carry the trace on to the silo (WebUI → silo → PostgreSQL).
            .WithEnvironment("Orleans__EnableDistributedTracing", "true");
        for (var i = 0; i < silos.Count; i++)
        {
            var gateway = silos[i].GetEndpoint("orleans-gateway");
            client.WithEnvironment($"Orleans__Clustering__Gateways__{i}", ReferenceExpression.Create($"127.0.0.1:{gateway.Property(EndpointProperty.TargetPort)}"));
        }

        return client;
    }
}
