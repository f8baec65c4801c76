using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Secrets;

namespace Platform.AppHost;

/// <summary>What the start command tells a person once the WebUI is healthy: where things are, and on a first start the administrator's password.</summary>
public static class PlatformBanner
{
    /// <summary>The first platform administrator's account; the WebUI creates it with the admin-password parameter.</summary>
    public const string AdminUser = "admin";

    public static void PrintWhenReady(
        IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> webUi, PlatformSettings settings,
        IResourceBuilder<ParameterResource> adminPassword, KeptSecret adminPasswordDefault)
    {
        builder.Eventing.Subscribe<ResourceReadyEvent>(webUi.Resource, async (e, cancellationToken) =>
        {
            var logger = e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform");
            var password = await adminPassword.Resource.GetValueAsync(cancellationToken);
            var gateways = string.Join(",", Enumerable.Range(0, settings.Silos).Select(i => $"127.0.0.1:{settings.GatewayPort + i}"));
            var lines = new List<string>
            {
                "Platform is up.",
                $"  WebUI              {settings.WebUiUrl}/ (sign in as '{AdminUser}')",
                $"  Data root          {settings.DataRoot} (register datasource folders from here)",
                $"  Gateways           {gateways} (for the CLI and services: PLATFORM_GATEWAYS)",
                $"  PostgreSQL         127.0.0.1:{settings.PostgresPort}, database '{settings.Database}' (password in {Path.Combine(settings.DataFolder, "postgres.password")})",
            };
            if (settings.OrleansDashboard)
                lines.Add($"  Orleans dashboard  {settings.WebUiUrl}/dashboard (platform administrators)");
            if (settings.Demo)
                lines.Add("  Demo               lab 'Demo lab', project 'liver_demo' (seeded on first start; --demo false skips it)");
            lines.Add(adminPasswordDefault.CreatedNow
                ? $"  First start: sign in as '{AdminUser}' with password {password} (kept in {Path.Combine(settings.DataFolder, "admin.password")}; shown only now)"
                : $"  Administrator password in {Path.Combine(settings.DataFolder, "admin.password")}");
            lines.Add("  The Aspire dashboard's address and login link are printed above. Press Ctrl+C to stop.");
            logger.LogInformation("{Banner}", string.Join(Environment.NewLine, lines));
        });
    }
}
