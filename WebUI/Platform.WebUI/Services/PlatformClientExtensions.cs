using Microsoft.AspNetCore.Components.Server.Circuits;
using Platform.ClusterConnections;
using Platform.WebUI.Operations;

namespace Platform.WebUI.Services;

public static class PlatformClientExtensions
{
    /// <summary>
    /// The WebUI is an Orleans client of the silos' gateways, configured with Orleans' own keys (<c>Orleans:ClusterId</c>,
    /// <c>Orleans:Clustering:ProviderType</c> <c>Static</c> with <c>Orleans:Clustering:Gateways</c>), and TLS with the
    /// operator's certificate when <c>Orleans:Tls</c> names one. It never reads the membership table: the web tier's
    /// database role may read its sign-in accounts only.
    /// </summary>
    public static WebApplicationBuilder AddPlatformClient(this WebApplicationBuilder builder)
    {
        var tls = ClusterTls.FromConfiguration(builder.Configuration);
        builder.UseOrleansClient(client => client
            .UseConnectionRetryFilter<GatewayRetryFilter>()
            .UseClusterTls(tls)
            .AddOperatorDashboard(builder.Configuration));
        builder.Services.AddHealthChecks().AddCheck<ClusterClientHealthCheck>("orleans-client");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WebCaller>();
        builder.Services.AddScoped<CircuitHandler, CallerCircuitHandler>();
        builder.Services.AddScoped<LabsClient>();
        builder.Services.AddScoped<ProjectsClient>();
        builder.Services.AddScoped<ProjectListsClient>();
        builder.Services.AddScoped<DatasourcesClient>();
        builder.Services.AddScoped<SplitsClient>();
        builder.Services.AddScoped<SweepsClient>();
        builder.Services.AddScoped<FileDownloads>();
        builder.Services.AddScoped<BrowserPreferences>();
        builder.Services.AddScoped<RecentWork>();
        builder.Services.AddScoped<RunsClient>();
        // One feed per run page (a circuit's scope disposes any a page left open).
        builder.Services.AddTransient<RunProgressFeed>();
        // Likewise one poll per page that follows something in progress.
        builder.Services.AddTransient<SignedPolling>();
        builder.Services.AddScoped<ResultsClient>();
        builder.Services.AddScoped<PlansClient>();
        builder.Services.AddScoped<Components.Labs.LabAccessLoader>();
        return builder;
    }
}
