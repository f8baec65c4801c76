using Microsoft.AspNetCore.Components.Server.Circuits;
using Platform.WebUI.Operations;

namespace Platform.WebUI.Services;

public static class PlatformClientExtensions
{
    /// <summary>
    /// The WebUI is an Orleans client configured from the same keys as the silo (<c>Orleans:ClusterId</c>,
    /// <c>Orleans:Clustering:*</c>, <c>ConnectionStrings:platformdb</c>); it finds gateways in the membership table.
    /// </summary>
    public static WebApplicationBuilder AddPlatformClient(this WebApplicationBuilder builder)
    {
        builder.UseOrleansClient(client => client.UseConnectionRetryFilter<GatewayRetryFilter>().AddOperatorDashboard(builder.Configuration));
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
