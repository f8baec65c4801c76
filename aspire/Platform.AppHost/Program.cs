using Microsoft.Extensions.Configuration;
using Platform.AppHost;
using Platform.AppHost.Orleans;
using Platform.AppHost.Postgres;
using Platform.AppHost.Secrets;
using Platform.Schema;

var builder = DistributedApplication.CreateBuilder(args);
builder.Configuration.AddCommandLine(args, PlatformSettings.Switches.ToDictionary());
var settings = PlatformSettings.From(builder.Configuration, builder.AppHostDirectory);

// Secrets are parameters whose values are made on the first start and kept in the data folder (or given as
// Parameters:<name>): the same values on every start, so sign-ins, tokens and the database stay valid.
var adminPasswordDefault = KeptSecret.Password(Path.Combine(settings.DataFolder, "admin.password"));
var adminPassword = builder.AddParameter("admin-password", adminPasswordDefault, secret: true);
var postgresPassword = builder.AddParameter("postgres-password", KeptSecret.Password(Path.Combine(settings.DataFolder, "postgres.password")), secret: true);
var webDatabasePassword = builder.AddParameter("webui-db-password", KeptSecret.Password(Path.Combine(settings.DataFolder, $"{DatabaseSetup.WebLoginRole}.password")), secret: true);
// The key the WebUI signs user tokens with and the silos verify; the system key only silos hold (calls between silos).
var signingKey = builder.AddParameter("identity-signing-key", KeptSecret.Key(Path.Combine(settings.DataFolder, "identity.key")), secret: true);
var systemKey = builder.AddParameter("identity-system-key", KeptSecret.Key(Path.Combine(settings.DataFolder, "system.key")), secret: true);

var postgres = builder.AddLocalPostgres("postgres", settings.DataFolder, settings.PostgresPort, postgresPassword);
var platformDb = builder.AddConnectionString("platformdb", postgres.Resource.DatabaseConnectionString(settings.Database));

var migration = builder.AddProject<Projects.Platform_Schema_Migrator>("migration")
    .WithPlatformDefaults(builder)
    .WithReference(platformDb)
    .WithEnvironment("Platform__Schema__WebLoginPassword", webDatabasePassword)
    .WaitFor(postgres);

// Pinned ids: stored grain state and reminders are keyed by the service id, so they survive restarts.
var database = new AdoNetProvider(platformDb);
var orleans = builder.AddOrleans("orleans")
    .WithClusterId(settings.ClusterId)
    .WithServiceId(settings.ClusterId)
    .WithClustering(database)
    .WithGrainStorage("platform", database)
    .WithReminders(database);

var silos = new List<IResourceBuilder<ProjectResource>>();
for (var i = 1; i <= settings.Silos; i++)
{
    var gatewayPort = settings.GatewayPort + i - 1;
    var silo = builder.AddProject<Projects.Platform_Silo>($"silo-{i}")
        .WithPlatformDefaults(builder)
        .WithReference(orleans)
        .WithEndpoint("orleans-gateway", gateway =>
        {
            // A fixed gateway for the CLI and services (PLATFORM_GATEWAYS), not behind Aspire's proxy.
            gateway.Port = gatewayPort;
            gateway.TargetPort = gatewayPort;
            gateway.IsProxied = false;
        })
        .WithPlatformHttp()
        // The migration resource applied the schema; silos started elsewhere apply it themselves.
        .WithEnvironment("Platform__Schema__ApplyOnStartup", "false")
        .WithEnvironment("Platform__Identity__SigningKey", signingKey)
        .WithEnvironment("Platform__Identity__SystemKey", systemKey)
        .WithEnvironment("Platform__Identity__PlatformAdmins__0", PlatformBanner.AdminUser)
        .WithEnvironment("Platform__Storage__DataRoot", settings.DataRoot)
        .WithEnvironment("Platform__Storage__WorkRoot", settings.WorkRoot)
        // Silo metadata: one machine, usually without a GPU, trains on the CPU; GPU silos run on GPU machines and
        // advertise their GPUs instead (docs/operations.md).
        .WithEnvironment("Platform__Training__CpuTraining", settings.CpuTraining ? "true" : "false")
        .WithEnvironment("Platform__Dashboard__Enabled", settings.OrleansDashboard ? "true" : "false")
        .WaitForCompletion(migration);
    silos.Add(silo);
}

var webUi = builder.AddProject<Projects.Platform_WebUI>("webui")
    .WithPlatformDefaults(builder)
    // The same database as the WebUI's own login: the web tier's rights only (its sign-in accounts, migration 0015),
    // not the owner's. Not a resource of its own, so the dashboard names every PostgreSQL span after platformdb.
    .WithEnvironment("ConnectionStrings__platformdb", postgres.Resource.DatabaseConnectionString(settings.Database, DatabaseSetup.WebLoginRole, webDatabasePassword.Resource))
    .WithReferenceRelationship(platformDb)
    .WithClusterGateways(settings.ClusterId, silos)
    .WithHttpEndpoint(port: settings.WebUiPort, targetPort: settings.WebUiPort, name: "http", isProxied: false)
    .WithEnvironment("Urls", settings.WebUiUrl)
    .WithHttpHealthCheck("/health")
    .WithEnvironment("Platform__Identity__SigningKey", signingKey)
    // The WebUI shows admin-only pages to the same administrators the silos accept, and creates the first one.
    .WithEnvironment("Platform__Identity__PlatformAdmins__0", PlatformBanner.AdminUser)
    .WithEnvironment("Platform__Identity__InitialAdmin__UserName", PlatformBanner.AdminUser)
    .WithEnvironment("Platform__Identity__InitialAdmin__Password", adminPassword)
    // The folder picker and the image viewer read the data root; no work root: predictions come through the run grain.
    .WithEnvironment("Platform__Storage__DataRoot", settings.DataRoot)
    .WithEnvironment("Platform__Demo__Enabled", settings.Demo ? "true" : "false")
    .WithEnvironment("Platform__Dashboard__Enabled", settings.OrleansDashboard ? "true" : "false");
foreach (var silo in silos)
    webUi.WaitFor(silo);

PlatformBanner.PrintWhenReady(builder, webUi, settings, adminPassword, adminPasswordDefault);
builder.Build().Run();
