using Orleans.Configuration;
using Orleans.Dashboard;
using Platform.ClusterConnections;
using Platform.Grains;
using Platform.ServiceDefaults.Database;
using Platform.Grains.Plans;
using Platform.Grains.Tenancy;
using Platform.Schema;

namespace Platform.Silo.Hosting;

/// <summary>
/// The silo is configured from standard keys, the ones an Aspire AppHost sets: <c>Orleans:ClusterId</c>,
/// <c>Orleans:Clustering:ProviderType</c> (AdoNet),
/// <c>Orleans:GrainStorage:platform:*</c>, <c>Orleans:Reminders:*</c>, <c>Orleans:Endpoints:*</c> and
/// <c>ConnectionStrings:platformdb</c>, <c>Platform:Identity:*</c> (signing key, system key, platform administrators) and
/// <c>Platform:Training:*</c> (see <see cref="SiloTrainingExtensions"/>), <c>Platform:Dashboard:Enabled</c> and
/// <c>Orleans:Tls:*</c> (see <see cref="ClusterTls"/>).
/// appsettings.json holds the PostgreSQL defaults.
/// </summary>
public static class SiloHostingExtensions
{
    public const string DatabaseConnectionName = "platformdb";
    public const string DashboardEnabledKey = "Platform:Dashboard:Enabled";

    public static TBuilder AddPlatformSilo<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<ClusterMembershipOptions>(builder.Configuration.GetSection("Orleans:Membership"));
        var connectionString = builder.Configuration.GetConnectionString(DatabaseConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{DatabaseConnectionName} is not set: the silo keeps lab membership in PostgreSQL.");
        builder.Services.AddPlatformGrains(builder.Configuration, connectionString);
        // After AddPlatformGrains, which registers the data source it watches.
        builder.AddDatabaseAvailability();

        // The host's logging does not exist yet while the silo is being built; what training capabilities the
        // silo found is worth a line at startup, so a console logger of its own says it.
        var tls = ClusterTls.FromConfiguration(builder.Configuration);
        using var startupLogging = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole());
        builder.UseOrleans(silo =>
        {
            // System.Text.Json from day one: stored state stays readable (and migratable) without Orleans types.
            silo.UseSystemTextJsonGrainStorageSerializer();
            // TLS on the gateway and between silos when the operator gave a certificate: clients and silos then need it too.
            silo.UseClusterTls(tls);
            // Scores are NaN where nnU-Net's convention says so (Dice with both sides empty): store them as "NaN".
            silo.Services.Configure<Orleans.Serialization.SystemTextJsonGrainStorageSerializerOptions>(options =>
                options.JsonSerializerOptions.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals);
            // The dashboard's statistics, collected only where an operator turned it on; the WebUI serves the pages to
            // platform administrators (WebUI/Operations/OperatorDashboard.cs), the silo serves none.
            if (builder.Configuration.GetValue(DashboardEnabledKey, false))
                silo.AddDashboard();
            // Deny by default: every call to a platform grain is checked against the caller's lab and role.
            silo.AddIncomingGrainCallFilter<TenancyCallFilter>();
            // Every call silo code makes to a grain carries a credential only silos can sign (what GrainToGrainOnly needs).
            silo.AddOutgoingGrainCallFilter<SystemCallSigningFilter>();
            silo.AddIncomingGrainCallFilter<PlanFieldErrorFilter>();
            silo.AddPlatformTraining(builder.Configuration, startupLogging.CreateLogger("Platform.Silo.Training"));
        });

        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("orleans-silo");
        return builder;
    }

    /// <summary>Applies pending migrations unless Platform:Schema:ApplyOnStartup is false (an operator who migrates separately).</summary>
    public static async Task ApplyDatabaseSchemaAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Platform:Schema:ApplyOnStartup", true))
            return;

        var connectionString = app.Configuration.GetConnectionString(DatabaseConnectionName)!;
        var applied = await SchemaMigrator.ApplyAsync(connectionString, app.Logger);
        app.Logger.LogInformation("Schema up to date ({Count} migrations applied now)", applied.Count);
    }
}
